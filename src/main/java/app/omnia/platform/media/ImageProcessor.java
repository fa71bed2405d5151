package app.omnia.platform.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.springframework.stereotype.Component;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.crypto.Tokens;
import app.omnia.platform.web.ApiException;

/**
 * Accepts an uploaded image only after decoding it fully and encoding a fresh file: metadata (EXIF, GPS)
 * is dropped and a file that is also something else (a polyglot) loses the something else. Dimensions are
 * read before decoding so that a small file cannot claim a huge canvas (decompression bomb).
 */
@Component
public class ImageProcessor {

    /** Mastodon's "small" version fits in 640x640; the BlurHash is computed on a tiny copy (cost is per pixel). */
    static final int PREVIEW_MAX = 640;
    private static final int BLURHASH_SOURCE_MAX = 64;
    private static final float JPEG_QUALITY = 0.9f;

    private final OmniaProperties.Media limits;
    private final MediaStore store;

    public ImageProcessor(OmniaProperties properties, MediaStore store) {
        this.limits = properties.media();
        this.store = store;
        // Inside the packaged jar the WebP reader is not on the class path ImageIO scanned at JVM start.
        ImageIO.scanForPlugins();
    }

    /**
     * Decodes, crops to the target aspect ratio (centre), scales down to fit, re-encodes as PNG and stores.
     *
     * @param field the request field, named in any error
     */
    public StoredImage storeCropped(byte[] upload, String field, int targetWidth, int targetHeight) {
        requireSize(upload, field);
        BufferedImage image = decode(upload, field, Optional.empty()).image();
        BufferedImage cropped = cropAndScale(image, targetWidth, targetHeight);
        return store(cropped, ImageFormat.PNG, encode(cropped, ImageFormat.PNG));
    }

    /**
     * A media attachment: the image must be of the type its part declared; JPEG stays JPEG (photos), everything
     * else becomes PNG (a GIF keeps its first frame only). Stores the original and a preview fitting 640x640.
     *
     * @param declaredType the multipart part's Content-Type
     * @param field        the request field, named in any error
     */
    public ProcessedImage storeAttachment(byte[] upload, String declaredType, String field) {
        requireSize(upload, field);
        if (declaredType != null && declaredType.toLowerCase(java.util.Locale.ROOT).contains("svg")) {
            // SVG can carry scripts; it is never accepted, whatever it claims to be.
            throw ApiException.validation(field, "ERR_INVALID", field + ": SVG images are not accepted");
        }
        ImageFormat declared = ImageFormat.ofMimeType(declaredType).orElseThrow(() -> unsupported(field));
        BufferedImage image = decode(upload, field, Optional.of(declared)).image();
        ImageFormat output = declared == ImageFormat.JPEG ? ImageFormat.JPEG : ImageFormat.PNG;
        byte[] original = encode(image, output);
        BufferedImage small = fit(image, PREVIEW_MAX, output);
        String blurhash = BlurHash.encode(fit(small, BLURHASH_SOURCE_MAX, ImageFormat.PNG), 4, 3);
        StoredImage storedOriginal = store(image, output, original);
        StoredImage storedPreview = store(small, output, small == image ? original : encode(small, output));
        return new ProcessedImage(storedOriginal, storedPreview, original.length, blurhash);
    }

    private void requireSize(byte[] upload, String field) {
        if (upload == null || upload.length == 0) {
            throw ApiException.validation(field, "ERR_BLANK", field + " is empty");
        }
        if (upload.length > limits.maxImageBytes()) {
            throw ApiException.validation(field, "ERR_TOO_LARGE", field + " is larger than "
                    + limits.maxImageBytes() + " bytes");
        }
    }

    private record Decoded(BufferedImage image, ImageFormat format) {}

    /**
     * Reads the header first (format, then dimensions), refuses what is not allowed, and only then decodes
     * the first frame.
     */
    private Decoded decode(byte[] upload, String field, Optional<ImageFormat> expected) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            if (in == null) {
                throw unsupported(field);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw unsupported(field);
            }
            ImageReader reader = readers.next();
            try {
                ImageFormat format = ImageFormat.ofReaderName(reader.getFormatName())
                        .orElseThrow(() -> unsupported(field));
                if (expected.isPresent() && expected.get() != format) {
                    throw ApiException.validation(field, "ERR_INVALID", field + " is a " + format.displayName()
                            + " image but was sent as " + expected.get().mimeType());
                }
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > limits.maxImagePixels()) {
                    throw ApiException.validation(field, "ERR_TOO_LARGE", field + " has too many pixels (maximum is "
                            + limits.maxImagePixels() + ")");
                }
                return new Decoded(reader.read(0), format);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.validation(field, "ERR_INVALID", field + " could not be read as an image");
        }
    }

    private StoredImage store(BufferedImage image, ImageFormat format, byte[] bytes) {
        String name = Tokens.newSecret().substring(0, 32) + (format == ImageFormat.JPEG ? ".jpg" : ".png");
        store.write(name, bytes);
        return new StoredImage(name, format.mimeType(), image.getWidth(), image.getHeight());
    }

    private static byte[] encode(BufferedImage image, ImageFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format == ImageFormat.PNG) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
            // JPEG has no alpha channel: draw on white first, then write with an explicit quality.
            BufferedImage rgb = image.getType() == BufferedImage.TYPE_INT_RGB ? image : redraw(image,
                    image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
                writer.setOutput(ios);
                writer.write(null, new IIOImage(rgb, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(format + " encoding failed", e);
        }
    }

    /** The image scaled down (never up) to fit a max x max square, keeping its aspect ratio. */
    private static BufferedImage fit(BufferedImage image, int max, ImageFormat output) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (w <= max && h <= max) {
            return image;
        }
        double scale = Math.min((double) max / w, (double) max / h);
        int outW = Math.max(1, (int) Math.round(w * scale));
        int outH = Math.max(1, (int) Math.round(h * scale));
        return redraw(image, outW, outH, output == ImageFormat.JPEG ? BufferedImage.TYPE_INT_RGB
                : BufferedImage.TYPE_INT_ARGB);
    }

    private static BufferedImage redraw(BufferedImage image, int outW, int outH, int type) {
        BufferedImage out = new BufferedImage(outW, outH, type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (type == BufferedImage.TYPE_INT_RGB) {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, outW, outH);
            }
            g.drawImage(image, 0, 0, outW, outH, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage cropAndScale(BufferedImage image, int targetWidth, int targetHeight) {
        double targetRatio = (double) targetWidth / targetHeight;
        int w = image.getWidth();
        int h = image.getHeight();
        int cropW = w;
        int cropH = h;
        if ((double) w / h > targetRatio) {
            cropW = (int) Math.round(h * targetRatio);
        } else {
            cropH = (int) Math.round(w / targetRatio);
        }
        int outW = Math.min(targetWidth, cropW);
        int outH = Math.max(1, (int) Math.round(outW / targetRatio));
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            int x = (w - cropW) / 2;
            int y = (h - cropH) / 2;
            g.drawImage(image, 0, 0, outW, outH, x, y, x + cropW, y + cropH, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static ApiException unsupported(String field) {
        return ApiException.validation(field, "ERR_INVALID", field + " must be a JPEG, PNG, GIF or WebP image");
    }
}

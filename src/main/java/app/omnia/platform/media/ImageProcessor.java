package app.omnia.platform.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Component;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.crypto.Tokens;
import app.omnia.platform.web.ApiException;

/**
 * Accepts an uploaded image only after decoding it fully and encoding a fresh PNG: metadata (EXIF, GPS)
 * is dropped and a file that is also something else (a polyglot) loses the something else. Dimensions are
 * read before decoding so that a small file cannot claim a huge canvas (decompression bomb).
 */
@Component
public class ImageProcessor {

    private final OmniaProperties.Media limits;
    private final MediaStore store;

    public ImageProcessor(OmniaProperties properties, MediaStore store) {
        this.limits = properties.media();
        this.store = store;
    }

    /**
     * Decodes, crops to the target aspect ratio (centre), scales down to fit, re-encodes as PNG and stores.
     *
     * @param field the request field, named in any error
     */
    public StoredImage storeCropped(byte[] upload, String field, int targetWidth, int targetHeight) {
        if (upload == null || upload.length == 0) {
            throw ApiException.validation(field, "ERR_BLANK", field + " is empty");
        }
        if (upload.length > limits.maxImageBytes()) {
            throw ApiException.validation(field, "ERR_TOO_LARGE", field + " is larger than "
                    + limits.maxImageBytes() + " bytes");
        }
        BufferedImage image = decode(upload, field);
        BufferedImage cropped = cropAndScale(image, targetWidth, targetHeight);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(cropped, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException("PNG encoding failed", e);
        }
        String name = Tokens.newSecret().substring(0, 32) + ".png";
        store.write(name, out.toByteArray());
        return new StoredImage(name, "image/png", cropped.getWidth(), cropped.getHeight());
    }

    private BufferedImage decode(byte[] upload, String field) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (in == null || !readers.hasNext()) {
                throw unsupported(field);
            }
            ImageReader reader = readers.next();
            String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
            if (!(format.equals("png") || format.equals("jpeg") || format.equals("jpg") || format.equals("gif"))) {
                throw unsupported(field);
            }
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > limits.maxImagePixels()) {
                    throw ApiException.validation(field, "ERR_TOO_LARGE", field + " has too many pixels (maximum is "
                            + limits.maxImagePixels() + ")");
                }
                return reader.read(0);
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
        return ApiException.validation(field, "ERR_INVALID", field + " must be a JPEG, PNG or GIF image");
    }
}

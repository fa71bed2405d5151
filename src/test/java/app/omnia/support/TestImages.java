package app.omnia.support;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

/** Images made on the spot with ImageIO (and the one committed WebP file), for upload tests. */
public final class TestImages {

    private TestImages() {
    }

    /** A gradient, so that re-encoding and thumbnails have something to work on; format "png", "jpg" or "gif". */
    public static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, Color.BLUE));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalArgumentException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] png() {
        return image("png", 64, 48);
    }

    /**
     * A 24x16 lossless WebP, one colour (#3399cc), written bit by bit following the VP8L specification (no
     * encoder was at hand): RIFF/WEBP/VP8L headers, 14-bit width-1 and height-1, no transform, no colour cache,
     * and five "simple" prefix codes of one 8-bit symbol each (green 0x99, red 0x33, blue 0xcc, alpha 0xff,
     * distance 0), so every pixel takes zero bits. 34 bytes; see src/test/resources/media/README.
     */
    public static byte[] webp() {
        try (InputStream in = TestImages.class.getResourceAsStream("/media/solid-24x16.webp")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts an APP1 "Exif" segment right after the JPEG's start-of-image marker, as cameras do. */
    public static byte[] withExifSegment(byte[] jpeg, String payload) {
        byte[] data = ("Exif\0\0" + payload).getBytes(StandardCharsets.ISO_8859_1);
        int length = data.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(data, 0, data.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}

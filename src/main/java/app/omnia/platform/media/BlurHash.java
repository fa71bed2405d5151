package app.omnia.platform.media;

import java.awt.image.BufferedImage;

/**
 * A BlurHash encoder (the public algorithm from woltapp/blurhash): the image's colours as a few cosine
 * (DCT) components, quantised and written in base 83. Apps draw the blurred placeholder from this short
 * string before the real image arrives. Alpha is ignored, as in the reference encoders.
 */
public final class BlurHash {

    private static final String DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    private BlurHash() {
    }

    /**
     * Encodes with {@code componentsX} by {@code componentsY} components (each 1 to 9); the result has
     * {@code 4 + 2 * componentsX * componentsY} characters. Callers pass a small image: cost is pixels times components.
     */
    public static String encode(BufferedImage image, int componentsX, int componentsY) {
        if (componentsX < 1 || componentsX > 9 || componentsY < 1 || componentsY > 9) {
            throw new IllegalArgumentException("BlurHash components must be between 1 and 9");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        double[][] linear = linearPixels(image);
        double[][] factors = new double[componentsX * componentsY][];
        for (int j = 0; j < componentsY; j++) {
            for (int i = 0; i < componentsX; i++) {
                factors[j * componentsX + i] = component(linear, width, height, i, j);
            }
        }
        StringBuilder hash = new StringBuilder();
        base83((componentsX - 1) + (componentsY - 1) * 9, 1, hash);
        double maximum = 1;
        if (factors.length > 1) {
            double actualMaximum = 0;
            for (int k = 1; k < factors.length; k++) {
                for (double channel : factors[k]) {
                    actualMaximum = Math.max(actualMaximum, Math.abs(channel));
                }
            }
            int quantised = (int) Math.max(0, Math.min(82, Math.floor(actualMaximum * 166 - 0.5)));
            maximum = (quantised + 1) / 166.0;
            base83(quantised, 1, hash);
        } else {
            base83(0, 1, hash);
        }
        double[] dc = factors[0];
        base83((toSrgb(dc[0]) << 16) + (toSrgb(dc[1]) << 8) + toSrgb(dc[2]), 4, hash);
        for (int k = 1; k < factors.length; k++) {
            double[] ac = factors[k];
            base83(quantiseAc(ac[0], maximum) * 19 * 19 + quantiseAc(ac[1], maximum) * 19
                    + quantiseAc(ac[2], maximum), 2, hash);
        }
        return hash.toString();
    }

    /** The weight of one cosine basis function in each colour channel, averaged over the image. */
    private static double[] component(double[][] linear, int width, int height, int i, int j) {
        double r = 0;
        double g = 0;
        double b = 0;
        double normalisation = i == 0 && j == 0 ? 1 : 2;
        for (int y = 0; y < height; y++) {
            double cosY = Math.cos(Math.PI * j * y / height);
            for (int x = 0; x < width; x++) {
                double basis = Math.cos(Math.PI * i * x / width) * cosY;
                double[] pixel = linear[y * width + x];
                r += basis * pixel[0];
                g += basis * pixel[1];
                b += basis * pixel[2];
            }
        }
        double scale = normalisation / ((double) width * height);
        return new double[] {r * scale, g * scale, b * scale};
    }

    private static double[][] linearPixels(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        double[][] linear = new double[rgb.length][];
        for (int k = 0; k < rgb.length; k++) {
            int p = rgb[k];
            linear[k] = new double[] {toLinear((p >> 16) & 255), toLinear((p >> 8) & 255), toLinear(p & 255)};
        }
        return linear;
    }

    private static int quantiseAc(double value, double maximum) {
        double scaled = Math.copySign(Math.sqrt(Math.abs(value / maximum)), value);
        return (int) Math.max(0, Math.min(18, Math.floor(scaled * 9 + 9.5)));
    }

    static double toLinear(int srgb) {
        double v = srgb / 255.0;
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    static int toSrgb(double linear) {
        double v = Math.max(0, Math.min(1, linear));
        return v <= 0.0031308 ? (int) (v * 12.92 * 255 + 0.5) : (int) ((1.055 * Math.pow(v, 1 / 2.4) - 0.055) * 255 + 0.5);
    }

    private static void base83(int value, int length, StringBuilder into) {
        for (int position = length - 1; position >= 0; position--) {
            int divisor = (int) Math.pow(83, position);
            into.append(DIGITS.charAt((value / divisor) % 83));
        }
    }
}

package app.omnia.social.domain;

import java.util.Optional;

/**
 * Where the interesting part of an image is, for apps that crop thumbnails: x and y from -1 (left, bottom)
 * to 1 (right, top), Mastodon's convention.
 */
public record FocalPoint(double x, double y) {

    /** Parses Mastodon's {@code "x,y"}; empty when it is not two numbers within [-1, 1]. */
    public static Optional<FocalPoint> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            double x = Double.parseDouble(parts[0].trim());
            double y = Double.parseDouble(parts[1].trim());
            return inRange(x) && inRange(y) ? Optional.of(new FocalPoint(x, y)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean inRange(double value) {
        // NaN fails both comparisons, so "NaN,0" is refused too.
        return value >= -1 && value <= 1;
    }
}

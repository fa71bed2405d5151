package app.omnia.platform.ratelimit;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "N per period", written as a setting like {@code 300/5m} (units s, m, h, d). */
public record Limit(int count, Duration period) {

    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*([smhd])\\s*");

    public Limit {
        if (count < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("A limit needs a positive count and period");
        }
    }

    public static Limit parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Rate limit '" + text + "' is not of the form 300/5m");
        }
        try {
            long amount = Long.parseLong(m.group(2));
            Duration period = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return new Limit(Integer.parseInt(m.group(1)), period);
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            throw new IllegalArgumentException("Rate limit '" + text + "' is out of range");
        }
    }
}

package app.omnia.moderation.domain;

import java.util.Locale;
import java.util.Optional;

/** Mastodon's report categories, each with its weight in the queue. */
public enum ReportCategory {
    SPAM(10), LEGAL(40), VIOLATION(20), OTHER(5);

    private final int severity;

    ReportCategory(int severity) {
        this.severity = severity;
    }

    public int severity() {
        return severity;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportCategory> fromKey(String key) {
        for (ReportCategory c : values()) {
            if (c.key().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

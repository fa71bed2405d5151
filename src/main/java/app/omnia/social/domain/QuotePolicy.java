package app.omnia.social.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Who may quote a status, Mastodon's {@code quote_approval_policy}: anyone (but blocked accounts), the
 * author's followers, or nobody but the author. Quotes are accepted automatically or not at all: Omnia does
 * not queue quotes for manual approval.
 */
public enum QuotePolicy {
    PUBLIC("public"), FOLLOWERS("followers"), NOBODY("nobody");

    private final String key;

    QuotePolicy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<QuotePolicy> fromKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}

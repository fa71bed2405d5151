package app.omnia.platform.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mastodon's OAuth scopes. A broad scope covers its granular forms ({@code read} covers
 * {@code read:accounts}; {@code admin:read} covers {@code admin:read:accounts}); the legacy {@code follow}
 * covers reading and writing follows, blocks and mutes; {@code profile} covers only itself.
 */
public final class Scopes {

    public static final Set<String> KNOWN = Set.of(
            "read", "write", "follow", "push", "profile",
            "read:accounts", "read:blocks", "read:bookmarks", "read:favourites", "read:filters", "read:follows",
            "read:lists", "read:mutes", "read:notifications", "read:search", "read:statuses",
            "write:accounts", "write:blocks", "write:bookmarks", "write:conversations", "write:favourites",
            "write:filters", "write:follows", "write:lists", "write:media", "write:mutes", "write:notifications",
            "write:reports", "write:statuses",
            "admin:read", "admin:write",
            "admin:read:accounts", "admin:read:reports", "admin:read:domain_allows", "admin:read:domain_blocks",
            "admin:read:ip_blocks", "admin:read:email_domain_blocks", "admin:read:canonical_email_blocks",
            "admin:write:accounts", "admin:write:reports", "admin:write:domain_allows",
            "admin:write:domain_blocks", "admin:write:ip_blocks", "admin:write:email_domain_blocks",
            "admin:write:canonical_email_blocks");

    private static final Set<String> FOLLOW_COVERS = Set.of(
            "read:follows", "read:blocks", "read:mutes", "write:follows", "write:blocks", "write:mutes");

    private Scopes() {
    }

    /** Parses a space- (or plus-) separated scope string; the empty string means Mastodon's default, read. */
    public static Set<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Set.of("read");
        }
        return Arrays.stream(text.trim().split("[\\s+]+"))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static String format(Set<String> scopes) {
        return String.join(" ", scopes);
    }

    public static boolean allKnown(Set<String> scopes) {
        return KNOWN.containsAll(scopes);
    }

    /** Whether {@code granted} includes {@code required}, directly or through a broader scope. */
    public static boolean covers(Set<String> granted, String required) {
        if (granted.contains(required)) {
            return true;
        }
        if (FOLLOW_COVERS.contains(required) && granted.contains("follow")) {
            return true;
        }
        int colon = required.lastIndexOf(':');
        return colon > 0 && covers(granted, required.substring(0, colon));
    }

    /** Whether every scope in {@code requested} is covered by {@code allowed} (an app's registered scopes). */
    public static boolean coversAll(Set<String> allowed, Set<String> requested) {
        return requested.stream().allMatch(s -> covers(allowed, s));
    }
}

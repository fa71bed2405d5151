package app.omnia.identity.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password acceptable: at least 10 characters (at most 256, to bound hashing work), not on
 * the list of common passwords, not a run of one character or a keyboard/number sequence, and not the
 * username or email.
 */
public final class PasswordRule {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;
    private static final Set<String> COMMON = load();
    private static final String[] SEQUENCES = {
            "0123456789012345678901234567890", "9876543210987654321098765432109",
            "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn",
            "1qaz2wsx3edc4rfv5tgb6yhn", "qwertzuiopasdfghjklyxcvbnm"};

    private PasswordRule() {
    }

    /** A Mastodon-style error code and a message, or empty when the password is acceptable. */
    public static Optional<String[]> violation(String password, String username, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of(new String[] {"ERR_BLANK", "password can't be blank"});
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of(new String[] {"ERR_TOO_SHORT", "password is too short (minimum is 10 characters)"});
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new String[] {"ERR_TOO_LONG", "password is too long (maximum is 256 characters)"});
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isCommon(lower) || (username != null && lower.contains(username.toLowerCase(Locale.ROOT)))
                || (email != null && !email.isBlank() && lower.equals(email.toLowerCase(Locale.ROOT)))) {
            return Optional.of(new String[] {"ERR_INVALID", "password is too common or too easy to guess"});
        }
        return Optional.empty();
    }

    static boolean isCommon(String lower) {
        if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
            return true;
        }
        for (String sequence : SEQUENCES) {
            if (sequence.contains(lower)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordRule.class.getResourceAsStream("/identity/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("identity/common-passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}

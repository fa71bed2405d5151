package app.omnia.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import app.omnia.platform.crypto.Tokens;

/** Proof Key for Code Exchange (RFC 7636), S256 only, as Mastodon supports. */
public final class Pkce {

    public static final String S256 = "S256";
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Pkce() {
    }

    public static boolean validChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    public static String challengeOf(String verifier) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Tokens.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    public static boolean matches(String challenge, String verifier) {
        return verifier != null && VERIFIER.matcher(verifier).matches()
                && Tokens.equal(challengeOf(verifier), challenge);
    }
}

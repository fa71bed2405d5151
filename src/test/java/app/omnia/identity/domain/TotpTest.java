package app.omnia.identity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {

    // RFC 6238 appendix B: the SHA-1 key is the ASCII string "12345678901234567890".
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void matchesTheRfc6238TestVectors() {
        // The RFC gives 8-digit codes; the 6-digit code is their last six digits.
        assertThat(Totp.codeAt(RFC_SECRET, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.codeAt(RFC_SECRET, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.codeAt(RFC_SECRET, 1234567890L / 30)).isEqualTo("005924");
        assertThat(Totp.codeAt(RFC_SECRET, 2000000000L / 30)).isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfDriftEachWayAndNothingFurther() {
        long now = 1_800_000_000L;
        long step = now / 30;
        assertThat(Totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 1), now, 0)).hasValue(step - 1);
        assertThat(Totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 1), now, 0)).hasValue(step + 1);
        assertThat(Totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, step + 2), now, 0)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, Totp.codeAt(RFC_SECRET, step - 2), now, 0)).isEmpty();
    }

    @Test
    void aCodeIsNotAcceptedTwice() {
        long now = 1_800_000_000L;
        String code = Totp.codeAt(RFC_SECRET, now / 30);
        assertThat(Totp.verify(RFC_SECRET, code, now, now / 30)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "12345", now, 0)).isEmpty();
        assertThat(Totp.verify(RFC_SECRET, "abcdef", now, 0)).isEmpty();
    }

    @Test
    void base32RoundTripsAndSecretsDiffer() {
        byte[] bytes = "12345678901234567890".getBytes();
        assertThat(Totp.base32(bytes)).isEqualTo(RFC_SECRET);
        assertThat(Totp.unbase32(RFC_SECRET)).isEqualTo(bytes);
        assertThat(Totp.newSecret()).hasSize(32).isNotEqualTo(Totp.newSecret());
        assertThat(Totp.otpauthUri("Omnia", "alice", "ABC")).startsWith("otpauth://totp/Omnia:alice?secret=ABC");
    }
}

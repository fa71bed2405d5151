package app.omnia.identity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PkceTest {

    @Test
    void challengeIsTheUnpaddedBase64UrlSha256OfTheVerifier() {
        // Computed independently (Python: urlsafe_b64encode(sha256(verifier)).rstrip('=')).
        String verifier = "dBjftJeZ4CVP-mJ0kz8s0Hy3M6GNYkOFqmBQOpYkFgU";
        String challenge = "-waGKTQ0xbGP_Xv0GQS5QUw1yNCVWPQcg9K8fvArk7U";

        assertThat(Pkce.challengeOf(verifier)).isEqualTo(challenge);
        assertThat(Pkce.matches(challenge, verifier)).isTrue();
        assertThat(Pkce.validChallenge(challenge)).isTrue();
    }

    @Test
    void refusesWrongShortOrMissingVerifiers() {
        String challenge = Pkce.challengeOf("dBjftJeZ4CVP-mJ0kz8s0Hy3M6GNYkOFqmBQOpYkFgU");
        assertThat(Pkce.matches(challenge, "dBjftJeZ4CVP-mJ0kz8s0Hy3M6GNYkOFqmBQOpYkFgV")).isFalse();
        assertThat(Pkce.matches(challenge, "short")).isFalse();
        assertThat(Pkce.matches(challenge, null)).isFalse();
        assertThat(Pkce.validChallenge("not a challenge")).isFalse();
    }
}

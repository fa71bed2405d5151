package app.omnia.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebFingerResourceTest {

    private final WebFingerResource resources =
            new WebFingerResource("example.org", URI.create("https://social.example.org"));

    @Test
    void readsAcctUris() {
        assertThat(resources.localUsername("acct:alice@example.org")).contains("alice");
        assertThat(resources.localUsername("ACCT:Alice@Example.ORG")).contains("Alice");
        assertThat(resources.localUsername("  acct:alice@example.org  ")).contains("alice");
    }

    @Test
    void readsBareAddresses() {
        assertThat(resources.localUsername("alice@example.org")).contains("alice");
        assertThat(resources.localUsername("al.ice_2@example.org")).contains("al.ice_2");
    }

    @Test
    void acceptsTheWebHostAsWellAsTheHandleDomain() {
        assertThat(resources.localUsername("acct:alice@social.example.org")).contains("alice");
    }

    @Test
    void acceptsAnExplicitPortOfTheBaseUrl() {
        WebFingerResource dev = new WebFingerResource("localhost", URI.create("http://localhost:8080/"));
        assertThat(dev.localUsername("acct:bob@localhost:8080")).contains("bob");
        assertThat(dev.localUsername("acct:bob@localhost")).contains("bob");
        assertThat(dev.localUsername("http://localhost:8080/@bob")).contains("bob");
        assertThat(dev.localUsername("http://localhost:9090/@bob")).isEmpty();
    }

    @Test
    void readsProfileUrls() {
        assertThat(resources.localUsername("https://social.example.org/@alice")).contains("alice");
        assertThat(resources.localUsername("https://SOCIAL.example.org:443/@alice")).contains("alice");
    }

    @Test
    void readsAccountUris() {
        assertThat(resources.localUsername("https://social.example.org/users/alice")).contains("alice");
    }

    @Test
    void honoursAPathInTheBaseUrl() {
        WebFingerResource nested = new WebFingerResource("example.org", URI.create("https://example.org/omnia/"));
        assertThat(nested.localUsername("https://example.org/omnia/@alice")).contains("alice");
        assertThat(nested.localUsername("https://example.org/@alice")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "acct:alice@elsewhere.net",
            "alice@example.org.evil.net",
            "https://elsewhere.net/@alice",
            "http://social.example.org/@alice",          // another scheme is another origin
            "https://social.example.org/users/",
            "https://social.example.org/@alice/123",
            "https://social.example.org/about"})
    void namesNoLocalAccount(String resource) {
        assertThat(resources.localUsername(resource)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "alice", "acct:alice", "acct:@example.org", "acct:alice@", "@example.org",
            "al ice@example.org", "alice!@example.org", "mailto:alice@example.org", "https://", "https:// bad url",
            ".alice@example.org", "alice.@example.org"})
    void rejectsWhatIsNotAnAccountReference(String resource) {
        assertThatIllegalArgumentException().isThrownBy(() -> resources.localUsername(resource));
    }
}

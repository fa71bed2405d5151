package app.omnia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.OmniaProperties.RegistrationMode;

class InstanceInfoTest {

    @ParameterizedTest
    @CsvSource({
            "https://social.example.org, wss://social.example.org",
            "https://social.example.org/, wss://social.example.org",
            "http://localhost:8080, ws://localhost:8080",
            "HTTPS://Example.org:8443, wss://Example.org:8443",
            "https://example.org/omnia/, wss://example.org/omnia"})
    void streamingUrlIsTheBaseUrlWithAWebSocketScheme(String baseUrl, String expected) {
        assertThat(InstanceInfo.streamingUrl(URI.create(baseUrl))).isEqualTo(expected);
    }

    @Test
    void openRegistrationsAskForNoReasonEvenWhenOneIsConfigured() {
        InstanceFacts.Registrations r = InstanceInfo.registrations(settings(RegistrationMode.OPEN, true));
        assertThat(r).isEqualTo(new InstanceFacts.Registrations(true, false, false, 13));
    }

    @Test
    void registrationsPendingApprovalAreStillOpen() {
        InstanceFacts.Registrations r = InstanceInfo.registrations(settings(RegistrationMode.APPROVAL, true));
        assertThat(r).isEqualTo(new InstanceFacts.Registrations(true, true, true, 13));
    }

    @Test
    void closedRegistrationsAskForNoReason() {
        InstanceFacts.Registrations r = InstanceInfo.registrations(settings(RegistrationMode.CLOSED, true));
        assertThat(r).isEqualTo(new InstanceFacts.Registrations(false, false, false, 13));
    }

    @Test
    void limitsComeFromTheSettingsWhereThereAreSettings() {
        InstanceFacts.Limits limits = InstanceInfo.limits(settings(RegistrationMode.OPEN, false));
        assertThat(limits.statuses()).isEqualTo(new InstanceFacts.Statuses(640, 4, 23));
        assertThat(limits.media().imageSizeLimit()).isEqualTo(1_000_000);
        assertThat(limits.media().imageMatrixLimit()).isEqualTo(2_000_000);
        assertThat(limits.media().supportedMimeTypes())
                .containsExactly("image/jpeg", "image/png", "image/gif", "image/webp");
        assertThat(limits.media().videoSizeLimit()).isZero();
        assertThat(limits.polls()).isEqualTo(new InstanceFacts.Polls(6, 80, 600, 86_400));
        assertThat(limits.profiles()).isEqualTo(new InstanceFacts.Profiles(10, 5));
    }

    static OmniaProperties settings(RegistrationMode mode, boolean reasonRequired) {
        return new OmniaProperties(Path.of("target/unused"), URI.create("https://social.example.org"), "example.org",
                new OmniaProperties.Instance("Omnia", "A test server", "staff@example.org", List.of("en"), 640, "",
                        java.time.Duration.ofSeconds(60)),
                null, null, "", 0, "", new OmniaProperties.Registrations(mode, reasonRequired, false),
                new OmniaProperties.Age("", 13, Map.of()), null, new OmniaProperties.Media(1_000_000, 2_000_000),
                null, new OmniaProperties.Polls(6, 80, 600, 86_400), null);
    }
}

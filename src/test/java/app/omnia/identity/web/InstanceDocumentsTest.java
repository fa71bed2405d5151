package app.omnia.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import app.omnia.identity.InstanceFacts;
import app.omnia.identity.LocalHandle;

/** The JSON shapes, checked key by key against Mastodon's entities and the NodeInfo and JRD formats. */
class InstanceDocumentsTest {

    /** Configured as the application's mapper is (spring.jackson.property-naming-strategy). */
    private static final JsonMapper JSON =
            JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private final InstanceFacts facts = new InstanceFacts("example.org", "https://social.example.org", "Omnia",
            "Plain <text>", "staff@example.org", List.of("en", "fr"), "1.2.3",
            "4.3.0 (compatible; Omnia 1.2.3)", "https://source.example/omnia", "wss://social.example.org",
            "https://social.example.org/thumbnail.png", 7,
            new InstanceFacts.Registrations(true, true, false, 15),
            new InstanceFacts.Limits(new InstanceFacts.Statuses(500, 4, 23),
                    new InstanceFacts.Media(List.of("image/png"), 16, 32, 0, 0, 0, 1500),
                    new InstanceFacts.Polls(4, 50, 300, 2_629_746), new InstanceFacts.Profiles(10, 5)));

    @Test
    void v2HasMastodonsKeysAndTypes() {
        JsonNode json = JSON.valueToTree(InstanceV2.of(facts));
        assertThat(names(json)).containsExactlyInAnyOrder("domain", "title", "version", "source_url", "description",
                "usage", "thumbnail", "icon", "languages", "configuration", "registrations", "api_versions",
                "contact", "rules");
        assertThat(json.get("domain").asString()).isEqualTo("example.org");
        assertThat(json.get("version").asString()).isEqualTo("4.3.0 (compatible; Omnia 1.2.3)");
        assertThat(json.get("description").asString()).isEqualTo("Plain <text>");
        assertThat(json.at("/usage/users/active_month").isIntegralNumber()).isTrue();
        assertThat(json.at("/thumbnail/url").asString()).isEqualTo("https://social.example.org/thumbnail.png");
        assertThat(json.get("icon").isArray()).isTrue();
        assertThat(json.get("rules").isArray()).isTrue();
        assertThat(json.get("languages").toString()).isEqualTo("[\"en\",\"fr\"]");
        assertThat(json.at("/api_versions/mastodon").intValue()).isEqualTo(2);

        JsonNode configuration = json.get("configuration");
        assertThat(names(configuration)).containsExactlyInAnyOrder("urls", "vapid", "accounts", "statuses",
                "media_attachments", "polls", "translation");
        assertThat(configuration.at("/urls/streaming").asString()).isEqualTo("wss://social.example.org");
        assertThat(configuration.at("/urls").has("status")).isTrue();
        assertThat(configuration.at("/urls/status").isNull()).isTrue();
        assertThat(configuration.at("/vapid/public_key").asString()).isEmpty();
        assertThat(configuration.at("/accounts/max_featured_tags").intValue()).isEqualTo(10);
        assertThat(configuration.at("/accounts/max_pinned_statuses").intValue()).isEqualTo(5);
        assertThat(names(configuration.get("statuses"))).containsExactlyInAnyOrder("max_characters",
                "max_media_attachments", "characters_reserved_per_url");
        assertThat(names(configuration.get("media_attachments"))).containsExactlyInAnyOrder("supported_mime_types",
                "image_size_limit", "image_matrix_limit", "video_size_limit", "video_frame_rate_limit",
                "video_matrix_limit", "description_limit");
        assertThat(names(configuration.get("polls"))).containsExactlyInAnyOrder("max_options",
                "max_characters_per_option", "min_expiration", "max_expiration");
        assertThat(configuration.at("/translation/enabled").isBoolean()).isTrue();

        JsonNode registrations = json.get("registrations");
        assertThat(names(registrations)).containsExactlyInAnyOrder("enabled", "approval_required", "message", "url",
                "min_age", "reason_required");
        assertThat(registrations.get("enabled").booleanValue()).isTrue();
        assertThat(registrations.get("approval_required").booleanValue()).isTrue();
        assertThat(registrations.get("min_age").isIntegralNumber()).isTrue();
        assertThat(registrations.get("min_age").intValue()).isEqualTo(15);
        assertThat(registrations.get("message").isNull()).isTrue();

        assertThat(json.at("/contact/email").asString()).isEqualTo("staff@example.org");
        assertThat(json.get("contact").has("account")).isTrue();
        assertThat(json.at("/contact/account").isNull()).isTrue();
    }

    @Test
    void v1HasTheDeprecatedShape() {
        JsonNode json = JSON.valueToTree(InstanceV1.of(facts));
        assertThat(names(json)).containsExactlyInAnyOrder("uri", "title", "short_description", "description", "email",
                "version", "urls", "stats", "thumbnail", "languages", "registrations", "approval_required",
                "invites_enabled", "configuration", "contact_account", "rules");
        assertThat(json.get("uri").asString()).isEqualTo("example.org");
        assertThat(json.get("short_description").asString()).isEqualTo("Plain <text>");
        assertThat(json.get("description").asString()).isEqualTo("Plain &lt;text&gt;");
        assertThat(json.at("/urls/streaming_api").asString()).isEqualTo("wss://social.example.org");
        assertThat(json.at("/stats/user_count").longValue()).isEqualTo(7);
        assertThat(json.at("/stats/status_count").isIntegralNumber()).isTrue();
        assertThat(json.at("/stats/domain_count").isIntegralNumber()).isTrue();
        assertThat(json.get("thumbnail").isString()).isTrue();
        assertThat(json.get("registrations").isBoolean()).isTrue();
        assertThat(json.get("invites_enabled").booleanValue()).isFalse();
        assertThat(names(json.get("configuration"))).containsExactlyInAnyOrder("accounts", "statuses",
                "media_attachments", "polls");
        assertThat(names(json.at("/configuration/accounts"))).containsExactly("max_featured_tags");
        assertThat(json.get("contact_account").isNull()).isTrue();
    }

    @Test
    void nodeInfoUsesTheSchemasCamelCase() {
        JsonNode json = JSON.valueToTree(NodeInfoDocument.of(facts));
        assertThat(names(json)).containsExactlyInAnyOrder("version", "software", "protocols", "services", "usage",
                "openRegistrations", "metadata");
        assertThat(json.get("version").asString()).isEqualTo("2.0");
        assertThat(json.at("/software/name").asString()).matches("[a-z0-9-]+");
        assertThat(json.at("/software/version").asString()).isEqualTo("1.2.3");
        assertThat(json.get("protocols").isEmpty()).isTrue();
        assertThat(json.at("/services/inbound").isArray()).isTrue();
        assertThat(json.at("/services/outbound").isArray()).isTrue();
        assertThat(names(json.at("/usage/users"))).containsExactlyInAnyOrder("total", "activeMonth", "activeHalfyear");
        assertThat(json.at("/usage/localPosts").isIntegralNumber()).isTrue();
        assertThat(json.get("openRegistrations").booleanValue()).isTrue();
        assertThat(json.at("/metadata/nodeName").asString()).isEqualTo("Omnia");

        JsonNode links = JSON.valueToTree(NodeInfoDocument.linksFor(facts));
        assertThat(links.toString()).isEqualTo("{\"links\":[{\"rel\":\"http://nodeinfo.diaspora.software/ns/schema/2.0\","
                + "\"href\":\"https://social.example.org/nodeinfo/2.0\"}]}");
    }

    @Test
    void jrdNamesTheAccountAndItsProfilePage() {
        LocalHandle alice = new LocalHandle("Alice", "example.org", "https://social.example.org/@Alice");
        JsonNode json = JSON.valueToTree(Jrd.of(alice, null));
        assertThat(json.toString()).isEqualTo("{\"subject\":\"acct:Alice@example.org\","
                + "\"aliases\":[\"https://social.example.org/@Alice\"],"
                + "\"links\":[{\"rel\":\"http://webfinger.net/rel/profile-page\",\"type\":\"text/html\","
                + "\"href\":\"https://social.example.org/@Alice\"}]}");
    }

    @Test
    void jrdKeepsOnlyTheRequestedRelations() {
        LocalHandle alice = new LocalHandle("alice", "example.org", "https://social.example.org/@alice");
        assertThat(Jrd.of(alice, List.of("self")).links()).isEmpty();
        assertThat(Jrd.of(alice, List.of(Jrd.PROFILE_PAGE)).links()).hasSize(1);
    }

    private static List<String> names(JsonNode node) {
        return node.propertyNames().stream().toList();
    }
}

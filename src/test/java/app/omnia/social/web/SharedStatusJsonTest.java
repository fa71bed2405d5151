package app.omnia.social.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A status's viewer-independent members are serialized once and written as they are into later responses
 * ({@link SharedStatusJsons}): the JSON must still be one object with each of Mastodon's members once, and every
 * change to those members (counters, the author's profile, an edit) must show at once, beside each viewer's own.
 */
@IntegrationTest
class SharedStatusJsonTest extends TwoPeopleTest {

    /** Fails on a member written twice (a raw copy and a serialized one, say). */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private static final List<String> STATUS_MEMBERS = List.of("id", "uri", "url", "created_at", "account",
            "content", "visibility", "sensitive", "spoiler_text", "media_attachments", "application", "mentions",
            "tags", "emojis", "reblogs_count", "favourites_count", "replies_count", "in_reply_to_id",
            "in_reply_to_account_id", "reblog", "poll", "card", "language", "edited_at", "favourited", "reblogged",
            "muted", "bookmarked", "pinned", "filtered", "reply_policy", "quote", "quotes_count", "quote_approval");

    @Test
    void aStatusAndTheOneItSharesHaveEachMemberOnce() {
        String original = postStatus(asAlice, "status", "the original, for @" + bob.username());
        asAlice.get("/api/v1/statuses/" + original); // its shared members are now kept
        Api.Response reblogged = asBob.postForm("/api/v1/statuses/" + original + "/reblog", Map.of());
        assertThat(reblogged.status()).isEqualTo(200);

        JsonNode reblog = strict(reblogged.body());
        assertThat(names(reblog)).containsExactlyInAnyOrderElementsOf(STATUS_MEMBERS);
        assertThat(names(reblog.get("reblog"))).containsExactlyInAnyOrderElementsOf(STATUS_MEMBERS);
        assertThat(reblog.get("reblog").get("id").asString()).isEqualTo(original);
        assertThat(reblog.get("reblog").get("reblogged").asBoolean()).isTrue();
        assertThat(reblog.get("reblog").get("mentions").get(0).get("username").asString()).isEqualTo(bob.username());
        assertThat(reblog.get("content").asString()).isEmpty();
        assertThat(reblog.get("url").isNull()).isTrue();

        JsonNode asTheAuthorSeesIt = strict(asAlice.get("/api/v1/statuses/" + original).body());
        assertThat(names(asTheAuthorSeesIt)).containsExactlyInAnyOrderElementsOf(STATUS_MEMBERS);
        assertThat(asTheAuthorSeesIt.get("reblogs_count").asLong()).isEqualTo(1);
        assertThat(asTheAuthorSeesIt.get("reblogged").asBoolean()).isFalse();
    }

    @Test
    void changesToTheSharedMembersShowAtOnceBesideEachViewersOwn() {
        String id = postStatus(asAlice, "status", "first words");
        JsonNode before = asBob.get("/api/v1/statuses/" + id).json();
        assertThat(before.get("favourites_count").asLong()).isZero();

        assertThat(asBob.postForm("/api/v1/statuses/" + id + "/favourite", Map.of()).status()).isEqualTo(200);
        JsonNode bobs = asBob.get("/api/v1/statuses/" + id).json();
        JsonNode alices = asAlice.get("/api/v1/statuses/" + id).json();
        assertThat(bobs.get("favourites_count").asLong()).isEqualTo(1);
        assertThat(bobs.get("favourited").asBoolean()).isTrue();
        assertThat(alices.get("favourites_count").asLong()).isEqualTo(1);
        assertThat(alices.get("favourited").asBoolean()).isFalse();

        assertThat(asAlice.patchForm("/api/v1/accounts/update_credentials", Map.of("display_name", "Alice Renamed"))
                .status()).isEqualTo(200);
        assertThat(asBob.get("/api/v1/statuses/" + id).json().get("account").get("display_name").asString())
                .isEqualTo("Alice Renamed");

        Api.Response edited = asAlice.send("PUT", "/api/v1/statuses/" + id, "application/x-www-form-urlencoded",
                Api.formBody(Map.of("status", "second words")));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonNode after = asBob.get("/api/v1/statuses/" + id).json();
        assertThat(after.get("content").asString()).contains("second words");
        assertThat(after.get("edited_at").isNull()).isFalse();
        assertThat(after.get("favourites_count").asLong()).isEqualTo(1);
        assertThat(after.get("favourited").asBoolean()).isTrue();
    }

    private static JsonNode strict(String body) {
        return STRICT.readTree(body);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }
}

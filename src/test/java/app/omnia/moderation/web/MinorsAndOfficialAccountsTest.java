package app.omnia.moderation.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.identity.Role;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Minors (not discoverable, not messaged by strangers, no sensitive media) and official accounts' badges. */
@IntegrationTest
class MinorsAndOfficialAccountsTest extends ModerationFixture {

    @Test
    void aMinorIsNotFoundBySearchStartsUndiscoverableAndDoesNotTrend() {
        User minor = minor();
        User adult = user("read write");
        User searcher = user("read write");

        assertThat(as(minor).get("/api/v1/accounts/verify_credentials").json().get("discoverable").asBoolean()).isFalse();
        assertThat(as(searcher).get("/api/v2/search?type=accounts&q=" + minor.username()).json().get("accounts"))
                .isEmpty();
        assertThat(ids(as(searcher).get("/api/v2/search?type=accounts&q=" + adult.username()).json().get("accounts")))
                .containsExactly(adult.id());
        String minorsPost = post(as(minor), "status", "my first post");
        as(searcher).postForm("/api/v1/statuses/" + minorsPost + "/favourite", Api.form());
        String adultsPost = post(as(adult), "status", "my first post");
        as(searcher).postForm("/api/v1/statuses/" + adultsPost + "/favourite", Api.form());
        assertThat(trending("/api/v1/trends/statuses", 40, "id")).contains(adultsPost).doesNotContain(minorsPost);
    }

    @Test
    void strangersCannotMessageAMinorOnlyPeopleTheMinorFollows() {
        User minor = minor();
        User stranger = user("read write follow");

        Api.Response refused = as(stranger).postJson("/api/omnia/v1/chat/conversations",
                Map.of("type", "direct", "account_id", minor.id()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        as(minor).postForm("/api/v1/accounts/" + stranger.id() + "/follow", Api.form());
        Api.Response accepted = as(stranger).postJson("/api/omnia/v1/chat/conversations",
                Map.of("type", "direct", "account_id", minor.id()));

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        User adult = user("read write");
        assertThat(as(stranger).postJson("/api/omnia/v1/chat/conversations",
                Map.of("type", "direct", "account_id", adult.id())).status()).isEqualTo(200);
    }

    @Test
    void aMinorSeesSensitiveStatusesWithoutTheirMedia() {
        String media = uploadPng(asAuthor);
        String sensitive = post(asAuthor, "status", "graphic", "media_ids[]", media, "sensitive", "true");
        String plainMedia = uploadPng(asAuthor);
        String plain = post(asAuthor, "status", "a cat", "media_ids[]", plainMedia);
        User minor = minor();

        JsonNode seenByMinor = as(minor).get("/api/v1/statuses/" + sensitive).json();
        assertThat(seenByMinor.get("sensitive").asBoolean()).isTrue();
        assertThat(seenByMinor.get("media_attachments")).isEmpty();
        assertThat(as(minor).get("/api/v1/statuses/" + plain).json().get("media_attachments")).hasSize(1);
        assertThat(as(user("read write")).get("/api/v1/statuses/" + sensitive).json().get("media_attachments")).hasSize(1);
        JsonNode inTimeline = as(minor).get("/api/v1/accounts/" + author.id() + "/statuses").json();
        inTimeline.forEach(s -> {
            if (s.get("id").asString().equals(sensitive)) {
                assertThat(s.get("media_attachments")).isEmpty();
            }
        });

        // Media the moderators marked sensitive is kept from minors inside a quote too.
        act("/api/omnia/v1/admin/media/" + plainMedia + "/action", "type", "sensitive", "text", "Graphic");
        String quote = post(as(user("read write")), "status", "look", "quoted_status_id", plain);
        assertThat(as(minor).get("/api/v1/statuses/" + quote).json().at("/quote/quoted_status/media_attachments"))
                .isEmpty();
        assertThat(api.get("/api/v1/statuses/" + quote).json().at("/quote/quoted_status/media_attachments"))
                .hasSize(1);
    }

    @Test
    void anOfficialAccountsBadgeShowsOnItsPosts() {
        User admin = staff(Role.ADMIN);
        Api.Response granted = as(admin).postForm("/api/omnia/v1/admin/accounts/" + author.id() + "/verifications",
                Api.form("kind", "government"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(200);

        String status = post(asAuthor, "status", "Official announcement");

        JsonNode account = api.get("/api/v1/statuses/" + status).json().get("account");
        assertThat(account.get("verifications").get(0).get("kind").asString()).isEqualTo("government");
        assertThat(account.get("verifications").get(0).get("verified_at").asString()).isNotBlank();
        JsonNode ordinary = api.get("/api/v1/statuses/" + post(as(user("read write")), "status", "hi")).json();
        assertThat(ordinary.get("account").get("verifications")).isEmpty();
    }
}

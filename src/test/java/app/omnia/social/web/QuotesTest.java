package app.omnia.social.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Quote posts (Mastodon 4.5): quoted_status_id, the quote policy, what the quote shows, and refusals. */
@IntegrationTest
class QuotesTest extends TwoPeopleTest {

    private int statusCount(Api as, String accountId) {
        return as.get("/api/v1/accounts/" + accountId + "/statuses").json().size();
    }

    @Test
    void aQuoteShowsTheQuotedStatusCountsAndNotifiesItsAuthor() {
        String original = postStatus(asAlice, "status", "quotable");
        Api.Response quoted = asBob.postForm("/api/v1/statuses",
                Api.form("status", "look at this", "quoted_status_id", original));
        assertThat(quoted.status()).as(quoted.toString()).isEqualTo(200);
        JsonNode quote = quoted.json().get("quote");
        assertThat(quote.get("state").asString()).isEqualTo("accepted");
        assertThat(quote.get("quoted_status").get("id").asString()).isEqualTo(original);
        assertThat(quote.get("quoted_status").get("account").get("id").asString()).isEqualTo(alice.id());

        JsonNode seenByAlice = asAlice.get("/api/v1/statuses/" + original).json();
        assertThat(seenByAlice.get("quotes_count").asLong()).isEqualTo(1);
        assertThat(seenByAlice.get("quote_approval").get("automatic").get(0).asString()).isEqualTo("public");
        assertThat(seenByAlice.get("quote_approval").get("current_user").asString()).isEqualTo("automatic");

        JsonNode notifications = asAlice.get("/api/v1/notifications?types[]=quote").json();
        assertThat(notifications.get(0).get("type").asString()).isEqualTo("quote");
        assertThat(notifications.get(0).get("status").get("id").asString()).isEqualTo(quoted.json().get("id").asString());

        JsonNode quotes = asAlice.get("/api/v1/statuses/" + original + "/quotes").json();
        assertThat(ids(quotes)).containsExactly(quoted.json().get("id").asString());
        assertThat(asBob.get("/api/v1/statuses/" + original + "/quotes").status()).isEqualTo(404);
    }

    @Test
    void theQuotePolicyDecidesWhoMayQuote() {
        String nobody = postStatus(asAlice, "status", "do not quote", "quote_approval_policy", "nobody");
        JsonNode seenByBob = asBob.get("/api/v1/statuses/" + nobody).json();
        assertThat(seenByBob.get("quote_approval").get("automatic").size()).isZero();
        assertThat(seenByBob.get("quote_approval").get("current_user").asString()).isEqualTo("denied");
        int before = statusCount(asBob, bob.id());
        Api.Response refused = asBob.postForm("/api/v1/statuses", Api.form("status", "hm", "quoted_status_id", nobody));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("quoted_status_id");
        assertThat(statusCount(asBob, bob.id())).isEqualTo(before);
        assertThat(postStatus(asAlice, "status", "quoting myself", "quoted_status_id", nobody)).isNotBlank();

        String followers = postStatus(asAlice, "status", "followers may quote", "quote_approval_policy", "followers");
        assertThat(asBob.postForm("/api/v1/statuses", Api.form("status", "x", "quoted_status_id", followers)).status())
                .isEqualTo(422);
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        assertThat(asBob.get("/api/v1/statuses/" + followers).json().get("quote_approval").get("current_user")
                .asString()).isEqualTo("automatic");
        assertThat(postStatus(asBob, "status", "x", "quoted_status_id", followers)).isNotBlank();
    }

    @Test
    void privatePostsAreQuotedOnlyByTheirAuthorAndTheQuoteStaysPrivate() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        String secret = postStatus(asAlice, "status", "followers only", "visibility", "private");
        assertThat(asBob.postForm("/api/v1/statuses", Api.form("status", "x", "quoted_status_id", secret)).status())
                .isEqualTo(422);
        Api.Response own = asAlice.postForm("/api/v1/statuses",
                Api.form("status", "again", "quoted_status_id", secret, "visibility", "public"));
        assertThat(own.json().get("visibility").asString()).isEqualTo("private");
        assertThat(own.json().get("quote_approval").get("automatic").size()).isZero();
    }

    @Test
    void aQuoteOfADeletedOrHiddenStatusSaysSo() {
        String original = postStatus(asAlice, "status", "soon gone");
        String quote = postStatus(asBob, "status", "quoting", "quoted_status_id", original);
        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/block", Map.of());
        JsonNode hidden = asBob.get("/api/v1/statuses/" + quote).json().get("quote");
        assertThat(hidden.get("state").asString()).isEqualTo("unauthorized");
        assertThat(hidden.get("quoted_status").isNull()).isTrue();

        asAlice.delete("/api/v1/statuses/" + original);
        JsonNode deleted = asBob.get("/api/v1/statuses/" + quote).json().get("quote");
        assertThat(deleted.get("state").asString()).isEqualTo("deleted");
    }

    @Test
    void badQuoteParametersAreNamedAndWriteNothing() {
        int before = statusCount(asBob, bob.id());
        for (String[] form : new String[][] {
                {"status", "x", "quoted_status_id", "123456789"},
                {"status", "x", "quoted_status_id", "not-an-id"},
                {"status", "x", "quote_approval_policy", "friends"}}) {
            Api.Response refused = asBob.postForm("/api/v1/statuses", Api.form(form));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(refused.body()).contains(form[2]);
        }
        assertThat(statusCount(asBob, bob.id())).isEqualTo(before);
    }
}

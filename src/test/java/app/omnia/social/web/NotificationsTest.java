package app.omnia.social.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Mentions, follows, favourites, reblogs and edits notify, once, never across a block. */
@IntegrationTest
class NotificationsTest extends TwoPeopleTest {

    private static List<String> types(JsonNode notifications) {
        return notifications.valueStream().map(n -> n.get("type").asString()).toList();
    }

    @Test
    void eachKindOfActionNotifiesTheAuthorOnce() {
        String id = asAlice.postForm("/api/v1/statuses", Api.form("status", "hello")).json().get("id").asString();
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form());
        asBob.postForm("/api/v1/statuses/" + id + "/favourite", Api.form());
        asBob.postForm("/api/v1/statuses/" + id + "/unfavourite", Api.form());
        asBob.postForm("/api/v1/statuses/" + id + "/favourite", Api.form());
        asBob.postForm("/api/v1/statuses/" + id + "/reblog", Api.form());
        asBob.postForm("/api/v1/statuses", Api.form("status", "hey @" + alice.username()));
        asAlice.send("PUT", "/api/v1/statuses/" + id, "application/x-www-form-urlencoded", "status=hello+again");

        JsonNode mine = asAlice.get("/api/v1/notifications").json();
        assertThat(types(mine)).containsExactly("mention", "reblog", "favourite", "follow");
        JsonNode favourite = mine.get(2);
        assertThat(favourite.at("/account/id").asString()).isEqualTo(bob.id());
        assertThat(favourite.at("/status/id").asString()).isEqualTo(id);
        assertThat(favourite.get("id").isString()).isTrue();
        assertThat(mine.get(3).get("status").isNull()).isTrue();
        assertThat(types(asBob.get("/api/v1/notifications").json())).containsExactly("update");
    }

    @Test
    void typeFiltersDismissAndClear() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form());
        asBob.postForm("/api/v1/statuses", Api.form("status", "@" + alice.username() + " hi"));

        assertThat(types(asAlice.get("/api/v1/notifications?types[]=follow").json())).containsExactly("follow");
        assertThat(types(asAlice.get("/api/v1/notifications?exclude_types[]=follow").json())).containsExactly("mention");
        assertThat(asAlice.get("/api/v1/notifications?types[]=bogus").status()).isEqualTo(422);
        String first = asAlice.get("/api/v1/notifications").json().get(0).get("id").asString();
        assertThat(asBob.get("/api/v1/notifications/" + first).status()).isEqualTo(404);
        assertThat(asBob.postForm("/api/v1/notifications/" + first + "/dismiss", Api.form()).status()).isEqualTo(404);

        assertThat(asAlice.postForm("/api/v1/notifications/" + first + "/dismiss", Api.form()).status()).isEqualTo(200);
        assertThat(asAlice.get("/api/v1/notifications").json()).hasSize(1);
        asAlice.postForm("/api/v1/notifications/clear", Api.form());
        assertThat(asAlice.get("/api/v1/notifications").json()).isEmpty();
    }

    @Test
    void nothingCrossesABlockAndOldNotificationsFromABlockedAccountDisappear() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Api.form());
        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/block", Api.form());
        asBob.postForm("/api/v1/statuses", Api.form("status", "@" + alice.username() + " can you hear me"));

        assertThat(asAlice.get("/api/v1/notifications").json()).isEmpty();
    }
}

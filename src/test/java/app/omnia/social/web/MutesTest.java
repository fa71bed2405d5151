package app.omnia.social.web;


import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TwoPeopleTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A mute takes an account out of one's feeds (and, if chosen, notifications) without telling it. */
@IntegrationTest
class MutesTest extends TwoPeopleTest {

    @BeforeEach
    void setUp() {
        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/follow", Api.form());
    }

    @Test
    void mutedPostsLeaveTheFeedsButStayReachableDirectly() {
        String id = asBob.postForm("/api/v1/statuses", Api.form("status", "noise")).json().get("id").asString();

        JsonNode relationship = asAlice.postForm("/api/v1/accounts/" + bob.id() + "/mute",
                Api.form("notifications", "false")).json();

        assertThat(relationship.get("muting").asBoolean()).isTrue();
        assertThat(relationship.get("muting_notifications").asBoolean()).isFalse();
        assertThat(relationship.get("following").asBoolean()).isTrue();
        assertThat(ids(asAlice.get("/api/v1/timelines/home").json())).doesNotContain(id);
        assertThat(ids(asAlice.get("/api/v1/timelines/public?limit=40").json())).doesNotContain(id);
        assertThat(asAlice.get("/api/v1/statuses/" + id).status()).isEqualTo(200);
        assertThat(ids(asAlice.get("/api/v1/mutes").json())).containsExactly(bob.id());
        assertThat(asBob.get("/api/v1/accounts/relationships?id[]=" + alice.id()).json().get(0)
                .get("muting").asBoolean()).isFalse();

        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/unmute", Api.form());
        assertThat(ids(asAlice.get("/api/v1/timelines/home").json())).contains(id);
    }

    @Test
    void notificationsAreHiddenOnlyWhenAsked() {
        String id = asAlice.postForm("/api/v1/statuses", Api.form("status", "like it")).json().get("id").asString();
        asBob.postForm("/api/v1/statuses/" + id + "/favourite", Api.form());

        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/mute", Api.form("notifications", "false"));
        assertThat(asAlice.get("/api/v1/notifications").json()).hasSize(1);
        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/mute", Api.form("notifications", "true"));
        assertThat(asAlice.get("/api/v1/notifications").json()).isEmpty();
    }

    @Test
    void aMuteCanEndByItselfAndBadDurationsAreRefused() {
        assertThat(asAlice.postForm("/api/v1/accounts/" + bob.id() + "/mute", Api.form("duration", "-5")).json()
                .at("/errors/0/field").asString()).isEqualTo("duration");
        assertThat(asAlice.postForm("/api/v1/accounts/" + bob.id() + "/mute", Api.form("duration", "soon")).status())
                .isEqualTo(400);
        assertThat(asAlice.postForm("/api/v1/accounts/" + alice.id() + "/mute", Api.form()).status()).isEqualTo(403);

        asAlice.postForm("/api/v1/accounts/" + bob.id() + "/mute", Api.form("duration", "3600"));
        assertThat(ids(asAlice.get("/api/v1/mutes").json())).containsExactly(bob.id());
    }
}

package app.omnia.social;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Statuses;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.TwoPeopleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page-at-once visibility check ({@code visibleOnly}) agrees with the one-status rule ({@code canSee})
 * for every viewer on a mix of visibilities, mentions, follows, blocks and reblogs.
 */
@IntegrationTest
class VisibilityBatchTest extends TwoPeopleTest {

    @Autowired
    StatusService service;

    @Autowired
    Statuses statuses;

    @Test
    void theBatchRuleIsTheSingleRuleForEveryViewer() {
        User carol = TestAccounts.newUser(api, "read write follow");
        Api asCarol = api.withToken(carol.token());
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        List<String> ids = new ArrayList<>();
        for (String visibility : List.of("public", "unlisted", "private", "direct")) {
            ids.add(post(asAlice, "to all " + visibility, visibility));
            ids.add(post(asAlice, "@" + carol.username() + " hi " + visibility, visibility));
            ids.add(post(asCarol, "carol " + visibility, visibility));
        }
        ids.add(asBob.postForm("/api/v1/statuses/" + ids.get(0) + "/reblog", Map.of()).json().get("id").asString());
        ids.add(asCarol.postForm("/api/v1/statuses/" + ids.get(1) + "/reblog", Map.of()).json().get("id").asString());
        asAlice.postForm("/api/v1/accounts/" + carol.id() + "/block", Map.of());

        Map<Long, Status> byId = statuses.findAll(ids.stream().map(Long::parseLong).toList());
        List<Status> page = ids.stream().map(id -> byId.get(Long.parseLong(id))).filter(java.util.Objects::nonNull)
                .toList();
        assertThat(page).hasSizeGreaterThan(10);
        User dave = TestAccounts.newUser(api, "read");
        for (Long viewer : Arrays.asList(null, id(alice), id(bob), id(carol), id(dave))) {
            List<Status> one = page.stream().filter(s -> service.canSee(viewer, s)).toList();
            assertThat(service.visibleOnly(viewer, page)).as("viewer %s", viewer).isEqualTo(one);
        }
    }

    private static long id(User user) {
        return Long.parseLong(user.id());
    }

    private static String post(Api as, String text, String visibility) {
        Api.Response response = as.postForm("/api/v1/statuses", Api.form("status", text, "visibility", visibility));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("id").asString();
    }
}

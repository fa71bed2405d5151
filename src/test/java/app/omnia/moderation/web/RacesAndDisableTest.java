package app.omnia.moderation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.support.TestAccounts.User;
import app.omnia.support.WebPages;

import static org.assertj.core.api.Assertions.assertThat;

/** Reports racing to hide one item, and Mastodon's disable / enable. */
@IntegrationTest
class RacesAndDisableTest extends ModerationFixture {

    @Test
    void aBurstOfConcurrentReportsHidesTheItemOnceAndNeverFails() throws Exception {
        String status = post(asAuthor, "status", "reported by many at once");
        List<User> reporters = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            reporters.add(established());
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(reporters.size())) {
            for (User reporter : reporters) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return as(reporter).postForm("/api/v1/reports", Api.form("account_id", author.id(),
                            "status_ids[]", status, "category", "spam")).status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        }

        assertThat(listed(api, "/api/v1/timelines/public")).doesNotContain(status);
        Long hides = jdbc.sql("SELECT COUNT(*) FROM moderation_statements WHERE subject_id = ? AND action = 'hide'")
                .param(Long.parseLong(status)).query(Long.class).single();
        assertThat(hides).isEqualTo(1);
        Long holds = jdbc.sql("SELECT COUNT(*) FROM moderation_holds WHERE item_id = ? AND statement_id IS NOT NULL")
                .param(Long.parseLong(status)).query(Long.class).single();
        assertThat(holds).isEqualTo(1);
    }

    @Test
    void disableEndsTokensAndLoginKeepsThePostsAndEnableRestoresLogin() {
        String status = post(asAuthor, "status", "still here");

        Api.Response disabled = asModerator.postForm("/api/v1/admin/accounts/" + author.id() + "/action",
                Api.form("type", "disable", "text", "Compromised account"));

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(asAuthor.get("/api/v1/accounts/verify_credentials").status()).isEqualTo(401);
        assertThat(WebPages.signIn(api.stranger(), author.username(), TestAccounts.PASSWORD, null).status())
                .isNotIn(200, 302, 303);
        assertThat(api.get("/api/v1/statuses/" + status).status()).isEqualTo(200);
        assertThat(auditActions(author.id())).contains("account.disable");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM moderation_statements WHERE account_id = ? AND action = 'disable'")
                .param(Long.parseLong(author.id())).query(Long.class).single()).isEqualTo(1);
        User plain = user(STAFF_SCOPES);
        assertThat(as(plain).postForm("/api/v1/admin/accounts/" + author.id() + "/enable", Api.form()).status())
                .isEqualTo(403);

        Api.Response enabled = asModerator.postForm("/api/v1/admin/accounts/" + author.id() + "/enable", Api.form());

        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().get("id").asString()).isEqualTo(author.id());
        assertThat(WebPages.signIn(api.stranger(), author.username(), TestAccounts.PASSWORD, null).status())
                .isIn(200, 302, 303);
        assertThat(auditActions(author.id())).contains("account.enable");
    }
}

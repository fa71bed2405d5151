package app.omnia.moderation.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.omnia.identity.Role;
import app.omnia.moderation.domain.Decision;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of moderation decision leaves both records, a statement of reasons for the account affected and an
 * audit entry naming it. The automated ones (an automatic hold, a withdrawn right to report) are made by their
 * own tests (AutomaticHidingTest, TrustedFlaggersAndMisuseTest) and go through the same writer; the last check
 * holds for every statement the suite wrote so far, whoever wrote it.
 */
@IntegrationTest
class DecisionRecordsTest extends ModerationFixture {

    private static final Set<Decision> AUTOMATED = EnumSet.of(Decision.HIDE, Decision.SUSPEND_REPORTING);

    @Test
    void everyKindOfDecisionLeavesAStatementOfReasonsAndAnAuditEntry() {
        String status = post(asAuthor, "status", "words");
        String media = uploadPng(asAuthor);
        post(asAuthor, "status", "a picture", "media_ids[]", media);
        String other = post(asAuthor, "status", "more words");
        act("/api/omnia/v1/admin/statuses/" + status + "/action", "type", "remove", "text", "Illegal");
        act("/api/omnia/v1/admin/media/" + media + "/action", "type", "limit", "text", "Borderline");
        act("/api/omnia/v1/admin/statuses/" + other + "/action", "type", "sensitive", "text", "Graphic");
        List<User> accounts = java.util.stream.Stream.generate(() -> user("read write"))
                .limit(6).toList();
        List<String> accountActions = List.of("none", "sensitive", "silence", "suspend", "disable", "freeze_wallet");
        for (int i = 0; i < accountActions.size(); i++) {
            act("/api/v1/admin/accounts/" + accounts.get(i).id() + "/action", "type", accountActions.get(i),
                    "text", "Decided");
        }
        User admin = staff(Role.ADMIN);
        User reviewer = user("read write");
        supervise(as(admin), author, reviewer);
        String held = post(asAuthor, "status", "held words");
        Api.Response rejected = as(reviewer).postForm(reject(held), Api.form("reason", "Not this"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);

        List<String> targets = new java.util.ArrayList<>(List.of(status, media, other, author.id(), held));
        accounts.forEach(a -> targets.add(a.id()));
        List<String> decided = jdbc.sql("SELECT action FROM moderation_statements WHERE subject_id IN (:ids)")
                .param("ids", targets.stream().map(Long::parseLong).toList()).query(String.class).list();
        List<String> expected = Arrays.stream(Decision.values()).filter(d -> !AUTOMATED.contains(d))
                .map(Decision::key).toList();
        assertThat(decided).containsAll(expected);
        for (String target : targets) {
            assertThat(auditActions(target)).as("audit of " + target).isNotEmpty();
        }
        Long withoutAudit = jdbc.sql("""
                SELECT COUNT(*) FROM moderation_statements s WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                    WHERE a.detail = 'statement=' || CAST(s.id AS VARCHAR(20))
                       OR a.detail LIKE 'statement=' || CAST(s.id AS VARCHAR(20)) || ' %')
                """).query(Long.class).single();
        assertThat(withoutAudit).isZero();
    }
}

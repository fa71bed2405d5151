package app.omnia.social.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;
import app.omnia.support.TwoPeopleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What posting costs the request in SQL (issue 4: posting throughput): a plain post by an author with a
 * follower, counted on the server with the {@link SqlStatements} probe, the bearer-token check included.
 * Fan-out to followers' timelines runs after the response, off the request thread, and is not counted here.
 */
@IntegrationTest
class PostingStatementsTest extends TwoPeopleTest {

    @Test
    void aPlainPostCostsABoundedNumberOfStatements() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        asBob.get("/api/v1/timelines/home");
        postStatus(asAlice, "status", "warming the caches");
        int count = SqlStatements.countPostJson(asAlice, "/api/v1/statuses", Map.of("status", "hello followers"));
        String statements = SqlStatements.lastStatements();
        System.out.printf("sql statements per post: %d%n%s%n", count, statements);
        assertThat(count).as(statements).isLessThanOrEqualTo(99);
    }
}

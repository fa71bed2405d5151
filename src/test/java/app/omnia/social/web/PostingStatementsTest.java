package app.omnia.social.web;

import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;
import app.omnia.support.StreamClient;
import app.omnia.support.TwoPeopleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What posting costs the request in SQL (issue 4: posting throughput): a plain post by an author whose follower
 * has a socket open, counted on the server with the {@link SqlStatements} probe (the bearer-token check and the
 * streaming push after commit included). Fan-out to followers' home timelines runs after the response, in
 * batches off the request thread, and is not counted here. With nobody online the streaming push is skipped.
 */
@IntegrationTest
class PostingStatementsTest extends TwoPeopleTest {

    @Test
    void aPlainPostCostsABoundedNumberOfStatements() {
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of());
        asBob.get("/api/v1/timelines/home");
        postStatus(asAlice, "status", "warming the caches");
        try (StreamClient bobs = StreamClient.open(port, "stream=user", b -> b.subprotocols(bob.token())).sync()) {
            int count = SqlStatements.countPostJson(asAlice, "/api/v1/statuses", Map.of("status", "hello followers"));
            String statements = SqlStatements.lastStatements();
            System.out.printf("sql statements per post: %d%n%s%n", count, statements);
            // Insert, author's counter, bell-ringing followers; the streaming push renders the new status (12) and
            // checks the listening follower (3); the answer adds the viewer's state (3). Five fewer than before: the
            // status read back, an empty media write, the author's marks uncached, fan-out reading the line, the
            // counter's row created each time.
            assertThat(count).as(statements).isLessThanOrEqualTo(21);
        }
    }
}

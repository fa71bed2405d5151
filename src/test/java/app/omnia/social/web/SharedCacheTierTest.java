package app.omnia.social.web;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import app.omnia.identity.persistence.AccountProfileCache;
import app.omnia.social.persistence.StatusCardCache;
import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;
import app.omnia.support.TwoPeopleTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statuses and accounts a page shows are cached in two tiers when Redis is configured: this copy's memory,
 * and Redis shared by every copy. A copy whose memory is cold (here: emptied, as after a restart) renders
 * from Redis without asking the database for them; without Redis it reads the database. An edit is never
 * hidden by what Redis held before it.
 */
@IntegrationTest
class SharedCacheTierTest extends TwoPeopleTest {

    @Autowired
    StatusCardCache statusCache;
    @Autowired
    AccountProfileCache accountCache;
    @Autowired
    ObjectProvider<StringRedisTemplate> redis;

    @Test
    void aCopyWithColdMemoryRendersFromTheSharedTier() {
        assertThat(asBob.postForm("/api/v1/accounts/" + alice.id() + "/follow", Map.of()).status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            postStatus(asAlice, "status", "tiered " + i);
        }
        String page = "/api/v1/accounts/" + alice.id() + "/statuses?limit=5";
        asBob.get(page);
        // The first read began as the last post was written: the one after it shares the rows through Redis.
        statusCache.clearHere();
        accountCache.clearHere();
        asBob.get(page);
        int warm = SqlStatements.countGet(asBob, page);
        statusCache.clearHere();
        accountCache.clearHere();
        int memoryCold = SqlStatements.countGet(asBob, page);
        statusCache.clear();
        accountCache.clear();
        int allCold = SqlStatements.countGet(asBob, page);

        System.out.printf("sql statements for a page: warm %d, memory cold %d, all cold %d%n", warm, memoryCold,
                allCold);
        assertThat(warm).isLessThan(allCold);
        if (redis.getIfAvailable() != null) {
            assertThat(memoryCold).as("statuses and accounts come from Redis").isEqualTo(warm);
        } else {
            assertThat(memoryCold).as("without Redis, cold memory means the database").isEqualTo(allCold);
        }
    }

    @Test
    void anEditShowsOnACopyWhoseMemoryIsColdAfterTheSharedTierHeldTheOldText() {
        String post = postStatus(asAlice, "status", "before the edit");
        assertThat(asBob.get("/api/v1/statuses/" + post).json().get("content").asString()).contains("before the edit");
        assertThat(asAlice.send("PUT", "/api/v1/statuses/" + post, "application/json",
                "{\"status\":\"after the edit\"}").status()).isEqualTo(200);
        statusCache.clearHere();
        assertThat(asBob.get("/api/v1/statuses/" + post).json().get("content").asString()).contains("after the edit");
        assertThat(asAlice.patchForm("/api/v1/accounts/update_credentials", Map.of("display_name", "Tiered Alice"))
                .status()).isEqualTo(200);
        accountCache.clearHere();
        assertThat(asBob.get("/api/v1/statuses/" + post).json().get("account").get("display_name").asString())
                .isEqualTo("Tiered Alice");
    }
}

package app.omnia.wallet.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Double spends, Idempotency-Key replays and bursts, and the invariants after a random workload. */
@IntegrationTest
class WalletConcurrencyTest extends WalletFixture {

    /** Runs {@code task} {@code n} times at once (one virtual thread each); the results in order. */
    static <T> List<T> inParallel(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        try {
            List<Callable<T>> tasks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tasks.add(task);
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twentyParallelTransfersOfTenFromAHundredLetExactlyTenThrough() throws Exception {
        credit(alice, "1.00", "EUR");
        String to = "@" + bob.username();

        List<Api.Response> results = inParallel(20, () -> transfer(asAlice, to, "0.10", "EUR", null));

        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 422));
        assertThat(results.stream().filter(r -> r.status() == 200)).hasSize(10);
        assertThat(results.stream().filter(r -> r.status() == 422))
                .allSatisfy(r -> assertThat(r.json().get("type").asString())
                        .isEqualTo("urn:omnia:problem:insufficient-funds"));
        assertThat(balance(asAlice, "EUR")).isZero();
        assertThat(balance(asBob, "EUR")).isEqualTo(100);

        Api.Response scrape = api.send("GET", "/actuator/prometheus", null,
                java.net.http.HttpRequest.BodyPublishers.noBody(), Map.of("Accept", "text/plain"));
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        String metrics = scrape.body();
        assertThat(metrics).as("the writer's batching is observable").contains("omnia_wallet_batch_size_count")
                .contains("omnia_wallet_batch_size_max").contains("omnia_wallet_queue_depth")
                .contains("omnia_wallet_postings_total{outcome=\"refused\"}");
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponseAndMovesMoneyOnce() {
        credit(alice, "10", "EUR");
        String to = "@" + bob.username();
        Api.Response first = transfer(asAlice, to, "3", "EUR", "key-1");
        Api.Response again = transfer(asAlice, to, "3", "EUR", "key-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(balance(asAlice, "EUR")).isEqualTo(700);

        Api.Response otherBody = transfer(asAlice, to, "4", "EUR", "key-1");
        assertThat(otherBody.status()).as(otherBody.toString()).isEqualTo(422);
        assertThat(balance(asAlice, "EUR")).isEqualTo(700);

        Api.Response sameKeyOtherUser = transfer(asBob, "@" + alice.username(), "3", "EUR", "key-1");
        assertThat(sameKeyOtherUser.status()).as("keys are per caller: bob has 3 now").isEqualTo(200);
    }

    @Test
    void aRetryGetsTheFirstResponseEvenWhenTheTransferWouldNowBeRefused() {
        credit(alice, "10", "EUR");
        String to = "@" + bob.username();
        Api.Response first = transfer(asAlice, to, "3", "EUR", "before-block");
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/block", Map.of());

        Api.Response retry = transfer(asAlice, to, "3", "EUR", "before-block");

        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertProblem(transfer(asAlice, to, "3", "EUR", "after-block"), 403, "to");
        assertThat(transfer(asAlice, to, "x", "EUR", "before-block").status())
                .as("the key with another request, even an invalid one").isEqualTo(422);
        assertThat(balance(asAlice, "EUR")).isEqualTo(700);
    }

    @Test
    void aKeyTooLongIsRefusedBeforeAnythingElse() {
        credit(alice, "10", "EUR");

        Api.Response refused = transfer(asAlice, "@" + bob.username(), "1", "EUR", "k".repeat(256));

        assertProblem(refused, 400, "Idempotency-Key");
        assertProblem(transfer(asAlice, "nobody-here", "1", "EUR", "k".repeat(256)), 400, "Idempotency-Key");
        assertThat(balance(asAlice, "EUR")).isEqualTo(1000);
    }

    @Test
    void aRefusedFirstResponseIsReplayedEvenOnceTheMoneyIsThere() {
        credit(alice, "1", "EUR");
        String to = "@" + bob.username();
        Api.Response refused = transfer(asAlice, to, "5", "EUR", "broke-key");
        assertProblem(refused, 422, "amount");

        credit(alice, "10", "EUR");
        Api.Response replay = transfer(asAlice, to, "5", "EUR", "broke-key");

        assertThat(replay.status()).isEqualTo(422);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(replay.body()).isEqualTo(refused.body());
        assertThat(balance(asAlice, "EUR")).isEqualTo(1100);
        assertThat(transfer(asAlice, to, "5", "EUR", "fresh-key").status()).isEqualTo(200);
    }

    @Test
    void aConcurrentBurstWithOneKeyMovesMoneyOnceAndAnswersTheSame() throws Exception {
        credit(alice, "10", "EUR");
        String to = "@" + bob.username();

        List<Api.Response> results = inParallel(12, () -> transfer(asAlice, to, "2", "EUR", "burst-key"));

        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(results.stream().map(r -> r.json().get("id").asString()).distinct()).hasSize(1);
        assertThat(balance(asAlice, "EUR")).isEqualTo(800);
        assertThat(balance(asBob, "EUR")).isEqualTo(200);
    }

    @Test
    void theInvariantsHoldAfterARandomWorkload() throws Exception {
        List<TestAccounts.User> people = new ArrayList<>(List.of(alice, bob));
        for (int i = 0; i < 2; i++) {
            people.add(TestAccounts.newUser(api, "read write"));
        }
        for (TestAccounts.User p : people) {
            credit(p, "20", "EUR");
            credit(p, "300", "JPY");
        }
        Random random = new Random(42);
        List<Callable<Api.Response>> moves = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            TestAccounts.User from = people.get(random.nextInt(people.size()));
            TestAccounts.User to = people.get(random.nextInt(people.size()));
            boolean yen = random.nextBoolean();
            String amount = yen ? String.valueOf(1 + random.nextInt(150))
                    : (1 + random.nextInt(900)) / 100 + "." + String.format("%02d", random.nextInt(100));
            String key = random.nextInt(4) == 0 ? "k" + random.nextInt(10) : null;
            Api as = api.withToken(from.token());
            moves.add(() -> transfer(as, "@" + to.username(), amount, yen ? "JPY" : "EUR", key));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Api.Response> results = new ArrayList<>();
        try {
            for (Future<Api.Response> f : pool.invokeAll(moves)) {
                results.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isIn(200, 403, 422));
        assertThat(results.stream().filter(r -> r.status() == 200)).isNotEmpty();

        long eur = 0;
        long yen = 0;
        for (TestAccounts.User p : people) {
            Api as = api.withToken(p.token());
            eur += balance(as, "EUR");
            yen += balance(as, "JPY");
        }
        assertThat(eur).as("money only moves between these people").isEqualTo(4 * 2000);
        assertThat(yen).isEqualTo(4 * 300);

        Api.Response check = asAdmin.get(ADMIN + "/invariants");
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        JsonNode report = check.json();
        assertThat(report.get("violations")).as(report.toString()).isEmpty();
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("balance_sum_by_asset").get("EUR").asLong()).isZero();
        assertThat(report.get("balance_sum_by_asset").get("JPY").asLong()).isZero();
    }

    @Test
    void theNoteAndAmountMayComeAsAFormToo() {
        credit(alice, "2", "EUR");
        Api.Response r = asAlice.postForm(WALLET + "/transfers", Map.of("to", bob.username(), "amount", "1.5"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("asset").asString()).as("the default asset").isEqualTo("EUR");
        assertThat(balance(asBob, "EUR")).isEqualTo(150);
    }
}

package app.omnia.wallet;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.web.ApiException;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.SqlStatements;
import app.omnia.support.TestAccounts;
import app.omnia.wallet.persistence.WalletAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger API other modules use: balanced postings, refusals, system accounts, per-posting outcomes in a batch. */
@IntegrationTest
class LedgerTest {

    @LocalServerPort
    int port;

    @Autowired
    LedgerService ledger;

    @Autowired
    LedgerBatch batch;

    @Autowired
    WalletAccounts accounts;

    @Autowired
    TransactionTemplate transactions;

    long alice;
    long bob;

    @BeforeEach
    void twoPeople() {
        Api api = Api.at(port);
        alice = Long.parseLong(TestAccounts.newUser(api, "read").id());
        bob = Long.parseLong(TestAccounts.newUser(api, "read").id());
    }

    private LedgerEntry credit(long owner, long amount) {
        return ledger.postOrThrow(Posting.between("adjustment", "EUR", Party.system(SystemAccount.ISSUANCE),
                Party.user(owner), amount, null, "test money"));
    }

    @Test
    void aPostingWritesABalancedEntryAndMovesBothBalances() {
        credit(alice, 1_000);
        LedgerEntry entry = ledger.postOrThrow(Posting.between("transfer", "EUR", Party.user(alice), Party.user(bob),
                250, alice, "lunch"));

        assertThat(entry.lines()).extracting(LedgerEntry.Line::amount).containsExactly(-250L, 250L);
        assertThat(entry.lines().stream().mapToLong(LedgerEntry.Line::amount).sum()).isZero();
        assertThat(entry.payerId()).isEqualTo(alice);
        assertThat(entry.payeeId()).isEqualTo(bob);
        assertThat(ledger.balance(alice, "EUR")).isEqualTo(750);
        assertThat(ledger.balance(bob, "EUR")).isEqualTo(250);
    }

    @Test
    void overdrawingAUserIsRefusedWithAStableProblemAndMovesNothing() {
        credit(alice, 100);
        assertThatThrownBy(() -> ledger.postOrThrow(Posting.between("transfer", "EUR", Party.user(alice),
                Party.user(bob), 101, alice, "")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.type()).isEqualTo("insufficient-funds");
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.fieldErrors()).extracting(ApiException.FieldError::field).containsExactly("amount");
                });
        assertThat(ledger.balance(alice, "EUR")).isEqualTo(100);
        assertThat(ledger.balance(bob, "EUR")).isZero();
    }

    @Test
    void systemAccountsMayGoNegativeAndMultiLegPostingsBalance() {
        long issuanceBefore = ledger.systemBalance(SystemAccount.ISSUANCE, "EUR");
        credit(alice, 500);
        assertThat(ledger.systemBalance(SystemAccount.ISSUANCE, "EUR")).isEqualTo(issuanceBefore - 500);

        long feesBefore = ledger.systemBalance(SystemAccount.FEES, "EUR");
        ledger.postOrThrow(new Posting("payment", "EUR", List.of(Leg.debit(Party.user(alice), 110),
                Leg.credit(Party.user(bob), 100), Leg.credit(Party.system(SystemAccount.FEES), 10)),
                alice, bob, alice, "with a fee", null, null));
        assertThat(ledger.balance(alice, "EUR")).isEqualTo(390);
        assertThat(ledger.balance(bob, "EUR")).isEqualTo(100);
        assertThat(ledger.systemBalance(SystemAccount.FEES, "EUR")).isEqualTo(feesBefore + 10);
    }

    @Test
    void unbalancedPostingsAndDisabledAssetsNeverReachTheJournal() {
        assertThatThrownBy(() -> ledger.post(new Posting("transfer", "EUR", List.of(Leg.debit(Party.user(alice), 5),
                Leg.credit(Party.user(bob), 4)), alice, bob, alice, "", null, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> credit(alice, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.postOrThrow(Posting.between("adjustment", "SEK",
                Party.system(SystemAccount.ISSUANCE), Party.user(alice), 5, null, "")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors())
                        .extracting(ApiException.FieldError::field).containsExactly("asset"));
        assertThat(ledger.balance(alice, "EUR")).isZero();
    }

    @Test
    void aGuardRefusesItsPostingOnly() {
        credit(alice, 100);
        Posting guarded = Posting.between("transfer", "EUR", Party.user(alice), Party.user(bob), 10, alice, "")
                .withGuard(entryId -> {
                    throw ApiException.conflict("not any more");
                });
        assertThatThrownBy(() -> ledger.postOrThrow(guarded)).hasMessageContaining("not any more");
        assertThat(ledger.balance(alice, "EUR")).isEqualTo(100);
    }

    @Test
    void twoWritersOnOneDatabaseNeverOverdrawNorLoseAnUpdate() throws Exception {
        // Two server copies each run a writer; here two threads apply batches concurrently on the same accounts.
        credit(alice, 100);
        long aliceAccount = accounts.ensureUser(alice, "EUR");
        long bobAccount = accounts.ensureUser(bob, "EUR");
        LedgerCommand ten = new LedgerCommand(Posting.between("transfer", "EUR", Party.user(alice), Party.user(bob),
                10, alice, ""), List.of(new LedgerEntry.Line(aliceAccount, alice, null, -10),
                new LedgerEntry.Line(bobAccount, bob, null, 10)));
        java.util.concurrent.ExecutorService copies = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<List<PostingOutcome>>> batches = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            batches.add(copies.submit(() -> transactions.execute(s -> batch.apply(List.of(ten, ten, ten)))));
        }
        long posted = 0;
        for (var f : batches) {
            posted += f.get().stream().filter(o -> o instanceof PostingOutcome.Posted).count();
        }
        copies.shutdown();

        assertThat(posted).isEqualTo(10);
        assertThat(ledger.balance(alice, "EUR")).isZero();
        assertThat(ledger.balance(bob, "EUR")).isEqualTo(100);
    }

    @Test
    void oneBatchGivesEachPostingItsOwnOutcome() {
        credit(alice, 100);
        long aliceAccount = accounts.ensureUser(alice, "EUR");
        long bobAccount = accounts.ensureUser(bob, "EUR");
        LedgerCommand sixty = new LedgerCommand(Posting.between("transfer", "EUR", Party.user(alice), Party.user(bob),
                60, alice, ""), List.of(new LedgerEntry.Line(aliceAccount, alice, null, -60),
                new LedgerEntry.Line(bobAccount, bob, null, 60)));
        LedgerCommand forty = new LedgerCommand(Posting.between("transfer", "EUR", Party.user(alice), Party.user(bob),
                40, alice, ""), List.of(new LedgerEntry.Line(aliceAccount, alice, null, -40),
                new LedgerEntry.Line(bobAccount, bob, null, 40)));
        LedgerCommand back = new LedgerCommand(Posting.between("transfer", "EUR", Party.user(bob), Party.user(alice),
                30, bob, ""), List.of(new LedgerEntry.Line(bobAccount, bob, null, -30),
                new LedgerEntry.Line(aliceAccount, alice, null, 30)));

        // 60 goes, the second 60 finds 40 left and is refused, 40 goes, then bob can send 30 back.
        List<PostingOutcome> outcomes = transactions.execute(s -> batch.apply(List.of(sixty, sixty, forty, back)));

        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0)).isInstanceOf(PostingOutcome.Posted.class);
        assertThat(outcomes.get(1)).isInstanceOfSatisfying(PostingOutcome.Refused.class,
                r -> assertThat(r.reason().type()).isEqualTo("insufficient-funds"));
        assertThat(outcomes.get(2)).isInstanceOf(PostingOutcome.Posted.class);
        assertThat(outcomes.get(3)).isInstanceOf(PostingOutcome.Posted.class);
        assertThat(ledger.balance(alice, "EUR")).isEqualTo(30);
        assertThat(ledger.balance(bob, "EUR")).isEqualTo(70);
    }

    private LedgerCommand keyed(long aliceAccount, long bobAccount, long amount, String key, String fingerprint,
                                PostingGuard guard) {
        Posting posting = Posting.between("transfer", "EUR", Party.user(alice), Party.user(bob), amount, alice, "")
                .withGuard(guard);
        if (key != null) {
            posting = posting.withIdempotency(new Posting.Idempotency(alice, key, fingerprint, "/test",
                    e -> "{\"posted\":\"" + e.id() + "\"}"));
        }
        return new LedgerCommand(posting, List.of(new LedgerEntry.Line(aliceAccount, alice, null, -amount),
                new LedgerEntry.Line(bobAccount, bob, null, amount)));
    }

    @Test
    void keyedPostingsOfOneBatchKeepStripesRulesEachWithItsOwnOutcome() {
        credit(alice, 105);
        long aliceAccount = accounts.ensureUser(alice, "EUR");
        long bobAccount = accounts.ensureUser(bob, "EUR");
        PostingOutcome earlier = ledger.post(keyed(aliceAccount, bobAccount, 5, "old", "five", null).posting());
        assertThat(earlier).isInstanceOf(PostingOutcome.Posted.class);
        PostingGuard no = entryId -> {
            throw ApiException.conflict("not this one");
        };

        List<PostingOutcome> outcomes = transactions.execute(s -> batch.apply(List.of(
                keyed(aliceAccount, bobAccount, 60, "k1", "sixty", null),     // posted
                keyed(aliceAccount, bobAccount, 60, "k1", "sixty", null),     // twin: the first response again
                keyed(aliceAccount, bobAccount, 60, "k2", "sixty-2", null),   // 40 left: refused, refusal stored
                keyed(aliceAccount, bobAccount, 1, "k1", "other", null),      // same key, other request: 422
                keyed(aliceAccount, bobAccount, 5, "old", "five", null),      // committed before: replayed
                keyed(aliceAccount, bobAccount, 10, "k3", "ten", no),         // its guard refuses it only
                keyed(aliceAccount, bobAccount, 40, null, null, null),        // no key: posted
                keyed(aliceAccount, bobAccount, 60, "k2", "sixty-2", null)))); // twin of a refusal: same refusal

        assertThat(outcomes).hasSize(8);
        var first = (PostingOutcome.Posted) outcomes.get(0);
        assertThat(outcomes.get(1)).isEqualTo(new PostingOutcome.Replayed(200, first.body()));
        var refused = (PostingOutcome.Refused) outcomes.get(2);
        assertThat(refused.reason().type()).isEqualTo("insufficient-funds");
        assertThat(outcomes.get(3)).isInstanceOfSatisfying(PostingOutcome.Refused.class,
                r -> assertThat(r.reason().status().value()).isEqualTo(422));
        assertThat(outcomes.get(4)).isEqualTo(new PostingOutcome.Replayed(200, ((PostingOutcome.Posted) earlier).body()));
        assertThat(outcomes.get(5)).isInstanceOfSatisfying(PostingOutcome.Refused.class,
                r -> assertThat(r.reason().getMessage()).contains("not this one"));
        assertThat(outcomes.get(6)).isInstanceOf(PostingOutcome.Posted.class);
        assertThat(outcomes.get(7)).isEqualTo(new PostingOutcome.Replayed(422, refused.body()));
        assertThat(ledger.balance(alice, "EUR")).isZero();
        assertThat(ledger.balance(bob, "EUR")).isEqualTo(105);
        // Every first response was stored with the batch, and is what a retry gets.
        assertThat(ledger.replay(alice, "k1", "sixty")).contains(new PostingOutcome.Replayed(200, first.body()));
        assertThat(ledger.replay(alice, "k2", "sixty-2")).contains(new PostingOutcome.Replayed(422, refused.body()));
        assertThat(ledger.replay(alice, "k3", "ten")).get().isInstanceOfSatisfying(PostingOutcome.Replayed.class,
                r -> assertThat(r.status()).isEqualTo(409));
    }

    @Test
    void aBatchOfSpendingPostingsCostsTheSameStatementsWhateverItsSize() {
        Api api = Api.at(port);
        List<Long> payers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long payer = Long.parseLong(TestAccounts.newUser(api, "read").id());
            credit(payer, 1_000);
            payers.add(payer);
        }
        long bobAccount = accounts.ensureUser(bob, "EUR");
        java.util.function.Function<Long, LedgerCommand> send = payer -> new LedgerCommand(
                Posting.between("transfer", "EUR", Party.user(payer), Party.user(bob), 10, payer, "")
                        .withSpending(new Posting.Spending(payer, WalletControls.TRANSFER, null)),
                List.of(new LedgerEntry.Line(accounts.ensureUser(payer, "EUR"), payer, null, -10),
                        new LedgerEntry.Line(bobAccount, bob, null, 10)));
        List<LedgerCommand> one = List.of(send.apply(payers.getFirst()));
        List<LedgerCommand> many = new java.util.ArrayList<>();
        for (int round = 0; round < 3; round++) {
            payers.forEach(p -> many.add(send.apply(p)));
        }
        transactions.execute(s -> batch.apply(many)); // warm: first-use work (caches, plans) is not what is counted

        int forOne = SqlStatements.countHere(() -> transactions.execute(s -> batch.apply(one)));
        int forMany = SqlStatements.countHere(() -> transactions.execute(s -> batch.apply(many)));

        assertThat(forOne).isPositive();
        assertThat(forMany).isEqualTo(forOne);
        assertThat(ledger.balance(bob, "EUR")).isEqualTo(10 * (2 * many.size() + 1));
    }
}

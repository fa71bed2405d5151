package app.omnia.wallet;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.wallet.persistence.Journal;
import app.omnia.wallet.persistence.WalletAccounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What one ledger batch writes, row for row, whatever its size (one posting, or more than the writer's default
 * batch): on PostgreSQL each table is written by one statement over arrays, elsewhere by JDBC batches, and both
 * must store every entry with its lines, every balance, every payment counted and every first response.
 */
@IntegrationTest
class LedgerBatchWritesTest {

    private static final int LARGE = 300;

    @LocalServerPort
    int port;

    @Autowired
    LedgerService ledger;

    @Autowired
    LedgerBatch batch;

    @Autowired
    WalletAccounts accounts;

    @Autowired
    WalletControls controls;

    @Autowired
    Journal journal;

    @Autowired
    TransactionTemplate transactions;

    private final List<Long> payers = new ArrayList<>();
    private long payee;

    @BeforeEach
    void people() {
        Api api = Api.at(port);
        for (int i = 0; i < 5; i++) {
            long payer = Long.parseLong(TestAccounts.newUser(api, "read").id());
            ledger.postOrThrow(Posting.between("adjustment", "EUR", Party.system(SystemAccount.ISSUANCE),
                    Party.user(payer), 10_000, null, "test money"));
            payers.add(payer);
        }
        payee = Long.parseLong(TestAccounts.newUser(api, "read").id());
    }

    @Test
    void aBatchOfOneWritesItsEntryLinesPaymentAndResponse() {
        long payer = payers.getFirst();
        List<PostingOutcome> outcomes = transactions.execute(s -> batch.apply(List.of(send(payer, 25, "solo"))));

        var posted = (PostingOutcome.Posted) outcomes.getFirst();
        assertThat(journal.find(posted.entry().id())).get().satisfies(entry -> {
            assertThat(entry.lines()).extracting(LedgerEntry.Line::amount).containsExactly(-25L, 25L);
            assertThat(entry.payerId()).isEqualTo(payer);
            assertThat(entry.note()).isEqualTo("solo");
            // Stored to the microsecond (rounded by PostgreSQL, truncated by H2).
            assertThat(entry.createdAt()).isCloseTo(posted.entry().createdAt(), within(1, ChronoUnit.MICROS));
        });
        assertThat(ledger.balance(payer, "EUR")).isEqualTo(10_000 - 25);
        assertThat(ledger.balance(payee, "EUR")).isEqualTo(25);
        assertThat(controls.status(payer, "EUR").sentToday()).isEqualTo(25);
        assertThat(ledger.replay(payer, "solo", "solo")).contains(new PostingOutcome.Replayed(200, posted.body()));
    }

    @Test
    void aLargeBatchWritesEveryEntryBalancePaymentAndResponse() {
        List<LedgerCommand> commands = new ArrayList<>();
        for (int i = 0; i < LARGE; i++) {
            // 10 + i % 7 cents: 300 postings send 3,888 in all, under every payer's balance and daily cap.
            commands.add(send(payers.get(i % payers.size()), 10 + i % 7, "large-" + i));
        }
        // Money arriving from a system account (no payer, no spending) in the same batch.
        commands.add(new LedgerCommand(Posting.between("adjustment", "EUR", Party.system(SystemAccount.ISSUANCE),
                Party.user(payee), 1, null, ""), List.of(
                new LedgerEntry.Line(accounts.ensureSystem(SystemAccount.ISSUANCE.name(), "EUR"), null,
                        SystemAccount.ISSUANCE.name(), -1),
                new LedgerEntry.Line(accounts.ensureUser(payee, "EUR"), payee, null, 1))));

        List<PostingOutcome> outcomes = transactions.execute(s -> batch.apply(commands));

        assertThat(outcomes).hasSize(LARGE + 1).allMatch(o -> o instanceof PostingOutcome.Posted);
        long[] sent = new long[payers.size()];
        for (int i = 0; i < LARGE; i++) {
            sent[i % payers.size()] += 10 + i % 7;
            var posted = (PostingOutcome.Posted) outcomes.get(i);
            assertThat(journal.find(posted.entry().id())).get().extracting(LedgerEntry::lines)
                    .isEqualTo(posted.entry().lines());
            assertThat(ledger.replay(payers.get(i % payers.size()), "large-" + i, "large-" + i))
                    .contains(new PostingOutcome.Replayed(200, posted.body()));
        }
        var arrived = (PostingOutcome.Posted) outcomes.getLast();
        assertThat(journal.find(arrived.entry().id())).get().satisfies(entry -> {
            assertThat(entry.payerId()).isNull();
            assertThat(entry.initiatorId()).isNull();
        });
        long total = 0;
        for (int p = 0; p < payers.size(); p++) {
            assertThat(ledger.balance(payers.get(p), "EUR")).isEqualTo(10_000 - sent[p]);
            assertThat(controls.status(payers.get(p), "EUR").sentToday()).isEqualTo(sent[p]);
            total += sent[p];
        }
        assertThat(ledger.balance(payee, "EUR")).isEqualTo(total + 1);
    }

    @Test
    void aBalanceGuardRefusesTheWholeUpdateAndAllowsSystemAccountsBelowZero() {
        long poorer = accounts.ensureUser(payers.getFirst(), "EUR");
        long richer = accounts.ensureUser(payers.get(1), "EUR");
        long issuance = accounts.ensureSystem(SystemAccount.ISSUANCE.name(), "EUR");

        Boolean overdraws = transactions.execute(s -> {
            s.setRollbackOnly(); // as the writer's batch does when this answers false: nothing of it is kept
            return accounts.applyDeltas(Map.of(poorer, -10_001L, richer, 10_001L));
        });
        Boolean systemBelowZero = transactions.execute(s -> {
            s.setRollbackOnly();
            return accounts.applyDeltas(Map.of(issuance, -1_000_000_000L, richer, 1_000_000_000L, poorer, 0L));
        });

        assertThat(overdraws).isFalse();
        assertThat(systemBelowZero).isTrue();
        assertThat(ledger.balance(payers.getFirst(), "EUR")).isEqualTo(10_000);
        assertThat(ledger.balance(payers.get(1), "EUR")).isEqualTo(10_000);
    }

    private LedgerCommand send(long payer, long amount, String key) {
        Posting posting = Posting.between("transfer", "EUR", Party.user(payer), Party.user(payee), amount, payer, key)
                .withSpending(new Posting.Spending(payer, WalletControls.TRANSFER, null))
                .withIdempotency(new Posting.Idempotency(payer, key, key, "/test", e -> "{\"id\":" + e.id() + "}"));
        return new LedgerCommand(posting, List.of(new LedgerEntry.Line(accounts.ensureUser(payer, "EUR"), payer, null,
                -amount), new LedgerEntry.Line(accounts.ensureUser(payee, "EUR"), payee, null, amount)));
    }
}

package app.omnia.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.platform.web.ApiException;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.wallet.persistence.WalletAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-based batch gives every posting the outcome it would have had alone: random postings (sends under
 * spending controls, guards that say no, money arriving, a frozen payer, overdrafts, caps reached mid-batch) are
 * applied as one batch to one group of people, and one by one, each in its own transaction, to a twin group in
 * the same starting state; outcomes, balances and the spending counted must match posting for posting.
 */
@IntegrationTest
class LedgerBatchPropertyTest {

    private static final int PEOPLE = 4;
    private static final int POSTINGS = 60;

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
    TransactionTemplate transactions;

    /** One generated posting, in terms of people's positions so that it can be replayed in either group. */
    private record Step(int payer, int payee, long amount, boolean spends, boolean guardSaysNo) {
        static final int ISSUER = -1;
    }

    private record Group(List<Long> people, List<Long> walletAccounts, long issuance) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42, 2026, 90210})
    void aBatchDecidesEachPostingAsIfAppliedAlone(long seed) {
        Random random = new Random(seed);
        long[] funding = new long[PEOPLE];
        for (int p = 0; p < PEOPLE; p++) {
            funding[p] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(60_000);
        }
        int frozen = random.nextBoolean() ? random.nextInt(PEOPLE) : -1;
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < POSTINGS; i++) {
            int payee = random.nextInt(PEOPLE);
            if (random.nextInt(8) == 0) {
                steps.add(new Step(Step.ISSUER, payee, 1 + random.nextInt(30_000), false, false));
                continue;
            }
            int payer = (payee + 1 + random.nextInt(PEOPLE - 1)) % PEOPLE;
            steps.add(new Step(payer, payee, 1 + random.nextInt(25_000), random.nextInt(6) != 0,
                    random.nextInt(7) == 0));
        }

        Group together = group(funding, frozen);
        Group alone = group(funding, frozen);
        List<PostingOutcome> batched = transactions.execute(s -> batch.apply(
                steps.stream().map(step -> command(together, step)).toList()));
        List<PostingOutcome> oneByOne = new ArrayList<>();
        for (Step step : steps) {
            oneByOne.add(transactions.execute(s -> batch.apply(List.of(command(alone, step)))).getFirst());
        }

        int posted = 0;
        for (int i = 0; i < POSTINGS; i++) {
            assertThat(verdict(batched.get(i))).as("posting %d: %s", i, steps.get(i))
                    .isEqualTo(verdict(oneByOne.get(i)));
            posted += batched.get(i) instanceof PostingOutcome.Posted ? 1 : 0;
        }
        for (int p = 0; p < PEOPLE; p++) {
            assertThat(ledger.balance(together.people().get(p), "EUR")).as("balance of person %d", p)
                    .isEqualTo(ledger.balance(alone.people().get(p), "EUR"));
            assertThat(controls.status(together.people().get(p), "EUR").sentToday()).as("sent by person %d", p)
                    .isEqualTo(controls.status(alone.people().get(p), "EUR").sentToday());
        }
        // The comparison means something only if the batch both posted and refused.
        assertThat(posted).isBetween(1, POSTINGS - 1);
    }

    /** Fresh people with the given balances; the frozen one (if any) frozen by staff. */
    private Group group(long[] funding, int frozen) {
        Api api = Api.at(port);
        List<Long> people = new ArrayList<>();
        List<Long> wallets = new ArrayList<>();
        for (int p = 0; p < PEOPLE; p++) {
            long person = Long.parseLong(TestAccounts.newUser(api, "read").id());
            people.add(person);
            wallets.add(accounts.ensureUser(person, "EUR"));
            if (funding[p] > 0) {
                ledger.postOrThrow(Posting.between("adjustment", "EUR", Party.system(SystemAccount.ISSUANCE),
                        Party.user(person), funding[p], null, "test money"));
            }
        }
        if (frozen >= 0) {
            controls.freeze(people.getFirst(), people.get(frozen), "property test");
        }
        return new Group(people, wallets, accounts.ensureSystem(SystemAccount.ISSUANCE.name(), "EUR"));
    }

    private static LedgerCommand command(Group group, Step step) {
        long payeeId = group.people().get(step.payee());
        long payeeWallet = group.walletAccounts().get(step.payee());
        if (step.payer() == Step.ISSUER) {
            return new LedgerCommand(Posting.between("adjustment", "EUR", Party.system(SystemAccount.ISSUANCE),
                    Party.user(payeeId), step.amount(), null, ""), List.of(
                    new LedgerEntry.Line(group.issuance(), null, SystemAccount.ISSUANCE.name(), -step.amount()),
                    new LedgerEntry.Line(payeeWallet, payeeId, null, step.amount())));
        }
        long payerId = group.people().get(step.payer());
        Posting posting = Posting.between("transfer", "EUR", Party.user(payerId), Party.user(payeeId), step.amount(),
                payerId, "");
        if (step.spends()) {
            posting = posting.withSpending(new Posting.Spending(payerId, WalletControls.TRANSFER, null));
        }
        if (step.guardSaysNo()) {
            posting = posting.withGuard(entryId -> {
                throw ApiException.conflict("the guard says no");
            });
        }
        return new LedgerCommand(posting, List.of(
                new LedgerEntry.Line(group.walletAccounts().get(step.payer()), payerId, null, -step.amount()),
                new LedgerEntry.Line(payeeWallet, payeeId, null, step.amount())));
    }

    /** What a client would learn: posted, or refused with this status and problem type (and limit). */
    private static String verdict(PostingOutcome outcome) {
        return switch (outcome) {
            case PostingOutcome.Posted posted -> "posted " + posted.entry().amount();
            case PostingOutcome.Refused refused -> "refused " + refused.reason().status().value() + " "
                    + refused.reason().type() + " " + refused.reason().getMessage();
            case PostingOutcome.Replayed replayed -> "replayed " + replayed.status();
        };
    }
}

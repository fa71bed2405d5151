package app.omnia.wallet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.wallet.persistence.WalletAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several writers on one database ({@code omnia.wallet.writers} above one): a flood of sends between a few
 * people and to one shared payee, every sender trying to spend more than it has and more than its daily cap,
 * sharded over four writers. Money is conserved, nobody goes below zero nor over the cap, and the spending
 * counted for each payer is exactly what left it.
 */
@IntegrationTest
class ShardedWritersTest {

    private static final int PAYERS = 6;

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

    @Autowired
    WalletSettings settings;

    @Test
    void fourWritersConserveMoneyAndKeepBalancesAndCapsExact() throws Exception {
        Api api = Api.at(port);
        List<Long> payers = new ArrayList<>();
        List<Long> wallets = new ArrayList<>();
        for (int i = 0; i < PAYERS; i++) {
            long person = Long.parseLong(TestAccounts.newUser(api, "read").id());
            ledger.postOrThrow(Posting.between("adjustment", "EUR", Party.system(SystemAccount.ISSUANCE),
                    Party.user(person), 40_000, null, "test money"));
            payers.add(person);
            wallets.add(accounts.ensureUser(person, "EUR"));
        }
        long shop = Long.parseLong(TestAccounts.newUser(api, "read").id());
        long shopWallet = accounts.ensureUser(shop, "EUR");
        WalletSettings four = new WalletSettings(settings.assets(), settings.defaultAsset(), 16, 4,
                settings.queueCapacity(), Duration.ofSeconds(30), settings.maxNoteCharacters(), false);
        LedgerWriter writers = new LedgerWriter(four, batch, transactions, new SimpleMeterRegistry());
        writers.start();
        List<CompletableFuture<PostingOutcome>> results = new ArrayList<>();
        Random random = new Random(6);
        try {
            for (int i = 0; i < 400; i++) {
                int from = random.nextInt(PAYERS);
                boolean toShop = random.nextInt(3) == 0;
                int to = (from + 1 + random.nextInt(PAYERS - 1)) % PAYERS;
                long payee = toShop ? shop : payers.get(to);
                long payeeWallet = toShop ? shopWallet : wallets.get(to);
                long payer = payers.get(from);
                long amount = 100 + random.nextInt(900);
                results.add(writers.submit(new LedgerCommand(Posting.between("transfer", "EUR", Party.user(payer),
                        Party.user(payee), amount, payer, "").withSpending(
                        new Posting.Spending(payer, WalletControls.TRANSFER, null)), List.of(
                        new LedgerEntry.Line(wallets.get(from), payer, null, -amount),
                        new LedgerEntry.Line(payeeWallet, payee, null, amount)))));
            }
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get();
        } finally {
            writers.stop();
        }

        java.util.Map<Long, Long> sent = new java.util.HashMap<>();
        results.stream().map(CompletableFuture::join).forEach(o -> {
            if (o instanceof PostingOutcome.Posted p) {
                sent.merge(p.entry().payerId(), p.entry().amount(), Long::sum);
            }
        });
        assertThat(sent).hasSize(PAYERS);
        long total = ledger.balance(shop, "EUR");
        for (long payer : payers) {
            long balance = ledger.balance(payer, "EUR");
            assertThat(balance).isNotNegative();
            total += balance;
            // Counted exactly once per send, and never past the unverified daily cap of 50,000.
            assertThat(controls.status(payer, "EUR").sentToday()).isEqualTo(sent.get(payer)).isLessThanOrEqualTo(50_000L);
        }
        assertThat(total).isEqualTo(PAYERS * 40_000L);
    }
}

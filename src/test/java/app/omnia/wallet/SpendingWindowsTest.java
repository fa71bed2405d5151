package app.omnia.wallet;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.omnia.identity.AccountService;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.web.ApiException;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts;
import app.omnia.wallet.persistence.Freezes;
import app.omnia.wallet.persistence.OutgoingPayments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The day and the month a payment counts in, on the real database, whatever today's date: the controls are
 * opened with a clock on the 15th of last month (the server's own clock cannot move, and on the 1st of a month
 * there is no earlier day of it on which money could have been sent). An unverified person's caps are 500.00 a
 * day and 2,000.00 a month.
 */
@IntegrationTest
class SpendingWindowsTest {

    @LocalServerPort
    int port;

    @Autowired
    Freezes freezes;

    @Autowired
    OutgoingPayments outgoing;

    @Autowired
    AccountService accounts;

    @Autowired
    SpendingLimits limits;

    @Autowired
    AuditLog audit;

    @Autowired
    IdGenerator ids;

    private void sent(long account, long cents, Instant at) {
        outgoing.recordAll(List.of(new OutgoingPayments.Payment(ids.next(), account, "EUR", cents, "transfer",
                ids.next(), at)));
    }

    private static Optional<String> refusal(SpendingBook book, long account, long cents) {
        return book.check(account, "EUR", cents).map(ApiException::extra).map(extra -> (String) extra.get("limit"));
    }

    @Test
    void theMonthCountsEveryEarlierDayOfItAndNothingBeforeIt() {
        long alice = Long.parseLong(TestAccounts.newUser(Api.at(port), "read write").id());
        LocalDate fifteenth = LocalDate.now(ZoneOffset.UTC).minusMonths(1).withDayOfMonth(15);
        Instant now = fifteenth.atTime(12, 0).toInstant(ZoneOffset.UTC);
        WalletControls controls = new WalletControls(freezes, outgoing, accounts, limits, audit,
                Clock.fixed(now, ZoneOffset.UTC));

        sent(alice, 5_000_00, fifteenth.withDayOfMonth(1).atStartOfDay().minusSeconds(1)
                .toInstant(ZoneOffset.UTC)); // the month before: counts for neither
        sent(alice, 1_000_00, fifteenth.withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        sent(alice, 800_00, fifteenth.minusDays(1).atTime(23, 59, 59).toInstant(ZoneOffset.UTC));

        SpendingBook book = controls.open(List.of(alice));
        assertThat(refusal(book, alice, 300_00)).as("1,800 sent this month, none today").contains("monthly");
        assertThat(refusal(book, alice, 200_00)).as("up to the monthly cap exactly").isEmpty();

        sent(alice, 100_00, fifteenth.atStartOfDay().toInstant(ZoneOffset.UTC));
        SpendingBook later = controls.open(List.of(alice));
        assertThat(refusal(later, alice, 100_00)).as("1,900 this month").isEmpty();
        assertThat(refusal(later, alice, 100_01)).contains("monthly");
        assertThat(new WalletControls(freezes, outgoing, accounts, limits, audit,
                Clock.fixed(fifteenth.plusMonths(1).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                .open(List.of(alice)).check(alice, "EUR", 500_00)).as("a new month starts from nothing").isEmpty();
    }

    @Test
    void theDayCountsFromMidnightUtc() {
        long bob = Long.parseLong(TestAccounts.newUser(Api.at(port), "read write").id());
        LocalDate fifteenth = LocalDate.now(ZoneOffset.UTC).minusMonths(1).withDayOfMonth(15);
        WalletControls controls = new WalletControls(freezes, outgoing, accounts, limits, audit,
                Clock.fixed(fifteenth.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

        sent(bob, 400_00, fifteenth.atStartOfDay().minusSeconds(1).toInstant(ZoneOffset.UTC)); // yesterday
        sent(bob, 400_00, fifteenth.atStartOfDay().toInstant(ZoneOffset.UTC));

        SpendingBook book = controls.open(List.of(bob));
        assertThat(refusal(book, bob, 100_01)).contains("daily");
        assertThat(refusal(book, bob, 100_00)).isEmpty();
    }
}

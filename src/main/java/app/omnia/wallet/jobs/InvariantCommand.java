package app.omnia.wallet.jobs;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

import app.omnia.wallet.LedgerInvariants;
import app.omnia.wallet.WalletSettings;

/**
 * {@code java -jar omnia.jar --omnia.wallet.check-invariants=true --server.port=0}: checks the ledger once
 * start-up is done, prints the report to standard output and exits, 0 when every invariant holds and 1 on a
 * violation (for cron jobs and deploy checks). Without the setting it does nothing.
 */
@Component
class InvariantCommand implements ApplicationRunner {

    private final WalletSettings settings;
    private final LedgerInvariants invariants;
    private final ConfigurableApplicationContext context;

    InvariantCommand(WalletSettings settings, LedgerInvariants invariants, ConfigurableApplicationContext context) {
        this.settings = settings;
        this.invariants = invariants;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.checkInvariants()) {
            return;
        }
        int code = exitCode(invariants.check(), System.out);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Prints the report and answers the exit code: 0 when it is ok, 1 otherwise. */
    static int exitCode(LedgerInvariants.Report report, java.io.PrintStream out) {
        out.println("Wallet invariants: " + (report.ok() ? "OK" : "VIOLATED") + " (" + report.entries() + " entries, "
                + report.accounts() + " accounts; balance sums by asset " + report.balanceSumByAsset() + ")");
        report.violations().forEach(v -> out.println("  - " + v));
        return report.ok() ? 0 : 1;
    }
}

package app.omnia.wallet.jobs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.wallet.LedgerInvariants;

import static org.assertj.core.api.Assertions.assertThat;

class InvariantCommandTest {

    @Test
    void aViolationPrintsItAndExitsWithOne() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var broken = new LedgerInvariants.Report(false, Map.of("EUR", 1L), 3, 4, List.of("Balances of EUR sum to 1, not 0"));
        assertThat(InvariantCommand.exitCode(broken, new PrintStream(out, true))).isEqualTo(1);
        assertThat(out.toString()).contains("VIOLATED").contains("Balances of EUR sum to 1");
    }

    @Test
    void aSoundLedgerExitsWithZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var sound = new LedgerInvariants.Report(true, Map.of("EUR", 0L), 3, 4, List.of());
        assertThat(InvariantCommand.exitCode(sound, new PrintStream(out, true))).isZero();
        assertThat(out.toString()).contains("OK");
    }
}

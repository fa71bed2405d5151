package app.omnia.wallet.domain;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.wallet.domain.RunningBalances.Change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunningBalancesTest {

    private static final long ALICE = 1, BOB = 2, ISSUANCE = 3;

    private RunningBalances balances() {
        return new RunningBalances(List.of(new RunningBalances.Account(ALICE, true, "EUR", 100),
                new RunningBalances.Account(BOB, true, "EUR", 0), new RunningBalances.Account(ISSUANCE, false, "EUR", -100)));
    }

    @Test
    void aPostingThatWouldOverdrawAUserIsRefusedAloneAndTheNextStillApplies() {
        RunningBalances b = balances();
        assertThat(b.tryApply("EUR", List.of(new Change(ALICE, -60), new Change(BOB, 60)))).isEmpty();
        assertThat(b.tryApply("EUR", List.of(new Change(ALICE, -60), new Change(BOB, 60))))
                .contains(RunningBalances.Refusal.INSUFFICIENT_FUNDS);
        assertThat(b.tryApply("EUR", List.of(new Change(ALICE, -40), new Change(BOB, 40)))).isEmpty();
        assertThat(b.balance(ALICE)).isZero();
        assertThat(b.balance(BOB)).isEqualTo(100);
        assertThat(b.deltas()).isEqualTo(Map.of(ALICE, -100L, BOB, 100L));
    }

    @Test
    void systemAccountsMayGoNegative() {
        RunningBalances b = balances();
        assertThat(b.tryApply("EUR", List.of(new Change(ISSUANCE, -500), new Change(BOB, 500)))).isEmpty();
        assertThat(b.balance(ISSUANCE)).isEqualTo(-600);
    }

    @Test
    void undoTakesAPostingBack() {
        RunningBalances b = balances();
        List<Change> move = List.of(new Change(ALICE, -30), new Change(BOB, 30));
        b.tryApply("EUR", move);
        b.undo(move);
        assertThat(b.balance(ALICE)).isEqualTo(100);
        assertThat(b.deltas().values()).allMatch(d -> d == 0);
    }

    @Test
    void unknownAccountsAndOtherAssetsAreRefused() {
        RunningBalances b = balances();
        assertThat(b.tryApply("EUR", List.of(new Change(99, -1), new Change(BOB, 1))))
                .contains(RunningBalances.Refusal.UNKNOWN_ACCOUNT);
        assertThat(b.tryApply("USD", List.of(new Change(ALICE, -1), new Change(BOB, 1))))
                .contains(RunningBalances.Refusal.ASSET_MISMATCH);
        assertThat(b.balance(ALICE)).isEqualTo(100);
    }

    @Test
    void entriesMustBalanceWithTwoDistinctNonZeroLines() {
        EntryRules.requireBalanced(List.of(new EntryRules.Line("a", -5), new EntryRules.Line("b", 3),
                new EntryRules.Line("c", 2)));
        assertThatThrownBy(() -> EntryRules.requireBalanced(List.of(new EntryRules.Line("a", -5),
                new EntryRules.Line("b", 4)))).hasMessageContaining("differ");
        assertThatThrownBy(() -> EntryRules.requireBalanced(List.of(new EntryRules.Line("a", 0),
                new EntryRules.Line("b", 0)))).hasMessageContaining("zero");
        assertThatThrownBy(() -> EntryRules.requireBalanced(List.of(new EntryRules.Line("a", -5),
                new EntryRules.Line("a", 5)))).hasMessageContaining("twice");
        assertThatThrownBy(() -> EntryRules.requireBalanced(List.of(new EntryRules.Line("a", 0))))
                .hasMessageContaining("two");
        assertThatThrownBy(() -> EntryRules.requireBalanced(List.of(new EntryRules.Line("a", Long.MAX_VALUE),
                new EntryRules.Line("b", Long.MAX_VALUE), new EntryRules.Line("c", 2))))
                .isInstanceOf(ArithmeticException.class);
        assertThat(EntryRules.balances(List.of(-3L, 3L))).isTrue();
        assertThat(EntryRules.balances(List.of(-3L, 2L))).isFalse();
    }
}

package app.omnia.wallet.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes a journal entry well formed, whoever builds it: at least two lines, none zero, no party twice,
 * and debits equal to credits (the lines sum to zero, computed without overflow).
 */
public final class EntryRules {

    private EntryRules() {
    }

    /** One line before it is written: a party (any key that identifies it) and a signed amount. */
    public record Line(Object party, long amount) {}

    /** Throws IllegalArgumentException (a programming error, not a user's) when the lines do not balance. */
    public static void requireBalanced(List<Line> lines) {
        if (lines.size() < 2) {
            throw new IllegalArgumentException("An entry needs at least two lines");
        }
        long sum = 0;
        Set<Object> parties = new HashSet<>();
        for (Line line : lines) {
            if (line.amount() == 0) {
                throw new IllegalArgumentException("An entry line must not be zero");
            }
            if (!parties.add(line.party())) {
                throw new IllegalArgumentException("A party appears twice in one entry: " + line.party());
            }
            sum = Math.addExact(sum, line.amount());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("Debits and credits differ by " + sum);
        }
    }

    /** Whether stored lines balance (for the invariant check). */
    public static boolean balances(List<Long> amounts) {
        long sum = 0;
        for (long amount : amounts) {
            sum = Math.addExact(sum, amount);
        }
        return sum == 0 && amounts.size() >= 2;
    }
}

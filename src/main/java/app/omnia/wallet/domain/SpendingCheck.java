package app.omnia.wallet.domain;

/**
 * Whether one more payment fits under the day's and the month's caps, given what was already sent.
 * Pure arithmetic, overflow-safe: amounts are caller input.
 */
public final class SpendingCheck {

    private SpendingCheck() {
    }

    public enum Verdict { ALLOWED, OVER_DAILY, OVER_MONTHLY }

    public static Verdict check(long amount, long sentToday, long sentThisMonth, long dailyCap, long monthlyCap) {
        if (amount < 0 || amount > dailyCap - Math.min(sentToday, dailyCap) || sentToday > dailyCap) {
            return Verdict.OVER_DAILY;
        }
        if (amount > monthlyCap - Math.min(sentThisMonth, monthlyCap) || sentThisMonth > monthlyCap) {
            return Verdict.OVER_MONTHLY;
        }
        return Verdict.ALLOWED;
    }
}

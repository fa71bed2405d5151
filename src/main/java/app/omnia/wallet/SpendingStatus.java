package app.omnia.wallet;

import java.time.Instant;

/**
 * An account's standing for money going out, in one asset: its tier and caps, what it sent today (UTC) and
 * this month, and whether staff froze the wallet.
 */
public record SpendingStatus(String tier, String asset, long dailyCap, long monthlyCap, long sentToday,
                             long sentThisMonth, long secondConfirmationAbove, boolean frozen, String frozenReason,
                             Instant frozenAt) {}

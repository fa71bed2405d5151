package app.omnia.wallet;

import java.time.Instant;

/**
 * An account's standing for money going out, in one asset: its tier and caps, what it sent today (UTC) and
 * this month, the largest single card operation, and whether the wallet is frozen.
 */
public record SpendingStatus(String tier, String asset, long dailyCap, long monthlyCap, long sentToday,
                             long sentThisMonth, long secondConfirmationAbove, long cardMaxAmount, boolean frozen,
                             String frozenReason, Instant frozenAt) {}

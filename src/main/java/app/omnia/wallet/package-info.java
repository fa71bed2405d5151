/**
 * Wallet: a double-entry ledger of user and system accounts per asset, a batching writer (group commit),
 * person-to-person transfers and money requests, statements, the {@code wallet} stream and the invariant
 * check. A leaf module: others use only this package. Reads accounts through identity's API and blocks
 * through social's.
 *
 * <h2>The ledger API (for other modules, e.g. cards)</h2>
 * <ul>
 *   <li>{@link app.omnia.wallet.LedgerService#post(Posting)}: append one journal entry; returns
 *       {@link app.omnia.wallet.PostingOutcome} ({@code Posted}, {@code Refused} with an
 *       {@link app.omnia.platform.web.ApiException} such as 422 {@code insufficient-funds}, or {@code Replayed}).
 *       {@code postOrThrow} returns the entry or throws the refusal.</li>
 *   <li>{@link app.omnia.wallet.Posting#between} builds a two-leg posting between {@link app.omnia.wallet.Party}s:
 *       a user ({@code Party.user(accountId)}) or a named {@link app.omnia.wallet.SystemAccount}
 *       ({@code ISSUANCE}, {@code SUSPENSE}, {@code CARD_SETTLEMENT}, {@code FEES}, or your own name). The
 *       canonical constructor takes any balanced list of {@link app.omnia.wallet.Leg}s (payment + fee).
 *       Amounts are {@code long} minor units of an enabled ISO 4217 {@link app.omnia.wallet.Asset}.</li>
 *   <li>{@link app.omnia.wallet.Posting#withGuard}: a {@link app.omnia.wallet.PostingGuard} runs inside the
 *       writer's transaction after funds were found sufficient; throwing an ApiException refuses that
 *       posting only (limits, freezes, "request still pending").</li>
 *   <li>{@link app.omnia.wallet.Posting#withIdempotency}: Stripe's Idempotency-Key; the key is claimed and the
 *       first response (success body or problem) stored in the entry's own transaction.</li>
 *   <li>{@link app.omnia.wallet.TransferCompleted} is published for every entry written (after commit).</li>
 *   <li>Balances: {@code LedgerService.balance(ownerId, asset)}, {@code systemBalance(account, asset)};
 *       assets: {@code assets()}, {@code requireEnabled(code)}.</li>
 * </ul>
 * <h2>Cards, merchant payments, limits (for other modules)</h2>
 * <ul>
 *   <li>{@link app.omnia.wallet.MerchantPayments}: shops, tickets and ads create a charge for a user
 *       ({@code createCharge}), which the user confirms or declines over HTTP, and refund it in part or in full;
 *       {@link app.omnia.wallet.ChargeSucceeded}, {@link app.omnia.wallet.ChargeDeclined} and
 *       {@link app.omnia.wallet.ChargeRefunded} say what happened.</li>
 *   <li>{@link app.omnia.wallet.WalletControls}: moderation freezes and unfreezes a wallet ({@code freeze},
 *       audited); every payment out of a wallet passes its limits and freeze check in the posting's own step.</li>
 *   <li>Top-ups and withdrawals go through the {@link app.omnia.wallet.CardNetwork} port (a sandbox ships);
 *       {@link app.omnia.wallet.CardReconciliation} settles them.</li>
 * </ul>
 * User balances never go below zero (checked under row locks and by a guarded UPDATE, so it holds across
 * server copies); system balances may. Entries are never updated or deleted: a correction is a new entry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Wallet")
package app.omnia.wallet;

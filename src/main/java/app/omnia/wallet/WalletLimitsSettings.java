package app.omnia.wallet;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spending limits ({@code omnia.wallet.limits.*}), counted per asset over the UTC day and month, on money going
 * out: P2P sends, withdrawals to cards, merchant charges; and the largest single top-up or withdrawal.
 * Amounts are written in major units (500.00): each asset turns them into its own minor units, and an asset may
 * have caps of its own ({@code assets.<CODE>.*}), so that ¥500 and €500.00 need not be the same cap
 * ({@link SpendingLimits} does the conversion and checks it).
 *
 * @param unverified        default caps of accounts without a verification
 * @param verified          default caps of accounts verified as a person ({@code identity}), organisation or government
 * @param minor             default caps of minors (under 18 by their date of birth), whatever their verification
 * @param confirmationAbove by default, a payment above this amount waits for a second confirmation by its payer
 * @param confirmationTtl   how long such a payment may wait for it
 * @param cardMaxAmount     the largest top-up or withdrawal
 * @param assets            per asset code, any of the values above for that asset alone (unset ones are the defaults)
 */
@ConfigurationProperties("omnia.wallet.limits")
public record WalletLimitsSettings(Caps unverified, Caps verified, Caps minor, BigDecimal confirmationAbove,
                                   Duration confirmationTtl, BigDecimal cardMaxAmount, Map<String, AssetLimits> assets) {

    /** A daily and a monthly cap in major units; in an asset's own limits either may be left out (null). */
    public record Caps(BigDecimal daily, BigDecimal monthly) {}

    /** An asset's own limits: whatever is null falls back to the default. */
    public record AssetLimits(Caps unverified, Caps verified, Caps minor, BigDecimal confirmationAbove,
                              BigDecimal cardMaxAmount) {}

    public WalletLimitsSettings {
        if (!complete(unverified) || !complete(verified) || !complete(minor) || confirmationAbove == null
                || confirmationTtl == null || confirmationTtl.isNegative() || confirmationTtl.isZero()
                || cardMaxAmount == null) {
            throw new IllegalArgumentException("omnia.wallet.limits: the default caps (unverified, verified, minor: "
                    + "daily and monthly), confirmation-above, confirmation-ttl and card-max-amount must all be set "
                    + "(see the README)");
        }
        assets = assets == null ? Map.of() : Map.copyOf(assets);
    }

    private static boolean complete(Caps caps) {
        return caps != null && caps.daily() != null && caps.monthly() != null;
    }
}

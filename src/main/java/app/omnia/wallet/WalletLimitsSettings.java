package app.omnia.wallet;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Spending limits ({@code omnia.wallet.limits.*}), in minor units of each asset, counted per asset over the
 * UTC day and month, on money going out: P2P sends, withdrawals to cards, merchant charges. Top-ups and
 * incoming money are not limited here.
 *
 * @param unverified        caps of accounts without a verification
 * @param verified          caps of accounts verified as a person ({@code identity}), organisation or government
 * @param minor             caps of minors (under 18 by their date of birth), whatever their verification
 * @param confirmationAbove a payment above this amount waits for a second confirmation by its payer
 * @param confirmationTtl   how long such a payment may wait for it
 */
@ConfigurationProperties("omnia.wallet.limits")
public record WalletLimitsSettings(Caps unverified, Caps verified, Caps minor, long confirmationAbove,
                                   Duration confirmationTtl) {

    /** A daily and a monthly cap. */
    public record Caps(long daily, long monthly) {
        public Caps {
            if (daily < 0 || monthly < daily) {
                throw new IllegalArgumentException("omnia.wallet.limits: a daily cap must be 0 or more and not above "
                        + "the monthly one");
            }
        }
    }

    public WalletLimitsSettings {
        if (unverified == null || verified == null || minor == null || confirmationAbove < 1
                || confirmationTtl == null || confirmationTtl.isNegative() || confirmationTtl.isZero()) {
            throw new IllegalArgumentException("omnia.wallet.limits.* settings out of range (see the README)");
        }
    }
}

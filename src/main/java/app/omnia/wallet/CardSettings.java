package app.omnia.wallet;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import app.omnia.platform.ratelimit.Limit;

/**
 * Card settings ({@code omnia.wallet.cards.*}). Defaults live in application.yml and the README.
 *
 * @param network          which {@link CardNetwork} adapter runs: {@code sandbox} (the only one shipped)
 * @param maxCards         most cards one account keeps
 * @param addsPerAccount   cards an account may add per period ({@code N/period}), against card testing
 * @param reconcileAfter   how old a pending operation must be before the job asks the network about it
 *                         (the request that started it may still be waiting for its answer)
 * @param giveUpAfter      how long an operation the network still calls pending is waited for; then it is
 *                         cancelled at the network and failed (a withdrawal's money returns)
 * @param jobInterval      how often the settlement and reconciliation job runs
 */
@ConfigurationProperties("omnia.wallet.cards")
public record CardSettings(String network, int maxCards, String addsPerAccount,
                           Duration reconcileAfter, Duration giveUpAfter, Duration jobInterval) {

    public CardSettings {
        if (maxCards < 1 || reconcileAfter == null || reconcileAfter.isNegative()
                || giveUpAfter == null || giveUpAfter.compareTo(reconcileAfter) < 0
                || jobInterval == null || jobInterval.isNegative() || jobInterval.isZero()) {
            throw new IllegalArgumentException("omnia.wallet.cards.* settings out of range (see the README)");
        }
        Limit.parse(addsPerAccount);
    }

    public Limit addsLimit() {
        return Limit.parse(addsPerAccount);
    }
}

package app.omnia.wallet;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The wallet settings ({@code omnia.wallet.*}), owned by this module. Defaults live in application.yml and
 * the README.
 *
 * @param assets             the assets people may hold and send: ISO 4217 codes (each with its standard minor
 *                           units) and the operator's own as CODE:minor-units (see {@link Asset#parse})
 * @param defaultAsset       the asset a transfer or request uses when it names none; must be enabled
 * @param batchMaxSize       most postings the ledger writer applies in one database transaction
 * @param queueCapacity      postings waiting for the writer before new ones are refused (503)
 * @param postingTimeout     how long a request waits for the writer before giving up (503; nothing lost:
 *                           a posting still queued is applied, and an Idempotency-Key retry sees it)
 * @param maxNoteCharacters  longest note on a transfer or money request (at most 500: the column's size)
 * @param checkInvariants    {@code --omnia.wallet.check-invariants}: check the ledger, print the result and
 *                           exit (non-zero on a violation) instead of serving
 */
@ConfigurationProperties("omnia.wallet")
public record WalletSettings(List<String> assets, String defaultAsset, int batchMaxSize, int queueCapacity,
                             Duration postingTimeout, int maxNoteCharacters, boolean checkInvariants) {

    public WalletSettings {
        assets = assets == null ? List.of() : assets.stream().map(a -> a.trim().toUpperCase(Locale.ROOT)).toList();
        defaultAsset = defaultAsset == null ? "" : defaultAsset.trim().toUpperCase(Locale.ROOT);
        List<String> codes = assets.stream().map(entry -> Asset.parse(entry).code()).toList();
        if (codes.isEmpty() || !codes.contains(defaultAsset)) {
            throw new IllegalArgumentException("omnia.wallet.default-asset must be one of omnia.wallet.assets");
        }
        if (codes.stream().distinct().count() != codes.size()) {
            throw new IllegalArgumentException("omnia.wallet.assets names an asset twice");
        }
        if (batchMaxSize < 1 || queueCapacity < 1 || postingTimeout == null || postingTimeout.isNegative()
                || postingTimeout.isZero() || maxNoteCharacters < 0 || maxNoteCharacters > 500) {
            throw new IllegalArgumentException("omnia.wallet.* settings out of range (see the README)");
        }
    }

}

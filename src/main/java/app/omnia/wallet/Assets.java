package app.omnia.wallet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The assets this server knows, from {@code omnia.wallet.assets}: ISO 4217 currencies with their standard minor
 * units, and assets of the operator's own with the units they were given ({@code POINTS:0}, {@code USDC:6}).
 * Stored amounts are only ever read through here, so that "1250" of an asset always means what it meant when
 * it was written.
 */
@Component
public class Assets {

    private final Map<String, Asset> enabled = new LinkedHashMap<>();
    private final Asset defaultAsset;

    Assets(WalletSettings settings) {
        for (String entry : settings.assets()) {
            Asset asset = Asset.parse(entry);
            enabled.put(asset.code(), asset);
        }
        defaultAsset = enabled.get(settings.defaultAsset());
    }

    /** The enabled assets, the default one first. */
    public List<Asset> all() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(defaultAsset),
                enabled.values().stream().filter(a -> !a.equals(defaultAsset))).toList();
    }

    public Asset defaultAsset() {
        return defaultAsset;
    }

    /** The enabled asset of this code (any case), or null. */
    public Asset enabled(String code) {
        return code == null ? null : enabled.get(code.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /**
     * The asset of a code read from the database. An asset switched off since keeps its units: an ISO currency
     * its standard ones; an asset of the operator's own removed from the settings while rows still name it is
     * a mistake in the settings, not something to guess.
     */
    public Asset of(String storedCode) {
        return enabledOrIso(storedCode).orElseThrow(() -> new IllegalStateException("The database holds amounts of "
                + storedCode + ", which omnia.wallet.assets no longer defines: put it back (CODE:minor-units) to read them"));
    }

    /** An enabled asset of this code, else the ISO 4217 currency of that code; empty for anything else. */
    Optional<Asset> enabledOrIso(String code) {
        Asset asset = enabled(code);
        if (asset != null) {
            return Optional.of(asset);
        }
        try {
            return Optional.of(Asset.of(code));
        } catch (IllegalArgumentException notIso) {
            return Optional.empty();
        }
    }
}

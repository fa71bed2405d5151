package app.omnia.wallet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.wallet.domain.SpendingTier;

/**
 * The spending caps, second-confirmation threshold and largest card amount of each asset, in its minor units:
 * the settings' defaults in major units, overridden by the asset's own ({@code omnia.wallet.limits.assets.<CODE>.*}),
 * times 10 to the asset's minor units. Computed once at start-up for every enabled asset, so that a value an asset
 * cannot hold (500.005 for EUR, 0.5 for JPY), an override for an unknown asset, or a daily cap above a monthly
 * one stops the server with the setting's name instead of surfacing on a payment.
 */
@Component
public class SpendingLimits {

    /** A daily and a monthly cap, in minor units of one asset. */
    public record Caps(long daily, long monthly) {}

    private record OfAsset(Map<SpendingTier, Caps> caps, long confirmationAbove, long cardMaxAmount) {}

    private static final String PREFIX = "omnia.wallet.limits.";

    private final WalletLimitsSettings settings;
    private final Assets assets;
    private final Map<String, OfAsset> known = new HashMap<>();

    SpendingLimits(WalletLimitsSettings settings, Assets assets) {
        this.settings = settings;
        this.assets = assets;
        settings.assets().forEach((code, own) -> {
            // Keys keep the case they were written in (environment variables lower-case them).
            Asset asset = overridable(code);
            if (known.put(asset.code(), resolve(asset, own)) != null) {
                throw new IllegalArgumentException(PREFIX + "assets names " + asset.code() + " twice");
            }
        });
        for (Asset asset : assets.all()) {
            known.computeIfAbsent(asset.code(), code -> resolve(asset, null));
        }
    }

    /**
     * The asset an override names: an enabled one, or an ISO 4217 currency that is not (the shipped JPY caps stay
     * harmless on a server without JPY, and apply to payments of it enabled before); anything else is most
     * likely a misspelt code, and an override that would silently do nothing.
     */
    private Asset overridable(String code) {
        return assets.enabledOrIso(code).orElseThrow(() ->
                new IllegalArgumentException(PREFIX + "assets." + code + ": not one of omnia.wallet.assets"));
    }

    /** The caps of this tier in this asset, in its minor units. */
    public Caps caps(SpendingTier tier, String asset) {
        return of(asset).caps().get(tier);
    }

    /** The asset of this code, whose minor units the caps are counted in (to tell a cap in its major units). */
    Asset asset(String code) {
        return assets.of(code);
    }

    /** A payment of this asset above this many minor units waits for its payer's second confirmation. */
    public long confirmationAbove(String asset) {
        return of(asset).confirmationAbove();
    }

    /** The largest top-up or withdrawal in this asset, in its minor units. */
    public long cardMaxAmount(String asset) {
        return of(asset).cardMaxAmount();
    }

    public Duration confirmationTtl() {
        return settings.confirmationTtl();
    }

    private OfAsset of(String code) {
        OfAsset limits = known.get(code);
        if (limits != null) {
            return limits;
        }
        // An asset switched off since (a money request made in it may still be paid): the defaults, rounded
        // down to its units, since nothing could be checked at start-up about an asset the settings do not name.
        Asset asset = assets.of(code);
        Map<SpendingTier, Caps> caps = new EnumMap<>(SpendingTier.class);
        for (SpendingTier tier : SpendingTier.values()) {
            WalletLimitsSettings.Caps major = defaults(tier);
            caps.put(tier, new Caps(floor(major.daily(), asset), floor(major.monthly(), asset)));
        }
        return new OfAsset(caps, Math.max(1, floor(settings.confirmationAbove(), asset)),
                Math.max(1, floor(settings.cardMaxAmount(), asset)));
    }

    private OfAsset resolve(Asset asset, WalletLimitsSettings.AssetLimits own) {
        Map<SpendingTier, Caps> caps = new EnumMap<>(SpendingTier.class);
        for (SpendingTier tier : SpendingTier.values()) {
            WalletLimitsSettings.Caps mine = own == null ? null : tierOf(own, tier);
            String daily = tier.key() + ".daily";
            String monthly = tier.key() + ".monthly";
            long dailyCap = mine != null && mine.daily() != null
                    ? minor(mine.daily(), asset, ownName(asset, daily)) : minor(defaults(tier).daily(), asset, PREFIX + daily);
            long monthlyCap = mine != null && mine.monthly() != null
                    ? minor(mine.monthly(), asset, ownName(asset, monthly))
                    : minor(defaults(tier).monthly(), asset, PREFIX + monthly);
            if (dailyCap < 0 || monthlyCap < dailyCap) {
                throw new IllegalArgumentException((mine == null ? PREFIX + tier.key() : ownName(asset, tier.key()))
                        + ": in " + asset.code() + ", a daily cap must be 0 or more and not above the monthly one");
            }
            caps.put(tier, new Caps(dailyCap, monthlyCap));
        }
        long above = positive(own == null ? null : own.confirmationAbove(), settings.confirmationAbove(), asset,
                "confirmation-above");
        long cardMax = positive(own == null ? null : own.cardMaxAmount(), settings.cardMaxAmount(), asset,
                "card-max-amount");
        return new OfAsset(caps, above, cardMax);
    }

    /** The asset's own value of {@code key} if it has one, else the default; in minor units, above 0. */
    private static long positive(BigDecimal own, BigDecimal fallback, Asset asset, String key) {
        String name = own != null ? ownName(asset, key) : PREFIX + key;
        long minor = minor(own != null ? own : fallback, asset, name);
        if (minor < 1) {
            throw new IllegalArgumentException(name + " must be above 0");
        }
        return minor;
    }

    private WalletLimitsSettings.Caps defaults(SpendingTier tier) {
        return pick(tier, settings.unverified(), settings.verified(), settings.minor());
    }

    private static WalletLimitsSettings.Caps tierOf(WalletLimitsSettings.AssetLimits own, SpendingTier tier) {
        return pick(tier, own.unverified(), own.verified(), own.minor());
    }

    private static <T> T pick(SpendingTier tier, T unverified, T verified, T minor) {
        return switch (tier) {
            case UNVERIFIED -> unverified;
            case VERIFIED -> verified;
            case MINOR -> minor;
        };
    }

    private static String ownName(Asset asset, String key) {
        return PREFIX + "assets." + asset.code() + "." + key;
    }

    /** Exactly, or a start-up error naming the setting: 500.005 cannot be a cap in EUR, nor 0.5 in JPY. */
    private static long minor(BigDecimal major, Asset asset, String setting) {
        try {
            return asset.minorOf(major);
        } catch (ArithmeticException inexact) {
            throw new IllegalArgumentException(setting + " (" + major.toPlainString() + ") is not a whole number of "
                    + "minor units of " + asset.code() + " (" + asset.minorUnits() + " decimals), or too large");
        }
    }

    private static long floor(BigDecimal major, Asset asset) {
        return major.movePointRight(asset.minorUnits()).setScale(0, RoundingMode.DOWN).longValue();
    }
}

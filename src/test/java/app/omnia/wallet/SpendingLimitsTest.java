package app.omnia.wallet;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.wallet.WalletLimitsSettings.AssetLimits;
import app.omnia.wallet.WalletLimitsSettings.Caps;
import app.omnia.wallet.domain.SpendingTier;

import static app.omnia.wallet.domain.SpendingTier.MINOR;
import static app.omnia.wallet.domain.SpendingTier.UNVERIFIED;
import static app.omnia.wallet.domain.SpendingTier.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The defaults in major units turned into each asset's minor units, asset overrides, and start-up refusals. */
class SpendingLimitsTest {

    private static final Assets ASSETS = new Assets(new WalletSettings(List.of("EUR", "JPY", "USDC:6", "POINTS:0"),
            "EUR", 256, 10_000, Duration.ofSeconds(10), 280, false));

    private static Caps caps(String daily, String monthly) {
        return new Caps(daily == null ? null : new BigDecimal(daily), monthly == null ? null : new BigDecimal(monthly));
    }

    /** The shipped defaults, with these asset overrides. */
    private static WalletLimitsSettings settings(Map<String, AssetLimits> assets) {
        return settings(caps("500.00", "2000.00"), "1000.00", assets);
    }

    private static WalletLimitsSettings settings(Caps unverified, String confirmationAbove,
                                                 Map<String, AssetLimits> assets) {
        return new WalletLimitsSettings(unverified, caps("10000.00", "50000.00"), caps("50.00", "200.00"),
                new BigDecimal(confirmationAbove), Duration.ofMinutes(15), new BigDecimal("10000.00"), assets);
    }

    private static SpendingLimits.Caps of(SpendingLimits limits, SpendingTier tier, String asset) {
        return limits.caps(tier, asset);
    }

    @Test
    void eachAssetCountsTheDefaultsInItsOwnMinorUnits() {
        SpendingLimits limits = new SpendingLimits(settings(Map.of()), ASSETS);

        assertThat(of(limits, UNVERIFIED, "EUR")).isEqualTo(new SpendingLimits.Caps(50_000, 200_000));
        assertThat(of(limits, VERIFIED, "EUR")).isEqualTo(new SpendingLimits.Caps(1_000_000, 5_000_000));
        assertThat(of(limits, MINOR, "EUR")).isEqualTo(new SpendingLimits.Caps(5_000, 20_000));
        assertThat(of(limits, UNVERIFIED, "JPY")).as("500.00 is ¥500").isEqualTo(new SpendingLimits.Caps(500, 2_000));
        assertThat(of(limits, UNVERIFIED, "POINTS")).isEqualTo(new SpendingLimits.Caps(500, 2_000));
        assertThat(of(limits, UNVERIFIED, "USDC")).as("500 USDC, not 0.05")
                .isEqualTo(new SpendingLimits.Caps(500_000_000L, 2_000_000_000L));
        assertThat(limits.confirmationAbove("EUR")).isEqualTo(100_000);
        assertThat(limits.confirmationAbove("JPY")).isEqualTo(1_000);
        assertThat(limits.confirmationAbove("USDC")).isEqualTo(1_000_000_000L);
    }

    @Test
    void anAssetsOwnValuesReplaceOnlyWhatTheySet() {
        SpendingLimits limits = new SpendingLimits(settings(Map.of(
                "JPY", new AssetLimits(caps("80000", "320000"), null, caps(null, "32000"), new BigDecimal("160000"), null),
                // Spring keeps keys as written; environment variables come lower-case.
                "usdc", new AssetLimits(null, caps("25000.5", null), null, null, null))), ASSETS);

        assertThat(of(limits, UNVERIFIED, "JPY")).isEqualTo(new SpendingLimits.Caps(80_000, 320_000));
        assertThat(of(limits, VERIFIED, "JPY")).as("not overridden").isEqualTo(new SpendingLimits.Caps(10_000, 50_000));
        assertThat(of(limits, MINOR, "JPY")).as("daily default, monthly own").isEqualTo(new SpendingLimits.Caps(50, 32_000));
        assertThat(limits.confirmationAbove("JPY")).isEqualTo(160_000);
        assertThat(of(limits, VERIFIED, "USDC")).isEqualTo(new SpendingLimits.Caps(25_000_500_000L, 50_000_000_000L));
        assertThat(limits.confirmationAbove("USDC")).isEqualTo(1_000_000_000L);
        assertThat(of(limits, UNVERIFIED, "EUR")).as("others untouched").isEqualTo(new SpendingLimits.Caps(50_000, 200_000));
    }

    @Test
    void anIsoCurrencyThatIsNotEnabledMayHaveValuesAndAnAssetOffTheListGetsTheDefaultsRoundedDown() {
        Assets euros = new Assets(new WalletSettings(List.of("EUR"), "EUR", 256, 10_000, Duration.ofSeconds(10), 280,
                false));
        SpendingLimits limits = new SpendingLimits(settings(caps("500.00", "2000.00"), "1000.50",
                Map.of("GBP", new AssetLimits(caps("400.00", "1600.00"), null, null, null, null))), euros);

        assertThat(of(limits, UNVERIFIED, "GBP")).isEqualTo(new SpendingLimits.Caps(40_000, 160_000));
        assertThat(limits.confirmationAbove("CHF")).isEqualTo(100_050);
        assertThat(limits.confirmationAbove("ISK")).as("no minor units: 1000.50 → 1000").isEqualTo(1_000);
    }

    @Test
    void aDefaultWithMoreDecimalsThanAnAssetHasStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new SpendingLimits(settings(caps("500.50", "2000.00"), "1000.00", Map.of()), ASSETS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("omnia.wallet.limits.unverified.daily").hasMessageContaining("JPY");
        assertThatThrownBy(() -> new SpendingLimits(settings(caps("500.00", "2000.00"), "1000.001", Map.of()), ASSETS))
                .hasMessageContaining("omnia.wallet.limits.confirmation-above").hasMessageContaining("EUR");
    }

    @Test
    void anOverrideWithMoreDecimalsThanItsAssetStopsTheStartNamingIt() {
        assertThatThrownBy(() -> new SpendingLimits(settings(Map.of("JPY",
                new AssetLimits(null, null, caps("0.5", null), null, null))), ASSETS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("omnia.wallet.limits.assets.JPY.minor.daily");
    }

    @Test
    void anOverrideForAnUnknownAssetStopsTheStart() {
        for (String code : List.of("JYP", "GEMS", "XAU")) {
            assertThatThrownBy(() -> new SpendingLimits(settings(Map.of(code,
                    new AssetLimits(null, null, null, BigDecimal.TEN, null))), ASSETS))
                    .as(code).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("omnia.wallet.limits.assets." + code);
        }
    }

    @Test
    void aDailyCapAboveTheMonthlyOneOrNoThresholdStopsTheStart() {
        assertThatThrownBy(() -> new SpendingLimits(settings(Map.of("JPY",
                new AssetLimits(caps("90000", null), null, null, null, null))), ASSETS))
                .hasMessageContaining("omnia.wallet.limits.assets.JPY.unverified").hasMessageContaining("monthly");
        assertThatThrownBy(() -> new SpendingLimits(settings(caps("-1", "2000.00"), "1000.00", Map.of()), ASSETS))
                .hasMessageContaining("omnia.wallet.limits.unverified");
        assertThatThrownBy(() -> new SpendingLimits(settings(Map.of("EUR",
                new AssetLimits(null, null, null, BigDecimal.ZERO, null))), ASSETS))
                .hasMessageContaining("omnia.wallet.limits.assets.EUR.confirmation-above");
    }

    @Test
    void theLargestCardAmountIsEachAssetsOwnOrTheDefaultInItsUnits() {
        SpendingLimits limits = new SpendingLimits(settings(Map.of(
                "JPY", new AssetLimits(null, null, null, null, new BigDecimal("1600000")))), ASSETS);

        assertThat(limits.cardMaxAmount("EUR")).isEqualTo(1_000_000);
        assertThat(limits.cardMaxAmount("JPY")).isEqualTo(1_600_000);
        assertThat(limits.cardMaxAmount("POINTS")).isEqualTo(10_000);
        assertThat(limits.cardMaxAmount("USDC")).isEqualTo(10_000_000_000L);
        assertThatThrownBy(() -> new SpendingLimits(settings(Map.of("EUR",
                new AssetLimits(null, null, null, null, new BigDecimal("0.001")))), ASSETS))
                .hasMessageContaining("omnia.wallet.limits.assets.EUR.card-max-amount");
        assertThatThrownBy(() -> new SpendingLimits(settings(Map.of("JPY",
                new AssetLimits(null, null, null, null, BigDecimal.ZERO))), ASSETS))
                .hasMessageContaining("omnia.wallet.limits.assets.JPY.card-max-amount").hasMessageContaining("above 0");
    }

    @Test
    void aMissingDefaultIsRefused() {
        assertThatThrownBy(() -> settings(caps("500.00", null), "1000.00", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("omnia.wallet.limits");
    }
}

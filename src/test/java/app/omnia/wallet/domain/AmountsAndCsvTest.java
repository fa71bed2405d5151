package app.omnia.wallet.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.omnia.platform.web.ApiException;
import app.omnia.wallet.Asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountsAndCsvTest {

    private static final Asset EUR = Asset.of("EUR");
    private static final Asset JPY = Asset.of("jpy");

    @Test
    void decimalsBecomeExactMinorUnits() {
        assertThat(Amounts.parse("amount", "12.5", EUR)).isEqualTo(1250);
        assertThat(Amounts.parse("amount", " 12.50 ", EUR)).isEqualTo(1250);
        assertThat(Amounts.parse("amount", "0.01", EUR)).isEqualTo(1);
        assertThat(Amounts.parse("amount", "1.230", EUR)).as("trailing zeros are not precision").isEqualTo(123);
        assertThat(Amounts.parse("amount", "500", JPY)).isEqualTo(500);
        assertThat(JPY.minorUnits()).isZero();
        assertThat(EUR.format(1250)).isEqualTo("12.50");
        assertThat(EUR.format(-5)).isEqualTo("-0.05");
        assertThat(JPY.format(500)).isEqualTo("500");
    }

    @Test
    void badAmountsAreRefusedNamingTheField() {
        for (String bad : List.of("", "0", "0.00", "-1", "1.234", "1e3", "0x10", "abc", "1,5", "NaN", "99999999999999999999")) {
            assertThatThrownBy(() -> Amounts.parse("amount", bad, EUR)).as(bad)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.fieldErrors())
                            .extracting(ApiException.FieldError::field).containsExactly("amount"));
        }
        assertThatThrownBy(() -> Amounts.parse("amount", "1.5", JPY)).hasMessageContaining("0 decimal places");
        assertThatThrownBy(() -> Asset.of("XAU")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Asset.of("QQQ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void assetsOfTheOperatorsOwnCarryTheirUnitsAndIsoCurrenciesKeepTheirs() {
        assertThat(Asset.parse("eur")).isEqualTo(EUR);
        assertThat(Asset.parse(" usdc:6 ")).isEqualTo(new Asset("USDC", 6));
        assertThat(Asset.parse("POINTS:0")).isEqualTo(new Asset("POINTS", 0));
        assertThat(Asset.parse("XAU:3")).as("ISO, but without minor units of its own").isEqualTo(new Asset("XAU", 3));
        assertThat(Asset.parse("JPY:0")).isEqualTo(JPY);
        assertThat(Amounts.parse("amount", "1.5", Asset.parse("USDC:6"))).isEqualTo(1_500_000);
        assertThat(Asset.parse("USDC:6").format(1_500_000)).isEqualTo("1.500000");
        for (String bad : List.of("EUR:3", "QQQ", "P:2", "POINTS", "POINTS:", "POINTS:9", "POINTS:-1", "1UP:0",
                "TOO_LONG_CODE:2", "THIRTEENCHARS:2", ":2", "")) {
            assertThatThrownBy(() -> Asset.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void csvCellsAreQuotedAndFormulasNeutralised() {
        assertThat(Csv.row(List.of("a", "b,c", "say \"hi\"", "line\nbreak"))).isEqualTo(
                "a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\"\r\n");
        assertThat(Csv.text("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.text("+1")).isEqualTo("'+1");
        assertThat(Csv.text("-1")).isEqualTo("'-1");
        assertThat(Csv.text("@x")).isEqualTo("'@x");
        assertThat(Csv.text("\tx")).isEqualTo("'\tx");
        assertThat(Csv.row(List.of(new Csv.Num("-12.50"), "x"))).isEqualTo("-12.50,x\r\n");
        assertThatThrownBy(() -> new Csv.Num("=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policyLetsOnlyThePartiesSeeAndAct() {
        var request = new MoneyRequest(1, 10, 20, "EUR", 5, "", MoneyRequest.State.PENDING, null, null, null);
        assertThat(WalletPolicy.canSee(10, request)).isTrue();
        assertThat(WalletPolicy.canSee(20, request)).isTrue();
        assertThat(WalletPolicy.canSee(30, request)).isFalse();
        assertThat(WalletPolicy.canAnswer(20, request)).isTrue();
        assertThat(WalletPolicy.canAnswer(10, request)).isFalse();
        assertThat(WalletPolicy.canCancel(10, request)).isTrue();
        assertThat(WalletPolicy.canCancel(20, request)).isFalse();
        var paid = new MoneyRequest(1, 10, 20, "EUR", 5, "", MoneyRequest.State.PAID, 7L, null, null);
        assertThat(WalletPolicy.canAnswer(20, paid)).isFalse();
        assertThat(WalletPolicy.canCancel(10, paid)).isFalse();

        var entry = new app.omnia.wallet.LedgerEntry(1, "transfer", "EUR", 5, 10L, 20L, 10L, "", null,
                List.of(new app.omnia.wallet.LedgerEntry.Line(100, 10L, null, -5),
                        new app.omnia.wallet.LedgerEntry.Line(200, 20L, null, 5)));
        assertThat(WalletPolicy.canSee(10, entry)).isTrue();
        assertThat(WalletPolicy.canSee(20, entry)).isTrue();
        assertThat(WalletPolicy.canSee(30, entry)).as("the other user's id").isFalse();
        assertThat(WalletPolicy.canSeeAccountOf(10, 10)).isTrue();
        assertThat(WalletPolicy.canSeeAccountOf(10, 20)).isFalse();
    }
}

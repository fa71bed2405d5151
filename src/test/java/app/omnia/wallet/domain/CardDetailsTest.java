package app.omnia.wallet.domain;

import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardDetailsTest {

    static final YearMonth NOW = YearMonth.of(2026, 11);

    @Test
    void luhnAcceptsTestNumbersAndRefusesATypo() {
        assertThat(Luhn.valid("4242424242424242")).isTrue();
        assertThat(Luhn.valid("5555555555554444")).isTrue();
        assertThat(Luhn.valid("378282246310005")).isTrue();
        assertThat(Luhn.valid("4242424242424243")).isFalse();
        assertThat(Luhn.valid("")).isFalse();
    }

    @Test
    void brandsComeFromTheLeadingDigits() {
        assertThat(CardBrand.of("4242424242424242")).isEqualTo(CardBrand.VISA);
        assertThat(CardBrand.of("5555555555554444")).isEqualTo(CardBrand.MASTERCARD);
        assertThat(CardBrand.of("2223003122003222")).isEqualTo(CardBrand.MASTERCARD);
        assertThat(CardBrand.of("378282246310005")).isEqualTo(CardBrand.AMEX);
        assertThat(CardBrand.of("6011111111111117")).isEqualTo(CardBrand.DISCOVER);
        assertThat(CardBrand.of("9999999999999995")).isEqualTo(CardBrand.UNKNOWN);
    }

    @Test
    void theCurrentMonthIsStillValidAndLastMonthIsExpired() {
        assertThat(CardDetails.check("4242424242424242", "11", "2026", "123", NOW).valid()).isTrue();
        var lastMonth = CardDetails.check("4242424242424242", "10", "2026", "123", NOW);
        assertThat(lastMonth.problems()).extracting(CardDetails.Problem::field).containsExactly("exp_year");
    }

    @Test
    void amexNeedsFourDigitsOthersThree() {
        assertThat(CardDetails.check("378282246310005", "1", "30", "1234", NOW).valid()).isTrue();
        assertThat(CardDetails.check("378282246310005", "1", "30", "123", NOW).problems())
                .extracting(CardDetails.Problem::field).containsExactly("cvc");
        assertThat(CardDetails.check("4242424242424242", "1", "30", "1234", NOW).problems())
                .extracting(CardDetails.Problem::field).containsExactly("cvc");
    }

    @Test
    void nothingTypedAppearsInProblemsOrInToString() {
        var checked = CardDetails.check("4242424242424241", "1", "30", "999", NOW);
        assertThat(checked.problems().toString()).doesNotContain("4242424242424241").doesNotContain("999");
        var valid = CardDetails.check("4242424242424242", "1", "30", "999", NOW);
        assertThat(valid.details().toString()).contains("4242").doesNotContain("4242424242424242").doesNotContain("999");
    }

    @Test
    void spendingChecksTheDayThenTheMonthWithoutOverflow() {
        assertThat(SpendingCheck.check(100, 0, 0, 100, 200)).isEqualTo(SpendingCheck.Verdict.ALLOWED);
        assertThat(SpendingCheck.check(101, 0, 0, 100, 200)).isEqualTo(SpendingCheck.Verdict.OVER_DAILY);
        assertThat(SpendingCheck.check(50, 60, 60, 100, 200)).isEqualTo(SpendingCheck.Verdict.OVER_DAILY);
        assertThat(SpendingCheck.check(50, 0, 160, 100, 200)).isEqualTo(SpendingCheck.Verdict.OVER_MONTHLY);
        assertThat(SpendingCheck.check(Long.MAX_VALUE, 1, 1, 100, 200)).isEqualTo(SpendingCheck.Verdict.OVER_DAILY);
        assertThat(SpendingTier.of(true, true)).isEqualTo(SpendingTier.MINOR);
    }
}

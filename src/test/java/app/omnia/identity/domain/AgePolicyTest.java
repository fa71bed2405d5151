package app.omnia.identity.domain;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AgePolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private final AgePolicy policy = new AgePolicy(13, null, Map.of("FR", 15, "DE", 16, "ES", 14, "be", 13));

    @ParameterizedTest
    @CsvSource({"FR, 15", "fr, 15", "DE, 16", "ES, 14", "BE, 13", "US, 13", "'', 13"})
    void minimumPerCountryWithADefault(String country, int minimum) {
        assertThat(policy.minimumAge(country)).isEqualTo(minimum);
    }

    @Test
    void theBirthdayIsTheDayOneBecomesOldEnough() {
        LocalDate fifteenToday = TODAY.minusYears(15);
        assertThat(policy.oldEnough(fifteenToday, "FR", TODAY)).isTrue();
        assertThat(policy.oldEnough(fifteenToday.plusDays(1), "FR", TODAY)).isFalse();
        assertThat(policy.oldEnough(fifteenToday.plusDays(1), "US", TODAY)).isTrue();
    }

    @Test
    void aSignUpWithoutCountryFollowsTheDefaultCountryWhenOneIsSet() {
        AgePolicy french = new AgePolicy(13, "fr", Map.of("FR", 15));
        assertThat(french.minimumAge(null)).isEqualTo(15);
        assertThat(french.minimumAge("US")).isEqualTo(13);
    }
}

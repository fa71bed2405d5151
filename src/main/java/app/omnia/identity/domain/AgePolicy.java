package app.omnia.identity.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Map;

/**
 * The minimum age to open an account, per country (ISO 3166-1 alpha-2), with a default for the rest.
 * A sign-up that names no country is judged by the instance's default country when one is set.
 */
public final class AgePolicy {

    private final int defaultMinimum;
    private final String defaultCountry;
    private final Map<String, Integer> minimumByCountry;

    public AgePolicy(int defaultMinimum, String defaultCountry, Map<String, Integer> minimumByCountry) {
        this.defaultMinimum = defaultMinimum;
        this.defaultCountry = defaultCountry == null || defaultCountry.isBlank() ? null
                : defaultCountry.toUpperCase(Locale.ROOT);
        // Keys may arrive lower-cased (environment variables are): country codes are compared upper-case.
        Map<String, Integer> normalised = new java.util.HashMap<>();
        minimumByCountry.forEach((country, age) -> normalised.put(country.toUpperCase(Locale.ROOT), age));
        this.minimumByCountry = Map.copyOf(normalised);
    }

    public int minimumAge(String country) {
        String effective = country == null || country.isBlank() ? defaultCountry : country.toUpperCase(Locale.ROOT);
        return effective == null ? defaultMinimum : minimumByCountry.getOrDefault(effective, defaultMinimum);
    }

    public int defaultMinimum() {
        return defaultMinimum;
    }

    public static int ageOn(LocalDate dateOfBirth, LocalDate today) {
        return Period.between(dateOfBirth, today).getYears();
    }

    public boolean oldEnough(LocalDate dateOfBirth, String country, LocalDate today) {
        return ageOn(dateOfBirth, today) >= minimumAge(country);
    }
}

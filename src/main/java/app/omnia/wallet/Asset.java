package app.omnia.wallet;

import java.util.Currency;
import java.util.Locale;

/**
 * An ISO 4217 currency and its minor units (2 for EUR, USD, GBP, CHF; 0 for JPY; 3 for BHD). Amounts are
 * always {@code long}s of minor units; this record is what turns "12.50" into 1250 and back.
 */
public record Asset(String code, int minorUnits) {

    /** The asset for an ISO 4217 code; IllegalArgumentException for unknown codes and units-less ones (XAU). */
    public static Asset of(String code) {
        String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        if (!upper.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("Not an ISO 4217 code: " + code);
        }
        int digits = Currency.getInstance(upper).getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("Not a currency with minor units: " + code);
        }
        return new Asset(upper, digits);
    }

    /** Minor units as a plain decimal string in major units: 1250 EUR → "12.50", 500 JPY → "500". */
    public String format(long minor) {
        return java.math.BigDecimal.valueOf(minor, minorUnits).toPlainString();
    }
}

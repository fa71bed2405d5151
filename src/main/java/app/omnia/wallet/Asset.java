package app.omnia.wallet;

import java.util.Currency;
import java.util.Locale;

/**
 * An asset and its minor units: an ISO 4217 currency (2 for EUR, USD, GBP, CHF; 0 for JPY; 3 for BHD), or one
 * of the operator's own ({@code POINTS:0}, {@code USDC:6}). Amounts are always {@code long}s of minor units;
 * this record is what turns "12.50" into 1250 and back.
 */
public record Asset(String code, int minorUnits) {

    /** Most minor units an asset may have: a long of minor units still holds 10 billion of the major unit. */
    public static final int MAX_MINOR_UNITS = 8;

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

    /**
     * An entry of {@code omnia.wallet.assets}: an ISO 4217 code ({@code EUR}), or a code of 2 to 12 letters and
     * digits with its minor units ({@code POINTS:0}, {@code USDC:6}). An ISO currency keeps its standard units:
     * {@code EUR:3} is refused rather than let "1.000" mean one euro on this server and a thousandth elsewhere.
     */
    public static Asset parse(String entry) {
        String text = entry == null ? "" : entry.trim().toUpperCase(Locale.ROOT);
        int colon = text.indexOf(':');
        if (colon < 0) {
            return of(text);
        }
        String code = text.substring(0, colon).trim();
        String units = text.substring(colon + 1).trim();
        if (!code.matches("[A-Z][A-Z0-9]{1,11}") || !units.matches("[0-9]")
                || Integer.parseInt(units) > MAX_MINOR_UNITS) {
            throw new IllegalArgumentException("An asset is CODE (ISO 4217) or CODE:minor-units, with a code of 2 to "
                    + "12 letters and digits and 0 to " + MAX_MINOR_UNITS + " minor units: " + entry);
        }
        int minorUnits = Integer.parseInt(units);
        if (code.length() == 3 && isIsoCurrency(code) && of(code).minorUnits() != minorUnits) {
            throw new IllegalArgumentException(code + " is an ISO 4217 currency with " + of(code).minorUnits()
                    + " minor units: write it without units");
        }
        return new Asset(code, minorUnits);
    }

    private static boolean isIsoCurrency(String code) {
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException notIso) {
            return false;
        }
    }

    /**
     * An amount in major units as minor units, exactly: 12.5 EUR → 1250.
     *
     * @throws ArithmeticException when it has more decimals than the asset, or does not fit a {@code long}
     */
    public long minorOf(java.math.BigDecimal major) {
        return major.movePointRight(minorUnits).longValueExact();
    }

    /** Minor units as a plain decimal string in major units: 1250 EUR → "12.50", 500 JPY → "500". */
    public String format(long minor) {
        return java.math.BigDecimal.valueOf(minor, minorUnits).toPlainString();
    }
}

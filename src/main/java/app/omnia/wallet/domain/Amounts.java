package app.omnia.wallet.domain;

import java.math.BigDecimal;

import app.omnia.platform.web.ApiException;
import app.omnia.wallet.Asset;

/**
 * Amounts as people type them: a decimal in the asset's major unit ("12.50" EUR, "500" JPY), never a binary
 * float. Parsed exactly into minor units; anything that is not a plain positive decimal with at most the
 * asset's minor-unit digits is refused naming the field.
 */
public final class Amounts {

    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[+-]?\\d{1,19}(\\.\\d{1,19})?");

    private Amounts() {
    }

    public static long parse(String field, String text, Asset asset) {
        if (text == null || text.isBlank()) {
            throw ApiException.validation(field, "ERR_BLANK", field + " can't be blank");
        }
        String plain = text.trim();
        if (!PLAIN.matcher(plain).matches()) {
            throw ApiException.validation(field, "ERR_INVALID",
                    field + " must be a decimal number in " + asset.code() + ", like " + asset.format(1250));
        }
        BigDecimal value = new BigDecimal(plain);
        if (value.signum() < 0) {
            throw ApiException.validation(field, "ERR_BELOW_LIMIT", field + " must not be negative");
        }
        if (value.signum() == 0) {
            throw ApiException.validation(field, "ERR_BELOW_LIMIT", field + " must be greater than zero");
        }
        if (value.stripTrailingZeros().scale() > asset.minorUnits()) {
            throw ApiException.validation(field, "ERR_TOO_PRECISE", asset.code() + " amounts have at most "
                    + asset.minorUnits() + " decimal places");
        }
        try {
            return asset.minorOf(value);
        } catch (ArithmeticException tooLarge) {
            throw ApiException.validation(field, "ERR_TOO_LARGE", field + " is too large");
        }
    }

    /** A note: optional, stripped, at most {@code max} characters (code points). */
    public static String note(String text, int max) {
        String note = text == null ? "" : text.strip();
        if (note.codePointCount(0, note.length()) > max) {
            throw ApiException.validation("note", "ERR_TOO_LONG", "note is longer than " + max + " characters");
        }
        return note;
    }
}

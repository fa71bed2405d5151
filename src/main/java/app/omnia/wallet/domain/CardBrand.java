package app.omnia.wallet.domain;

import java.util.Locale;

/** Card brands recognised from the number's leading digits (the issuer identification number). */
public enum CardBrand {
    VISA, MASTERCARD, AMEX, DISCOVER, UNKNOWN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The brand of a number made of digits only; UNKNOWN when no supported range matches. */
    public static CardBrand of(String digits) {
        if (digits.startsWith("4")) {
            return VISA;
        }
        int two = digits.length() >= 2 ? Integer.parseInt(digits.substring(0, 2)) : -1;
        int four = digits.length() >= 4 ? Integer.parseInt(digits.substring(0, 4)) : -1;
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        if (two == 34 || two == 37) {
            return AMEX;
        }
        if (four == 6011 || two == 65) {
            return DISCOVER;
        }
        return UNKNOWN;
    }

    /** Security codes are four digits on American Express cards, three elsewhere. */
    public int securityCodeLength() {
        return this == AMEX ? 4 : 3;
    }
}

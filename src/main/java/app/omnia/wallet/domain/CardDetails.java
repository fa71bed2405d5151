package app.omnia.wallet.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A debit card as typed by its holder, checked before anything leaves the server: the number's Luhn check
 * digit and brand, an expiry month not yet past, and a security code of the brand's length. The number and
 * code are held only for the time of the request; {@link #toString()} never shows them, so that an
 * accidental log line or error message cannot leak them.
 */
public final class CardDetails {

    private final String number;
    private final String securityCode;
    private final CardBrand brand;
    private final YearMonth expiry;

    private CardDetails(String number, String securityCode, CardBrand brand, YearMonth expiry) {
        this.number = number;
        this.securityCode = securityCode;
        this.brand = brand;
        this.expiry = expiry;
    }

    /** A problem with one field; the message never repeats what was typed. */
    public record Problem(String field, String code, String message) {}

    /** Either valid details or the list of problems, one per field. */
    public record Checked(CardDetails details, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public static Checked check(String rawNumber, String rawMonth, String rawYear, String rawCode, YearMonth now) {
        List<Problem> problems = new ArrayList<>();
        String number = rawNumber == null ? "" : rawNumber.replace(" ", "").replace("-", "");
        CardBrand brand = CardBrand.UNKNOWN;
        if (number.isEmpty()) {
            problems.add(new Problem("number", "ERR_BLANK", "number can't be blank"));
        } else if (!number.chars().allMatch(Character::isDigit) || number.length() < 12 || number.length() > 19) {
            problems.add(new Problem("number", "ERR_INVALID", "number must be 12 to 19 digits"));
        } else if (!Luhn.valid(number)) {
            problems.add(new Problem("number", "ERR_INVALID", "number is not a valid card number"));
        } else {
            brand = CardBrand.of(number);
            if (brand == CardBrand.UNKNOWN) {
                problems.add(new Problem("number", "ERR_UNSUPPORTED", "This card brand is not supported"));
            }
        }
        YearMonth expiry = expiry(rawMonth, rawYear, now, problems);
        String code = rawCode == null ? "" : rawCode.trim();
        int codeLength = brand == CardBrand.UNKNOWN ? -1 : brand.securityCodeLength();
        if (code.isEmpty()) {
            problems.add(new Problem("cvc", "ERR_BLANK", "cvc can't be blank"));
        } else if (!code.chars().allMatch(Character::isDigit)
                || (codeLength > 0 ? code.length() != codeLength : code.length() < 3 || code.length() > 4)) {
            problems.add(new Problem("cvc", "ERR_INVALID",
                    codeLength > 0 ? "cvc must be " + codeLength + " digits" : "cvc must be 3 or 4 digits"));
        }
        return new Checked(problems.isEmpty() ? new CardDetails(number, code, brand, expiry) : null,
                List.copyOf(problems));
    }

    private static YearMonth expiry(String rawMonth, String rawYear, YearMonth now, List<Problem> problems) {
        Integer month = small(rawMonth);
        Integer year = small(rawYear);
        if (month == null || month < 1 || month > 12) {
            problems.add(new Problem("exp_month", "ERR_INVALID", "exp_month must be a month from 1 to 12"));
            return null;
        }
        if (year == null || year < 0 || (year >= 100 && year < 2000) || year > 2200) {
            problems.add(new Problem("exp_year", "ERR_INVALID", "exp_year must be a year like 2031"));
            return null;
        }
        YearMonth expiry = YearMonth.of(year < 100 ? 2000 + year : year, month);
        if (expiry.isBefore(now)) {
            problems.add(new Problem("exp_year", "ERR_EXPIRED", "The card has expired"));
            return null;
        }
        if (expiry.isAfter(now.plusYears(20))) {
            problems.add(new Problem("exp_year", "ERR_INVALID", "exp_year is too far in the future"));
            return null;
        }
        return expiry;
    }

    private static Integer small(String text) {
        if (text == null || text.isBlank() || text.trim().length() > 4) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String number() {
        return number;
    }

    public String securityCode() {
        return securityCode;
    }

    public CardBrand brand() {
        return brand;
    }

    public YearMonth expiry() {
        return expiry;
    }

    public String lastFour() {
        return number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
        return "CardDetails[" + brand.key() + " ending " + lastFour() + ", expires " + expiry + "]";
    }
}

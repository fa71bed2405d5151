package app.omnia.messaging.domain;

import java.util.Optional;

/**
 * What a reaction may be: one emoji as Unicode text (a single code point, or a sequence joined with ZWJ,
 * skin tones and variation selectors, up to {@link #MAX_CODE_POINTS}); no letters, digits, spaces or
 * controls, so a reaction cannot carry a message of its own.
 */
public final class Emoji {

    public static final int MAX_CODE_POINTS = 10;
    /** The column's size, in UTF-16 units. */
    public static final int MAX_LENGTH = 32;

    private Emoji() {
    }

    public static Optional<MessageContent.Fault> check(String emoji) {
        if (emoji == null || emoji.isEmpty()) {
            return Optional.of(new MessageContent.Fault("emoji", "ERR_BLANK", "emoji can't be blank"));
        }
        if (emoji.length() > MAX_LENGTH || emoji.codePointCount(0, emoji.length()) > MAX_CODE_POINTS
                || !emoji.codePoints().allMatch(Emoji::allowed)) {
            return Optional.of(new MessageContent.Fault("emoji", "ERR_INVALID", "emoji must be one emoji"));
        }
        return Optional.empty();
    }

    private static boolean allowed(int cp) {
        if (cp == 0x200D || cp == 0xFE0F || cp == 0x20E3) {
            return true; // ZWJ, emoji presentation, keycap
        }
        if (cp < 0x80 || Character.isLetterOrDigit(cp) || Character.isWhitespace(cp) || Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL
                || type == Character.NON_SPACING_MARK || type == Character.MODIFIER_SYMBOL
                || type == Character.ENCLOSING_MARK || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0xE0020 && cp <= 0xE007F);
    }
}

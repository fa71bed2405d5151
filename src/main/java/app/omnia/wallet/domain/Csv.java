package app.omnia.wallet.domain;

import java.util.List;

/**
 * RFC 4180 CSV for statements, safe to open in a spreadsheet: a text cell starting with {@code = + - @} (or a
 * tab or carriage return) gets a leading quote mark so that it is shown as text and never run as a formula
 * (OWASP's CSV-injection advice); cells with commas, quotes or line breaks are quoted, quotes doubled.
 * Numbers the statement writes itself (signed amounts) are {@link Num}s and stay numbers.
 */
public final class Csv {

    private Csv() {
    }

    /** A number formatted by the server, e.g. "-12.50". */
    public record Num(String formatted) {

        public Num {
            if (!formatted.matches("-?\\d+(\\.\\d+)?")) {
                throw new IllegalArgumentException("Not a number: " + formatted);
            }
        }
    }

    /** One line, CRLF-terminated; each cell is a {@link Num} or text (anything else, via toString; null is empty). */
    public static String row(List<?> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object cell = cells.get(i);
            line.append(cell instanceof Num n ? n.formatted() : text(cell == null ? "" : cell.toString()));
        }
        return line.append("\r\n").toString();
    }

    /** A text cell, neutralised and quoted as needed. */
    public static String text(String value) {
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}

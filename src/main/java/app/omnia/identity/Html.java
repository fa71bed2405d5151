package app.omnia.identity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/** Renders people's plain text as the small HTML Mastodon sends: always escaped first. */
final class Html {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"']+");

    private Html() {
    }

    static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text);
    }

    /** Paragraphs on blank lines, line breaks within them, links made clickable. Empty text stays empty. */
    static String paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>").append(linkify(paragraph).replace("\n", "<br />")).append("</p>");
        }
        return html.toString();
    }

    /** Escapes, then turns http(s) URLs into links that open safely. */
    static String linkify(String text) {
        String escaped = escape(text);
        Matcher m = URL.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String url = m.group();
            m.appendReplacement(out, Matcher.quoteReplacement("<a href=\"" + url
                    + "\" target=\"_blank\" rel=\"nofollow noopener noreferrer me\">" + url + "</a>"));
        }
        m.appendTail(out);
        return out.toString();
    }
}

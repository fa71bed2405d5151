package app.omnia.social.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the plain text of a local status into the HTML Mastodon clients expect: escaped text in paragraphs,
 * links for URLs, mentions of local accounts and hashtags. The user's text never reaches the output unescaped.
 */
public final class ContentRenderer {

    /** What a status's plain text becomes: Mastodon-style HTML plus what it mentions and tags. */
    public record Rendered(String html, List<String> mentionedUsernames, List<String> tags) {
        public Rendered {
            mentionedUsernames = List.copyOf(mentionedUsernames);
            tags = List.copyOf(tags);
        }
    }

    /** Resolves a local username (case-insensitive) to the canonical username and profile URL, or empty if no such account. */
    public interface Mentions {
        Optional<Mention> resolve(String username);
    }

    public record Mention(String username, String profileUrl) {}

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\n{2,}");
    private static final Pattern URL = Pattern.compile("(?i)https?://\\S+");
    private static final Pattern MENTION =
            Pattern.compile("@([A-Za-z0-9_]+)(?:@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*(?::[0-9]+)?))?");
    private static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{M}\\p{N}_]+)");
    private static final String TRAILING_PUNCTUATION = ".,!?;:'\"";
    private static final int VISIBLE_URL_LENGTH = 30;

    private final String baseUrl;
    private final String localDomain;

    public ContentRenderer(String baseUrl, String localDomain) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl");
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.localDomain = Objects.requireNonNull(localDomain, "localDomain");
    }

    public Rendered render(String text, Mentions mentions) {
        Objects.requireNonNull(mentions, "mentions");
        if (text == null || text.isEmpty()) {
            return new Rendered("", List.of(), List.of());
        }
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        Set<String> mentioned = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        StringBuilder html = new StringBuilder(normalized.length() * 2);
        for (String paragraph : PARAGRAPH_BREAK.split(normalized)) {
            String content = stripNewlines(paragraph);
            if (!content.isEmpty()) {
                html.append("<p>");
                renderInline(content, mentions, mentioned, tags, html);
                html.append("</p>");
            }
        }
        return new Rendered(html.toString(), List.copyOf(mentioned), List.copyOf(tags));
    }

    private void renderInline(String text, Mentions mentions, Set<String> mentioned, Set<String> tags, StringBuilder out) {
        Matcher url = URL.matcher(text);
        Matcher mention = MENTION.matcher(text);
        Matcher hashtag = HASHTAG.matcher(text);
        int plainFrom = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int end = -1;
            String link = null;
            if ((c == 'h' || c == 'H') && !isWordChar(text, i - 1) && url.region(i, text.length()).lookingAt()) {
                String candidate = url.group();
                int length = urlLength(candidate);
                if (length > candidate.indexOf("//") + 2) {
                    end = i + length;
                    link = urlLink(candidate.substring(0, length));
                }
            } else if (c == '@' && !isWordChar(text, i - 1) && !precededBy(text, i, '@', '/')
                    && mention.region(i, text.length()).lookingAt()) {
                end = mention.end();
                String domain = mention.group(2);
                if (domain == null || domain.equalsIgnoreCase(localDomain)) {
                    Optional<Mention> found = mentions.resolve(mention.group(1));
                    if (found.isPresent()) {
                        mentioned.add(found.get().username());
                        link = mentionLink(found.get());
                    }
                }
            } else if (c == '#' && !isWordChar(text, i - 1) && !precededBy(text, i, '&')
                    && hashtag.region(i, text.length()).lookingAt() && !hashtag.group(1).chars().allMatch(Character::isDigit)) {
                end = hashtag.end();
                String name = hashtag.group(1);
                tags.add(name.toLowerCase(Locale.ROOT));
                link = hashtagLink(name);
            }
            if (link != null) {
                appendPlain(text, plainFrom, i, out);
                out.append(link);
                plainFrom = end;
            }
            i = end > i ? end : i + 1;
        }
        appendPlain(text, plainFrom, text.length(), out);
    }

    /** The length of a URL candidate once trailing punctuation and unbalanced closing parentheses are dropped. */
    private static int urlLength(String candidate) {
        int end = candidate.length();
        while (end > 0) {
            char last = candidate.charAt(end - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                end--;
            } else if (last == ')' && count(candidate, end, '(') < count(candidate, end, ')')) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }

    private static String urlLink(String url) {
        int schemeEnd = url.indexOf("//") + 2;
        String scheme = url.substring(0, schemeEnd);
        String rest = url.substring(schemeEnd);
        StringBuilder link = new StringBuilder()
                .append("<a href=\"").append(escape(url))
                .append("\" target=\"_blank\" rel=\"nofollow noopener noreferrer\" translate=\"no\">")
                .append("<span class=\"invisible\">").append(escape(scheme)).append("</span>");
        if (rest.codePointCount(0, rest.length()) > VISIBLE_URL_LENGTH) {
            int cut = rest.offsetByCodePoints(0, VISIBLE_URL_LENGTH);
            link.append("<span class=\"ellipsis\">").append(escape(rest.substring(0, cut))).append("</span>")
                    .append("<span class=\"invisible\">").append(escape(rest.substring(cut))).append("</span>");
        } else {
            link.append("<span class=\"\">").append(escape(rest)).append("</span><span class=\"invisible\"></span>");
        }
        return link.append("</a>").toString();
    }

    private String hashtagLink(String name) {
        return "<a href=\"" + escape(baseUrl + "/tags/" + name.toLowerCase(Locale.ROOT))
                + "\" class=\"mention hashtag\" rel=\"tag\">#<span>" + escape(name) + "</span></a>";
    }

    private static String mentionLink(Mention mention) {
        return "<span class=\"h-card\" translate=\"no\"><a href=\"" + escape(mention.profileUrl())
                + "\" class=\"u-url mention\">@<span>" + escape(mention.username()) + "</span></a></span>";
    }

    private static void appendPlain(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("<br />");
            } else {
                appendEscaped(c, out);
            }
        }
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            appendEscaped(text.charAt(i), out);
        }
        return out.toString();
    }

    private static void appendEscaped(char c, StringBuilder out) {
        switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            default -> out.append(c);
        }
    }

    private static String stripNewlines(String paragraph) {
        int from = 0;
        int to = paragraph.length();
        while (from < to && paragraph.charAt(from) == '\n') {
            from++;
        }
        while (to > from && paragraph.charAt(to - 1) == '\n') {
            to--;
        }
        return paragraph.substring(from, to);
    }

    private static boolean isWordChar(String text, int index) {
        if (index < 0) {
            return false;
        }
        int c = text.codePointBefore(index + 1);
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static boolean precededBy(String text, int index, char... characters) {
        if (index == 0) {
            return false;
        }
        char previous = text.charAt(index - 1);
        for (char c : characters) {
            if (previous == c) {
                return true;
            }
        }
        return false;
    }

    private static int count(String text, int end, char c) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}

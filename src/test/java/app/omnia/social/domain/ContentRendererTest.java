package app.omnia.social.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.omnia.social.domain.ContentRenderer.Mention;
import app.omnia.social.domain.ContentRenderer.Mentions;
import app.omnia.social.domain.ContentRenderer.Rendered;

class ContentRendererTest {

    private static final String ALICE_URL = "https://omnia.example/@Alice";
    private static final Map<String, Mention> ACCOUNTS = Map.of(
            "alice", new Mention("Alice", ALICE_URL),
            "bob_2", new Mention("bob_2", "https://omnia.example/@bob_2"));
    private static final Mentions LOCAL = name -> Optional.ofNullable(ACCOUNTS.get(name.toLowerCase(Locale.ROOT)));

    private final ContentRenderer renderer = new ContentRenderer("https://omnia.example/", "omnia.example");

    private Rendered render(String text) {
        return renderer.render(text, LOCAL);
    }

    private String html(String text) {
        return render(text).html();
    }

    private static String link(String scheme, String visible) {
        return "<a href=\"" + scheme + visible + "\" target=\"_blank\" rel=\"nofollow noopener noreferrer\" translate=\"no\">"
                + "<span class=\"invisible\">" + scheme + "</span><span class=\"\">" + visible
                + "</span><span class=\"invisible\"></span></a>";
    }

    private static String aliceMention() {
        return "<span class=\"h-card\" translate=\"no\"><a href=\"" + ALICE_URL
                + "\" class=\"u-url mention\">@<span>Alice</span></a></span>";
    }

    private static String tag(String lower, String shown) {
        return "<a href=\"https://omnia.example/tags/" + lower + "\" class=\"mention hashtag\" rel=\"tag\">#<span>"
                + shown + "</span></a>";
    }

    @Test
    void userHtmlIsAlwaysEscaped() {
        assertThat(html("<script>alert('x & \"y\"')</script>"))
                .isEqualTo("<p>&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;</p>");
        assertThat(html("Tom & Jerry")).isEqualTo("<p>Tom &amp; Jerry</p>");
    }

    @Test
    void blankLinesMakeParagraphsAndSingleNewlinesBreaks() {
        assertThat(html("")).isEmpty();
        assertThat(html("one\ntwo\n\nthree")).isEqualTo("<p>one<br />two</p><p>three</p>");
        assertThat(html("one\r\ntwo\r\n\r\n\r\nthree\r\n")).isEqualTo("<p>one<br />two</p><p>three</p>");
        assertThat(html("\n\nhello\n\n")).isEqualTo("<p>hello</p>");
    }

    @Test
    void urlsBecomeLinksWithTheSchemeHidden() {
        assertThat(html("see https://example.org/path now"))
                .isEqualTo("<p>see " + link("https://", "example.org/path") + " now</p>");
        assertThat(html("http://example.org")).isEqualTo("<p>" + link("http://", "example.org") + "</p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ",", ")", "!", "?", ";", ":", "!?", "\"", "'"})
    void trailingPunctuationIsNotPartOfTheUrl(String punctuation) {
        String escaped = ContentRenderer.escape(punctuation);
        assertThat(html("https://example.org/a" + punctuation))
                .isEqualTo("<p>" + link("https://", "example.org/a") + escaped + "</p>");
    }

    @Test
    void balancedParenthesesStayInTheUrl() {
        assertThat(html("(see https://example.org/Foo_(bar))"))
                .isEqualTo("<p>(see " + link("https://", "example.org/Foo_(bar)") + ")</p>");
        assertThat(html("(https://example.org/x)")).isEqualTo("<p>(" + link("https://", "example.org/x") + ")</p>");
    }

    @Test
    void longUrlsShowThirtyCharactersAndAnEllipsis() {
        String rest = "example.org/a/very/long/path/that/goes/on";
        assertThat(html("https://" + rest)).isEqualTo("<p><a href=\"https://" + rest
                + "\" target=\"_blank\" rel=\"nofollow noopener noreferrer\" translate=\"no\">"
                + "<span class=\"invisible\">https://</span><span class=\"ellipsis\">" + rest.substring(0, 30)
                + "</span><span class=\"invisible\">" + rest.substring(30) + "</span></a></p>");
    }

    @Test
    void hrefsAreAttributeEscaped() {
        assertThat(html("https://example.org/?a=1&b=\"2\"<x>"))
                .contains("href=\"https://example.org/?a=1&amp;b=&quot;2&quot;&lt;x&gt;\"")
                .doesNotContain("\"2\"");
    }

    @Test
    void onlyHttpAndHttpsAreLinked() {
        assertThat(html("javascript:alert(1)")).isEqualTo("<p>javascript:alert(1)</p>");
        assertThat(html("ftp://example.org data:text/html,x")).isEqualTo("<p>ftp://example.org data:text/html,x</p>");
        assertThat(html("https:// and https://.")).isEqualTo("<p>https:// and https://.</p>");
    }

    @Test
    void knownLocalAccountsAreMentionedByTheirCanonicalName() {
        Rendered rendered = render("hi @alice and @ALICE@omnia.example, also @Bob_2!");
        assertThat(rendered.html()).isEqualTo("<p>hi " + aliceMention() + " and " + aliceMention() + ", also "
                + "<span class=\"h-card\" translate=\"no\"><a href=\"https://omnia.example/@bob_2\" class=\"u-url mention\">"
                + "@<span>bob_2</span></a></span>!</p>");
        assertThat(rendered.mentionedUsernames()).containsExactly("Alice", "bob_2");
    }

    @Test
    void unknownUsersOtherDomainsAndEmailAddressesStayText() {
        Rendered rendered = render("@nobody @alice@elsewhere.org alice@omnia.example bob_2@example.org @@alice x/@alice");
        assertThat(rendered.html()).isEqualTo(
                "<p>@nobody @alice@elsewhere.org alice@omnia.example bob_2@example.org @@alice x/@alice</p>");
        assertThat(rendered.mentionedUsernames()).isEmpty();
    }

    @Test
    void hashtagsLinkToTheirLowerCasedPage() {
        Rendered rendered = render("#Java and #café, again #JAVA #123 #2024s");
        assertThat(rendered.html()).isEqualTo("<p>" + tag("java", "Java") + " and " + tag("café", "café") + ", again "
                + tag("java", "JAVA") + " #123 " + tag("2024s", "2024s") + "</p>");
        assertThat(rendered.tags()).containsExactly("java", "café", "2024s");
    }

    @Test
    void hashtagsNeedAWordBoundaryAndAreNotEntities() {
        Rendered rendered = render("C#sharp &#39; x#y");
        assertThat(rendered.html()).isEqualTo("<p>C#sharp &amp;#39; x#y</p>");
        assertThat(rendered.tags()).isEmpty();
    }

    @Test
    void anchorsAndAtSignsInsideUrlsStayPartOfTheLink() {
        Rendered rendered = render("https://x.org/#alice and https://x.org/@alice");
        assertThat(rendered.html()).isEqualTo(
                "<p>" + link("https://", "x.org/#alice") + " and " + link("https://", "x.org/@alice") + "</p>");
        assertThat(rendered.tags()).isEmpty();
        assertThat(rendered.mentionedUsernames()).isEmpty();
    }

    @Test
    void textWithoutEntitiesIsOneEscapedParagraph() {
        qt().forAll(strings().allPossible().ofLengthBetween(1, 60))
                .assuming(s -> !s.contains("@") && !s.contains("#") && !s.toLowerCase(Locale.ROOT).contains("http")
                        && s.indexOf('\n') < 0 && s.indexOf('\r') < 0)
                .check(s -> html(s).equals("<p>" + ContentRenderer.escape(s) + "</p>"));
    }

    @Test
    void noUserMarkupSurvivesAnyMixOfEntities() {
        List<String> pieces = List.of("<", ">", "&", "\"", "'", "@", "#", "alice", "Bob_2", "café", "1", "https://",
                "http://", "x.org", "/", "(", ")", ".", " ", "\n", "\r\n", "<b>", "<script>", "@omnia.example", "javascript:");
        String emitted = "<p>|</p>|<br />|<span( class=\"[a-z-]*\")?( translate=\"no\")?>|</span>|</a>"
                + "|<a href=\"[^\"<>]*\"( target=\"_blank\" rel=\"nofollow noopener noreferrer\" translate=\"no\")?"
                + "( class=\"(u-url mention|mention hashtag)\")?( rel=\"tag\")?>";
        qt().forAll(lists().of(arbitrary().pick(pieces)).ofSizeBetween(0, 25))
                .check(parts -> {
                    String html = html(String.join("", parts));
                    String rest = html.replaceAll(emitted, "");
                    return rest.indexOf('<') < 0 && rest.indexOf('>') < 0 && rest.indexOf('"') < 0;
                });
    }
}

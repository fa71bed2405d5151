package app.omnia.support;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the server's HTML pages (sign-in, consent) the way a browser submits their forms. */
public final class WebPages {

    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"/?>");
    private static final Pattern CODE = Pattern.compile("id=\"code\"[^>]*value=\"([^\"]+)\"");

    private WebPages() {
    }

    /** The hidden fields of a page's forms, CSRF token included, as a browser would send them back. */
    public static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&").replace("&quot;", "\""));
        }
        return fields;
    }

    /** Signs in on {@code /auth/sign_in} (the browser keeps the session cookie); returns the answer. */
    public static Api.Response signIn(Api browser, String login, String password, String returnTo) {
        Api.Response page = browser.get("/auth/sign_in" + (returnTo == null ? "" : "?return_to=" + returnTo));
        Map<String, String> form = hiddenFields(page.body());
        form.put("login", login);
        form.put("password", password);
        return browser.postForm("/auth/sign_in", form);
    }

    /** Authorization page → sign-in → consent → approve; returns the code (out-of-band redirect). */
    public static String authorizationCode(Api browser, TestAccounts.App app, String login, String password,
                                           String scopes, String challenge) {
        String query = UriComponentsBuilder.newInstance().queryParam("response_type", "code")
                .queryParam("client_id", app.clientId()).queryParam("redirect_uri", TestAccounts.OOB)
                .queryParam("scope", scopes).queryParam("code_challenge", challenge)
                .queryParam("code_challenge_method", "S256").encode().build().getQuery();
        Api.Response first = browser.get("/oauth/authorize?" + query);
        assertThat(first.status()).as(first.toString()).isEqualTo(302);
        String returnTo = UriComponentsBuilder.fromUriString(first.header("Location")).build().getQueryParams()
                .getFirst("return_to");
        Api.Response signedIn = signIn(browser, login, password, returnTo);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(302);
        Api.Response consent = browser.get(path(signedIn.header("Location")));
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        Map<String, String> form = hiddenFields(consent.body());
        form.put("decision", "approve");
        Api.Response approved = browser.postForm("/oauth/authorize", form);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(302);
        Api.Response codePage = browser.get(path(approved.header("Location")));
        Matcher m = CODE.matcher(codePage.body());
        assertThat(m.find()).as(codePage.body()).isTrue();
        return m.group(1);
    }

    /** A Location header (absolute or not) as a path with its query, still percent-encoded. */
    public static String path(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}

package app.omnia.webclient.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the web pages: the {@code omnia_lang} cookie when the person chose one (the app's switch
 * writes it, and so does {@code ?lang=} on the server-rendered pages), otherwise the best match for the
 * browser's {@code Accept-Language}, otherwise English. Only languages with a message bundle are ever
 * answered, so a page never mixes two languages.
 */
final class WebLocales implements LocaleResolver {

    static final String COOKIE = "omnia_lang";
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    /** The choice made during this request (by {@code ?lang=}), which its own cookie cannot show yet. */
    private static final String CHOSEN = WebLocales.class.getName() + ".chosen";

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
            return chosen;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (COOKIE.equals(cookie.getName())) {
                    Locale chosen = supported(cookie.getValue());
                    if (chosen != null) {
                        return chosen;
                    }
                }
            }
        }
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) != null) {
            for (Locale wanted : Collections.list(request.getLocales())) {
                Locale match = supported(wanted.getLanguage());
                if (match != null) {
                    return match;
                }
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Locale chosen = locale == null ? null : supported(locale.getLanguage());
        if (chosen == null || response == null) {
            return;
        }
        request.setAttribute(CHOSEN, chosen);
        // Readable by the app (it is a preference, not a secret), so that its switch and the pages agree.
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, chosen.getLanguage())
                .path("/").sameSite("Lax").maxAge(Duration.ofDays(365)).secure(request.isSecure()).build().toString());
    }

    static Locale supported(String language) {
        if (language == null) {
            return null;
        }
        for (Locale locale : SUPPORTED) {
            if (locale.getLanguage().equalsIgnoreCase(language.trim())) {
                return locale;
            }
        }
        return null;
    }
}

package app.omnia.webclient.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.web.ApiException;

/**
 * The app's strings in one language, from the same bundles the server-rendered pages use
 * ({@code i18n/messages*.properties}), so that every string has exactly one home per language.
 */
@RestController
class AppMessagesController {

    static final String BUNDLE = "i18n/messages";
    private static final String APP_PREFIX = "app.";

    private final Map<String, Map<String, String>> cache = new ConcurrentHashMap<>();

    @GetMapping("/app/i18n/{lang}")
    ResponseEntity<Map<String, String>> messages(@PathVariable String lang) {
        Locale locale = WebLocales.supported(lang);
        if (locale == null) {
            throw ApiException.notFound();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(cache.computeIfAbsent(locale.getLanguage(), l -> load(locale)));
    }

    static Map<String, String> load(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> messages = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith(APP_PREFIX)) {
                messages.put(key, bundle.getString(key));
            }
        }
        return messages;
    }
}

package app.omnia.platform.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The texts of problem details in the caller's language, as Mastodon answers errors in the language of the
 * request. Problems are written in English where they are raised; a catalogue per language
 * ({@code i18n/problems_<lang>.tsv}: an English text, a tab, its translation) translates them on the way
 * out, the English text being the key, as gettext does. {@code {0}}, {@code {1}}... in an English text
 * stand for the parts that vary (a number, a name) and are carried over into the translation. A text the
 * catalogue lacks stays in English: a missing translation never hides an error.
 * <p>
 * The language is the request's, as resolved for the web pages (the app's language switch, then
 * {@code Accept-Language}); a problem written before Spring MVC has resolved it is in English.
 */
@Component
public class ProblemTexts {

    static final List<String> LANGUAGES = List.of("fr");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    private final Map<String, Catalogue> catalogues = new HashMap<>();

    public ProblemTexts() {
        for (String language : LANGUAGES) {
            catalogues.put(language, Catalogue.load("i18n/problems_" + language + ".tsv"));
        }
    }

    /** The text in the current request's language, or as given. */
    public String translate(String english) {
        if (english == null || LocaleContextHolder.getLocaleContext() == null) {
            return english;
        }
        return translate(english, LocaleContextHolder.getLocale());
    }

    public String translate(String english, Locale locale) {
        Catalogue catalogue = english == null || locale == null ? null : catalogues.get(locale.getLanguage());
        return catalogue == null ? english : catalogue.translate(english);
    }

    /** One language's translations: exact texts, then texts with placeholders in the file's order. */
    record Catalogue(Map<String, String> exact, List<Template> templates) {

        String translate(String english) {
            String found = exact.get(english);
            if (found != null) {
                return found;
            }
            for (Template template : templates) {
                Matcher matcher = template.english().matcher(english);
                if (matcher.matches()) {
                    return template.fill(matcher);
                }
            }
            return english;
        }

        static Catalogue load(String resource) {
            Map<String, String> exact = new HashMap<>();
            List<Template> templates = new ArrayList<>();
            InputStream in = ProblemTexts.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalStateException("Missing problem catalogue " + resource);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    int tab = line.indexOf('\t');
                    if (tab <= 0 || tab == line.length() - 1) {
                        throw new IllegalStateException(resource + ":" + number + ": expected English<TAB>translation");
                    }
                    String english = line.substring(0, tab);
                    String translated = line.substring(tab + 1);
                    if (PLACEHOLDER.matcher(english).find()) {
                        templates.add(Template.of(english, translated));
                    } else {
                        exact.put(english, translated);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Catalogue(exact, templates);
        }
    }

    /** An English text with placeholders, as a pattern whose groups are the placeholders in their order. */
    record Template(Pattern english, List<Integer> order, String translated) {

        static Template of(String english, String translated) {
            StringBuilder regex = new StringBuilder("^");
            List<Integer> order = new ArrayList<>();
            Matcher placeholder = PLACEHOLDER.matcher(english);
            int last = 0;
            while (placeholder.find()) {
                regex.append(Pattern.quote(english.substring(last, placeholder.start()))).append("(.+?)");
                order.add(Integer.parseInt(placeholder.group(1)));
                last = placeholder.end();
            }
            regex.append(Pattern.quote(english.substring(last))).append('$');
            return new Template(Pattern.compile(regex.toString(), Pattern.DOTALL), order, translated);
        }

        String fill(Matcher matcher) {
            String result = translated;
            for (int group = 0; group < order.size(); group++) {
                result = result.replace("{" + order.get(group) + "}", matcher.group(group + 1));
            }
            return result;
        }
    }
}

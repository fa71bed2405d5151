package app.omnia.webclient;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every string the web client and the server pages show exists in English and in French. */
class WebClientMessagesTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources");
    private static final Pattern JS_KEY = Pattern.compile("\\b(tn?)\\('(app\\.[a-z0-9_.]+)'");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z0-9_.]+)");

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        assertThat(bundle("messages_fr.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyTheAppUsesExists() throws IOException {
        Set<String> known = bundle("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("static/app"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                Matcher m = JS_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    if (m.group(1).equals("tn")) {
                        used.add(m.group(2) + ".one");
                        used.add(m.group(2) + ".other");
                    } else {
                        used.add(m.group(2));
                    }
                }
            }
        }
        // Keys built from API values: every value the API may send.
        for (String v : List.of("public", "unlisted", "private", "direct")) {
            used.add("app.visibility." + v);
        }
        for (String v : List.of("identity", "organisation", "government")) {
            used.add("app.verified." + v);
        }
        for (String v : List.of("mention", "status", "reblog", "follow", "follow_request", "favourite", "poll", "update", "quote")) {
            used.add("app.notification." + v);
        }
        for (String v : List.of("everyone", "following", "mentioned")) {
            used.add("app.reply_policy.choice." + v);
        }
        for (String v : List.of("active", "request", "archived")) {
            used.add("app.chat.tab." + v);
        }
        for (String v : List.of("owner", "admin", "member")) {
            used.add("app.chat.role." + v);
        }
        used.addAll(List.of("app.chat.list.empty", "app.chat.requests.empty", "app.chat.archived.empty"));
        for (String v : List.of("profile", "password", "security", "privacy", "filters", "appearance")) {
            used.add("app.settings." + v);
        }
        for (String v : List.of("home", "notifications", "public", "thread", "account")) {
            used.add("app.settings.filters.context_" + v);
        }
        for (String v : List.of("warn", "hide")) {
            used.add("app.settings.filters.action_" + v);
            used.add("app.settings.filters.action_" + v + "_hint");
        }
        for (String v : List.of("never", "30m", "1h", "6h", "12h", "1d", "1w")) {
            used.add("app.settings.filters.expires_" + v);
        }
        for (String v : List.of("everyone", "followed", "nobody")) {
            used.add("app.settings.chat_allow_" + v);
        }
        assertThat(used).hasSizeGreaterThan(150);
        assertThat(known).containsAll(used);
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Set<String> known = bundle("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).contains("auth.sign_up.title", "oauth.authorize.question");
        assertThat(known).containsAll(used);
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve("i18n").resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}

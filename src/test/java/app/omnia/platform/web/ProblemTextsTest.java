package app.omnia.platform.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The problem catalogues: exact texts, texts with varying parts, and English kept for what is not listed. */
class ProblemTextsTest {

    private final ProblemTexts texts = new ProblemTexts();

    @Test
    void exactTextsAreTranslatedAndOthersKeptInEnglish() {
        assertThat(texts.translate("Record not found", Locale.FRENCH)).isEqualTo("Élément introuvable");
        assertThat(texts.translate("Record not found", Locale.ENGLISH)).isEqualTo("Record not found");
        assertThat(texts.translate("A sentence nobody wrote down", Locale.FRENCH))
                .isEqualTo("A sentence nobody wrote down");
        assertThat(texts.translate("Record not found", Locale.GERMAN)).isEqualTo("Record not found");
    }

    @Test
    void varyingPartsAreCarriedIntoTheTranslationInTheirOrder() {
        ProblemTexts.Template swapped = ProblemTexts.Template.of("From {0} to {1}", "Vers {1} depuis {0}");
        Matcher matcher = swapped.english().matcher("From Paris to Lyon");

        assertThat(matcher.matches()).isTrue();
        assertThat(swapped.fill(matcher)).isEqualTo("Vers Lyon depuis Paris");
        assertThat(texts.translate("Validation failed: a, b", Locale.FRENCH)).isEqualTo("Échec de la validation : a, b");
    }

    @Test
    void everyTranslationKeepsTheVaryingPartsOfItsEnglishText() throws Exception {
        Pattern placeholder = Pattern.compile("\\{\\d}");
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(
                getClass().getClassLoader().getResourceAsStream("i18n/problems_fr.tsv"),
                java.nio.charset.StandardCharsets.UTF_8)).lines()) {
            lines.filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
                String[] parts = line.split("\t", -1);
                assertThat(parts).as(line).hasSize(2);
                assertThat(parts[1]).as(line).isNotBlank();
                assertThat(placeholders(placeholder, parts[1])).as(line).isEqualTo(placeholders(placeholder, parts[0]));
            });
        }
    }

    private static java.util.Set<String> placeholders(Pattern placeholder, String text) {
        return placeholder.matcher(text).results().map(java.util.regex.MatchResult::group).collect(Collectors.toSet());
    }
}

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
    void templatesMeetTheMessagesTheServerBuilds() {
        assertThat(fr("date_of_birth is below the minimum age of 15 for FR"))
                .isEqualTo("Vous n'avez pas l'âge minimum requis : 15 ans pour le pays FR");
        assertThat(fr("date_of_birth is below the minimum age of 13"))
                .isEqualTo("Vous n'avez pas l'âge minimum requis : 13 ans");
        assertThat(fr("This payment would pass the monthly limit of 2000.00 EUR (already sent: 1990.00)"))
                .isEqualTo("Ce paiement dépasserait votre plafond mensuel de 2000.00 EUR (déjà envoyé : 1990.00)");
        assertThat(fr("Too many requests, retry in 30 seconds")).isEqualTo("Trop de requêtes, réessayez dans 30 secondes");
        assertThat(fr("Account 1234 does not accept messages from you"))
                .isEqualTo("Le compte 1234 n'accepte pas vos messages");
        assertThat(fr("max_id must be an id")).isEqualTo("Le champ max_id doit être un identifiant");
        assertThat(fr("to is not a known account: nobody")).isEqualTo("Aucun compte ne s'appelle nobody (champ to)");
        assertThat(fr("Missing required parameter: grant_type."))
                .isEqualTo("Paramètre obligatoire manquant : grant_type.");
    }

    @Test
    void aSpecificTextWinsOverTheGeneralTemplate() {
        assertThat(fr("This money request is paid, no longer pending")).isEqualTo("Cette demande d'argent est déjà payée");
        assertThat(fr("This money request is frozen, no longer pending"))
                .isEqualTo("Cette demande d'argent n'est plus en attente (état : frozen)");
        assertThat(fr("cvc must be 3 or 4 digits")).isEqualTo("Le cryptogramme doit compter 3 ou 4 chiffres");
        assertThat(fr("cvc must be 4 digits")).isEqualTo("Le cryptogramme doit compter 4 chiffres");
        assertThat(fr("status can't be blank")).isEqualTo("La publication ne peut pas être vide");
        assertThat(fr("signed_pre_key can't be blank")).isEqualTo("Le champ signed_pre_key ne peut pas être vide");
        assertThat(fr("Validation failed: you have already pinned the maximum number of posts"))
                .isEqualTo("Échec de la validation : vous avez déjà épinglé le nombre maximum de publications");
    }

    /** Texts that reach a problem through a variable, which the source scan cannot see, taken from their makers. */
    @Test
    void messagesMadeOutsideTheProblemCallsAreTranslated() {
        java.util.List<String> made = new java.util.ArrayList<>();
        app.omnia.identity.domain.PasswordRule.violation("", "bob", "bob@example.com").ifPresent(v -> made.add(v[1]));
        app.omnia.identity.domain.PasswordRule.violation("short", "bob", "bob@example.com").ifPresent(v -> made.add(v[1]));
        app.omnia.identity.domain.PasswordRule.violation("password1234", "bob", "bob@example.com")
                .ifPresent(v -> made.add(v[1]));
        app.omnia.wallet.domain.CardDetails.check("1234", "13", "31", "1", java.time.YearMonth.of(2026, 1)).problems()
                .forEach(problem -> made.add(problem.message()));
        app.omnia.wallet.domain.CardDetails.check("4242424242424242", "1", "2020", "", java.time.YearMonth.of(2026, 1))
                .problems().forEach(problem -> made.add(problem.message()));
        for (var refusal : app.omnia.social.domain.PollPolicy.Refusal.values()) {
            made.add(refusal.message());
        }
        app.omnia.messaging.domain.Emoji.check("not an emoji").ifPresent(fault -> made.add(fault.message()));
        app.omnia.messaging.domain.KeyMaterial.check("identity_key", "%%").ifPresent(fault -> made.add(fault.message()));
        app.omnia.messaging.domain.MessageContent.checkClientId(" ").ifPresent(fault -> made.add(fault.message()));
        for (String amount : new String[] {"ten", "-1", "0", "1.234"}) {
            try {
                app.omnia.wallet.domain.Amounts.parse("amount", amount, app.omnia.wallet.Asset.of("EUR"));
            } catch (ApiException e) {
                made.add(e.fieldErrors().getFirst().message());
            }
        }

        assertThat(made).hasSizeGreaterThan(12);
        assertThat(made).allSatisfy(english -> assertThat(fr(english)).as(english).isNotEqualTo(english));
    }

    private String fr(String english) {
        return texts.translate(english, Locale.FRENCH);
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

package app.omnia.moderation.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Omnia's illegal-content categories for reports (a notice under DSA art. 16), each mapped to the category of
 * the EU transparency database and weighted for the queue: the gravest first.
 */
public enum IllegalCategory {
    CHILD_SAFETY("STATEMENT_CATEGORY_PROTECTION_OF_MINORS", 100),
    TERRORISM("STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", 90),
    NON_CONSENSUAL_IMAGERY("STATEMENT_CATEGORY_NON_CONSENSUAL_BEHAVIOUR", 80),
    VIOLENCE("STATEMENT_CATEGORY_VIOLENCE", 70),
    SELF_HARM("STATEMENT_CATEGORY_SELF_HARM", 70),
    ILLEGAL_HATE_SPEECH("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", 60),
    SCAMS_FRAUD("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", 50),
    PRIVACY_VIOLATION("STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS", 50),
    ILLEGAL_PRODUCTS("STATEMENT_CATEGORY_UNSAFE_AND_ILLEGAL_PRODUCTS", 50),
    ELECTION_INTERFERENCE("STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS", 50),
    ILLEGAL_SEXUAL_CONTENT("STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT", 40),
    ANIMAL_WELFARE("STATEMENT_CATEGORY_ANIMAL_WELFARE", 40),
    IP_INFRINGEMENT("STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS", 30);

    /** The transparency database's category for decisions on the platform's own terms. */
    public static final String TERMS_CATEGORY = "STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE";

    private final String statementCategory;
    private final int severity;

    IllegalCategory(String statementCategory, int severity) {
        this.statementCategory = statementCategory;
        this.severity = severity;
    }

    public String statementCategory() {
        return statementCategory;
    }

    public int severity() {
        return severity;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<IllegalCategory> fromKey(String key) {
        for (IllegalCategory c : values()) {
            if (c.key().equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    public static String keys() {
        return String.join(", ", java.util.Arrays.stream(values()).map(IllegalCategory::key).toList());
    }
}

package app.omnia.moderation;

import java.util.List;

import app.omnia.moderation.domain.IllegalCategory;

/**
 * Why a decision was taken, as the statement of reasons tells it: illegal content (with the category and the
 * law) or content incompatible with the terms (with the rule), the facts, and where the decision applies.
 */
public record Grounds(boolean illegal, IllegalCategory illegalCategory, String legalGround, String facts,
                      List<String> territorialScope) {

    public static final int MAX_TEXT = 1000;
    public static final int MAX_FACTS = 5000;
}

package app.omnia.moderation.domain;

import java.util.Locale;

/**
 * What a moderator (or the automatic hiding) decided, and how each decision is described to the transparency
 * database: a visibility restriction of one item, or a restriction of the whole account.
 */
public enum Decision {
    /** Held automatically pending review. */
    HIDE("status", "DECISION_VISIBILITY_CONTENT_DISABLED", null, "hidden"),
    REMOVE("status", "DECISION_VISIBILITY_CONTENT_REMOVED", null, "removed"),
    MARK_SENSITIVE("status", "DECISION_VISIBILITY_CONTENT_LABELLED", null, "sensitive"),
    LIMIT("status", "DECISION_VISIBILITY_CONTENT_DEMOTED", null, "limited"),
    /** Mastodon's {@code none}: a warning, nothing restricted. */
    WARN("account", "DECISION_VISIBILITY_OTHER", null, null),
    /** Mastodon's {@code sensitive}: every media of the account behind a warning. */
    SENSITIZE("account", "DECISION_VISIBILITY_CONTENT_LABELLED", null, "sensitive"),
    /** Mastodon's {@code silence} ("limit"): out of public timelines, hashtags and search. */
    SILENCE("account", "DECISION_VISIBILITY_CONTENT_DEMOTED", null, "limited"),
    SUSPEND("account", null, "DECISION_ACCOUNT_SUSPENDED", null),
    /** Mastodon's {@code disable}: login refused, the account and its posts stay. */
    DISABLE("account", null, "DECISION_ACCOUNT_SUSPENDED", null),
    /** The account's new posts wait for a named reviewer's approval (pre-moderation). */
    SUPERVISE("account", "DECISION_VISIBILITY_OTHER", null, "supervised"),
    /** A supervised account's post not approved by its reviewer: it is never published. */
    REJECT("status", "DECISION_VISIBILITY_CONTENT_REMOVED", null, null),
    /** The right to report withdrawn for a while, for manifestly unfounded reports (DSA art. 23(2)). */
    SUSPEND_REPORTING("account", "DECISION_VISIBILITY_OTHER", null, null);

    private final String subject;
    private final String visibility;
    private final String account;
    private final String mark;

    Decision(String subject, String visibility, String account, String mark) {
        this.subject = subject;
        this.visibility = visibility;
        this.account = account;
        this.mark = mark;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Decision fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    /** Whether the decision is about one item ({@code status} or {@code media}) rather than an account. */
    public boolean onItem() {
        return subject.equals("status");
    }

    /** decision_visibility in the transparency database, or null. */
    public String decisionVisibility() {
        return visibility;
    }

    /** decision_account in the transparency database, or null. */
    public String decisionAccount() {
        return account;
    }

    /** The mark social keeps for this decision, or null when there is none (warning, suspension). */
    public String mark() {
        return mark;
    }
}

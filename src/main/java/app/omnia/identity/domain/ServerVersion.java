package app.omnia.identity.domain;

/**
 * The version string Omnia reports. Mastodon apps decide which features to offer by parsing the leading
 * Mastodon version, so Omnia names the API level it implements first and itself in parentheses, the form
 * other compatible servers use.
 */
public final class ServerVersion {

    /** The Mastodon release whose client API Omnia implements. */
    public static final String MASTODON_API_LEVEL = "4.3.0";

    /** Reported when the build left no version behind (running from an IDE, say). */
    public static final String UNKNOWN_BUILD = "0.1.0";

    private ServerVersion() {
    }

    /** The build's version, or {@link #UNKNOWN_BUILD} when there is none. */
    public static String orUnknown(String buildVersion) {
        return buildVersion == null || buildVersion.isBlank() ? UNKNOWN_BUILD : buildVersion.strip();
    }

    /** e.g. {@code 4.3.0 (compatible; Omnia 0.1.0)}. */
    public static String mastodonCompatible(String omniaVersion) {
        return MASTODON_API_LEVEL + " (compatible; Omnia " + orUnknown(omniaVersion) + ")";
    }
}

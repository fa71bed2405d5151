package app.omnia.wallet.domain;

import java.util.Locale;

/** Which caps apply to an account's outgoing money. */
public enum SpendingTier {
    UNVERIFIED, VERIFIED, MINOR;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Minors get the minor caps whatever else is true of them; a verification raises an adult's caps. */
    public static SpendingTier of(boolean minor, boolean verified) {
        return minor ? MINOR : verified ? VERIFIED : UNVERIFIED;
    }
}

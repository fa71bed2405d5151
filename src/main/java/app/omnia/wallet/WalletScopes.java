package app.omnia.wallet;

/**
 * Mastodon has no wallet scopes and Omnia adds none of its own yet: reading the wallet needs the broad
 * {@code read} scope and moving money the broad {@code write} scope (granular scopes such as
 * {@code write:statuses} are not enough). Admin endpoints need {@code admin:read} / {@code admin:write}.
 */
public final class WalletScopes {

    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String ADMIN_READ = "admin:read";
    public static final String ADMIN_WRITE = "admin:write";

    private WalletScopes() {
    }
}

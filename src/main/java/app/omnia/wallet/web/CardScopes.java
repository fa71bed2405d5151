package app.omnia.wallet.web;

/** Mastodon has no wallet scopes: reading a wallet needs {@code read}, moving money {@code write}. */
final class CardScopes {

    static final String READ = "read";
    static final String WRITE = "write";

    private CardScopes() {
    }
}

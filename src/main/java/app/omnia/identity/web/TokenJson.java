package app.omnia.identity.web;

import app.omnia.identity.IssuedToken;
import app.omnia.platform.security.Scopes;

/** Mastodon's Token entity. Tokens do not expire, so there is no expires_in or refresh_token. */
record TokenJson(String accessToken, String tokenType, String scope, long createdAt) {

    static TokenJson of(IssuedToken token) {
        return new TokenJson(token.accessToken(), "Bearer", Scopes.format(token.scopes()),
                token.createdAt().getEpochSecond());
    }
}

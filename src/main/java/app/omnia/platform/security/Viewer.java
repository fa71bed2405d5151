package app.omnia.platform.security;

import java.util.Set;

/**
 * Who is calling: an account (or none, for an app-only token), through which application, with which
 * granted scopes and which staff role. Built once per request from a bearer token or the web session cookie.
 */
public record Viewer(Long accountId, Long applicationId, Set<String> scopes, String role, Credential credential) {

    /** How the caller proved who they are; web-session requests are the ones that need CSRF protection. */
    public enum Credential { BEARER_TOKEN, WEB_SESSION }

    public boolean isUser() {
        return accountId != null;
    }

    public boolean hasScope(String required) {
        return Scopes.covers(scopes, required);
    }

    public boolean isStaff() {
        return "moderator".equals(role) || "admin".equals(role);
    }

    public boolean isAdmin() {
        return "admin".equals(role);
    }
}

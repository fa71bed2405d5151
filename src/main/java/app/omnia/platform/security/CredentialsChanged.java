package app.omnia.platform.security;

/**
 * Published (inside the transaction) when an account's tokens or sessions were revoked or the account was
 * suspended: whatever holds a long-lived connection re-checks its credentials once the change is committed.
 */
public record CredentialsChanged(long accountId) {
}

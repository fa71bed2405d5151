package app.omnia.identity;

/**
 * A local account as the outside world addresses it.
 *
 * @param username   the canonical spelling (as signed up)
 * @param domain     the handle domain
 * @param profileUrl the public profile page, {@code <base-url>/@username}
 */
public record LocalHandle(String username, String domain, String profileUrl) {

    /** e.g. {@code acct:alice@example.com}, WebFinger's subject. */
    public String acctUri() {
        return "acct:" + username + "@" + domain;
    }
}

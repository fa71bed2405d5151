package app.omnia.identity.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code resource} of a WebFinger query (RFC 7033) as a local username. Accepted forms:
 * {@code acct:user@domain}, bare {@code user@domain}, the profile URL {@code <base-url>/@user} and the account
 * URI {@code <base-url>/users/user}. The domain may be the handle domain or the host of the base URL, in any case.
 */
public final class WebFingerResource {

    /** Mastodon's username syntax: letters, digits and underscores, with dots or dashes only inside. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_]+(?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private final String domain;
    private final URI baseUrl;

    /**
     * @param domain  the domain part of local handles ({@code omnia.domain})
     * @param baseUrl the public base URL ({@code omnia.base-url})
     */
    public WebFingerResource(String domain, URI baseUrl) {
        this.domain = domain;
        this.baseUrl = baseUrl;
    }

    /**
     * The username a resource names on this server, or empty when it names an account elsewhere or a page
     * here that is not a profile.
     *
     * @throws IllegalArgumentException when the resource is missing or is not an account reference at all
     */
    public Optional<String> localUsername(String resource) {
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("resource is required");
        }
        String text = resource.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("acct:")) {
            return fromAddress(text.substring("acct:".length()));
        }
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return fromProfileUrl(text);
        }
        if (SCHEME.matcher(text).find()) {
            throw new IllegalArgumentException("resource must be an acct: URI or a profile URL");
        }
        return fromAddress(text);
    }

    private Optional<String> fromAddress(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            throw new IllegalArgumentException("resource must look like user@domain");
        }
        String username = address.substring(0, at);
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("resource names an invalid username");
        }
        String host = address.substring(at + 1);
        return isLocalHost(host) ? Optional.of(username) : Optional.empty();
    }

    private boolean isLocalHost(String host) {
        return host.equalsIgnoreCase(domain) || host.equalsIgnoreCase(hostAndPort(baseUrl));
    }

    private Optional<String> fromProfileUrl(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("resource is not a valid URL");
        }
        if (url.getHost() == null) {
            throw new IllegalArgumentException("resource is not a valid URL");
        }
        if (!sameOrigin(url, baseUrl)) {
            return Optional.empty();
        }
        String path = url.getPath() == null ? "" : url.getPath();
        for (String prefix : List.of(basePath() + "/@", basePath() + "/users/")) {
            if (path.startsWith(prefix)) {
                String username = path.substring(prefix.length());
                return USERNAME.matcher(username).matches() ? Optional.of(username) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private String basePath() {
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static String hostAndPort(URI url) {
        return url.getPort() == -1 ? url.getHost() : url.getHost() + ":" + url.getPort();
    }
}

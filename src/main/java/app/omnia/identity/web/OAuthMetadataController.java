package app.omnia.identity.web;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.security.Scopes;

/** RFC 8414 authorization server metadata, with Mastodon's app_registration_endpoint. */
@RestController
class OAuthMetadataController {

    private final String base;

    OAuthMetadataController(OmniaProperties properties) {
        this.base = properties.baseUrlText();
    }

    @GetMapping("/.well-known/oauth-authorization-server")
    Map<String, Object> metadata() {
        return Map.ofEntries(
                Map.entry("issuer", base + "/"),
                Map.entry("service_documentation", base + "/"),
                Map.entry("authorization_endpoint", base + "/oauth/authorize"),
                Map.entry("token_endpoint", base + "/oauth/token"),
                Map.entry("app_registration_endpoint", base + "/api/v1/apps"),
                Map.entry("revocation_endpoint", base + "/oauth/revoke"),
                Map.entry("scopes_supported", new TreeSet<>(Scopes.KNOWN)),
                Map.entry("response_types_supported", List.of("code")),
                Map.entry("response_modes_supported", List.of("query")),
                Map.entry("code_challenge_methods_supported", List.of("S256")),
                Map.entry("grant_types_supported", List.of("authorization_code", "client_credentials")),
                Map.entry("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post")));
    }
}

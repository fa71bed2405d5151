package app.omnia.identity.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.omnia.identity.OAuthService;
import app.omnia.identity.persistence.Applications.Application;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.PublicEndpoint;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;

/** Mastodon's apps API: register a client application and check an app's token. */
@RestController
class AppsController {

    /** Mastodon's (Credential)Application entity; client_id/secret only in the registration answer. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record ApplicationJson(String id, String name, String website, List<String> scopes, String redirectUri,
                           List<String> redirectUris, String vapidKey,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String clientId,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Long clientSecretExpiresAt) {

        static ApplicationJson of(Application app, String clientSecret) {
            return new ApplicationJson(String.valueOf(app.id()), app.name(), app.website(), List.copyOf(app.scopes()),
                    String.join("\n", app.redirectUris()), app.redirectUris(), "",
                    clientSecret == null ? null : app.clientId(), clientSecret, clientSecret == null ? null : 0L);
        }
    }

    private final OAuthService oauth;

    AppsController(OAuthService oauth) {
        this.oauth = oauth;
    }

    @PostMapping("/api/v1/apps")
    @PublicEndpoint
    ApplicationJson create(Params params) {
        List<String> redirectUris = params.list("redirect_uris");
        if (redirectUris.isEmpty()) {
            redirectUris = params.string("redirect_uri").map(List::of).orElse(List.of());
        }
        OAuthService.RegisteredApp registered = oauth.registerApp(params.string("client_name").orElse(null),
                redirectUris, params.string("scopes").orElse(null), params.string("website").orElse(null));
        return ApplicationJson.of(registered.app(), registered.clientSecret());
    }

    @GetMapping("/api/v1/apps/verify_credentials")
    @RequiresScope(value = {}, appTokenAllowed = true)
    ApplicationJson verify() {
        Long appId = CurrentViewer.require().applicationId();
        if (appId == null) {
            throw ApiException.unauthorized("The access token is invalid");
        }
        return ApplicationJson.of(oauth.application(appId).orElseThrow(ApiException::notFound), null);
    }
}

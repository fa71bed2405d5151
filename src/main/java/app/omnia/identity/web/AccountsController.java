package app.omnia.identity.web;

import app.omnia.identity.AccountJson;
import app.omnia.identity.Links;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import app.omnia.identity.AccountService;
import app.omnia.identity.OAuthService;
import app.omnia.identity.ProfileChanges;
import app.omnia.identity.RegistrationService;
import app.omnia.identity.SignUp;
import app.omnia.identity.Account;
import app.omnia.identity.domain.ProfileField;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.media.ImageProcessor;
import app.omnia.platform.media.StoredImage;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.PublicEndpoint;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/** Mastodon's accounts API: sign-up through an app, one's own credentials, and public profiles. */
@RestController
class AccountsController {

    private final RegistrationService registrations;
    private final OAuthService oauth;
    private final AccountService accounts;
    private final ImageProcessor images;
    private final Links links;
    private final Clock clock;
    private final String domain;

    AccountsController(RegistrationService registrations, OAuthService oauth, AccountService accounts,
                       ImageProcessor images, Links links, Clock clock, OmniaProperties properties) {
        this.registrations = registrations;
        this.oauth = oauth;
        this.accounts = accounts;
        this.images = images;
        this.links = links;
        this.clock = clock;
        this.domain = properties.domain();
    }

    /** Sign-up by an app holding a client-credentials token; answers with a user token for that app. */
    @PostMapping("/api/v1/accounts")
    @RequiresScope(value = "write:accounts", appTokenAllowed = true)
    TokenJson register(Params params, HttpServletRequest request) {
        Viewer app = CurrentViewer.require();
        if (app.isUser()) {
            throw ApiException.forbidden("This method requires an client credentials authentication");
        }
        Account account = registrations.register(new SignUp(params.string("username").orElse(null),
                params.string("email").orElse(null), params.string("password").orElse(null),
                params.string("date_of_birth").orElse(null), params.string("country").orElse(null),
                params.string("locale").orElse(null), params.bool("agreement").orElse(false),
                params.string("reason").orElse(null), request.getRemoteAddr()));
        var application = oauth.application(app.applicationId()).orElseThrow();
        return TokenJson.of(oauth.issue(application.id(), account.id(), application.scopes()));
    }

    @GetMapping("/api/v1/accounts/verify_credentials")
    @RequiresScope({"read:accounts", "profile"})
    CredentialAccountJson verifyCredentials() {
        Viewer viewer = CurrentViewer.require();
        return CredentialAccountJson.of(accounts.visible(viewer, viewer.accountId()), links, LocalDate.now(clock),
                accounts.pendingFollowRequests(viewer.accountId()));
    }

    @RequestMapping(path = "/api/v1/accounts/update_credentials", method = {RequestMethod.PATCH, RequestMethod.PUT})
    @RequiresScope("write:accounts")
    CredentialAccountJson updateCredentials(Params params, HttpServletRequest request) {
        Viewer viewer = CurrentViewer.require();
        Optional<List<ProfileField>> fields = params.has("fields_attributes")
                || params.nested("fields_attributes").size() > 0
                ? Optional.of(params.nested("fields_attributes").stream()
                        .map(f -> new ProfileField(nonNull(f.get("name")), nonNull(f.get("value")))).toList())
                : Optional.empty();
        ProfileChanges changes = new ProfileChanges(params.string("display_name"), params.string("note"),
                params.bool("locked"), params.bool("bot"), params.bool("discoverable"), fields,
                image(request, "avatar", 400, 400), image(request, "header", 1500, 500));
        return CredentialAccountJson.of(accounts.updateProfile(viewer, changes), links, LocalDate.now(clock),
                accounts.pendingFollowRequests(viewer.accountId()));
    }

    @GetMapping("/api/v1/accounts/lookup")
    @PublicEndpoint(scopesIfToken = "read:accounts")
    AccountJson lookup(@RequestParam String acct) {
        String handle = acct.trim();
        if (handle.startsWith("@")) {
            handle = handle.substring(1);
        }
        int at = handle.indexOf('@');
        if (at >= 0) {
            if (!handle.substring(at + 1).toLowerCase(Locale.ROOT).equals(domain.toLowerCase(Locale.ROOT))) {
                throw ApiException.notFound();
            }
            handle = handle.substring(0, at);
        }
        return AccountJson.of(accounts.visibleByUsername(CurrentViewer.get().orElse(null), handle), links);
    }

    /** Several accounts at once (at most 40); unknown or hidden ids are skipped, as in Mastodon. */
    @GetMapping("/api/v1/accounts")
    @PublicEndpoint(scopesIfToken = "read:accounts")
    List<AccountJson> several(Params params) {
        List<Long> requested = params.ids("id");
        List<Long> parsed = requested.stream().distinct().toList();
        if (requested.size() > 40) {
            throw ApiException.validation("id", "ERR_TOO_LONG", "id lists at most 40 accounts");
        }
        var viewer = CurrentViewer.get().orElse(null);
        var views = accounts.views(parsed);
        return parsed.stream().map(views::get).filter(java.util.Objects::nonNull)
                .filter(v -> app.omnia.identity.domain.AccountPolicy.canSee(viewer, v.account()))
                .map(v -> AccountJson.of(v, links)).toList();
    }

    @GetMapping("/api/v1/accounts/{id}")
    @PublicEndpoint(scopesIfToken = "read:accounts")
    AccountJson account(@PathVariable String id) {
        return AccountJson.of(accounts.visible(CurrentViewer.get().orElse(null), PathIds.parse(id)), links);
    }

    private Optional<StoredImage> image(HttpServletRequest request, String field, int width, int height) {
        if (!(request instanceof MultipartHttpServletRequest multipart)) {
            return Optional.empty();
        }
        MultipartFile file = multipart.getFile(field);
        if (file == null || file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(images.storeCropped(file.getBytes(), field, width, height));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value.strip();
    }
}

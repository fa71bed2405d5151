package app.omnia.identity.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;

import app.omnia.identity.IssuedToken;
import app.omnia.identity.OAuthService;
import app.omnia.identity.OAuthService.AuthorizationRequest;
import app.omnia.identity.domain.RedirectUris;
import app.omnia.identity.persistence.Applications.Application;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;

/**
 * OAuth 2 endpoints as Mastodon serves them: the authorization page (sign-in, then consent), the token
 * endpoint (form or JSON body; client_secret_post or client_secret_basic) and revocation.
 */
@Controller
class OAuthController {

    private final OAuthService oauth;

    OAuthController(OAuthService oauth) {
        this.oauth = oauth;
    }

    @GetMapping("/oauth/authorize")
    String authorizePage(@RequestParam Map<String, String> query, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        AuthorizationRequest authorization;
        try {
            authorization = check(query);
        } catch (ApiException e) {
            return refused(e, query, response, model);
        }
        boolean forceLogin = "true".equals(query.get("force_login"));
        Viewer viewer = CurrentViewer.get().filter(v -> v.credential() == Viewer.Credential.WEB_SESSION).orElse(null);
        if (viewer == null || forceLogin) {
            String back = UriComponentsBuilder.fromPath("/oauth/authorize").query(request.getQueryString())
                    .replaceQueryParam("force_login").build().toUriString();
            return "redirect:/auth/sign_in?return_to=" + java.net.URLEncoder.encode(back, StandardCharsets.UTF_8);
        }
        model.addAttribute("app", authorization.app());
        model.addAttribute("scopes", authorization.scopes());
        model.addAttribute("query", query);
        return "oauth/authorize";
    }

    @PostMapping("/oauth/authorize")
    String authorize(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        AuthorizationRequest authorization;
        try {
            authorization = check(form);
        } catch (ApiException e) {
            return refused(e, form, response, model);
        }
        Viewer viewer = CurrentViewer.get().filter(v -> v.credential() == Viewer.Credential.WEB_SESSION)
                .orElse(null);
        if (viewer == null) {
            return "redirect:/auth/sign_in";
        }
        boolean oob = RedirectUris.OUT_OF_BAND.equals(authorization.redirectUri());
        if (!"approve".equals(form.get("decision"))) {
            if (oob) {
                model.addAttribute("denied", true);
                return "oauth/code";
            }
            return "redirect:" + redirect(authorization, "error", "access_denied", "error_description",
                    "The resource owner or authorization server denied the request.");
        }
        String code = oauth.approve(authorization, viewer.accountId());
        if (oob) {
            return "redirect:" + UriComponentsBuilder.fromPath("/oauth/authorize/native").queryParam("code", code)
                    .build().toUriString();
        }
        return "redirect:" + redirect(authorization, "code", code);
    }

    /** Out-of-band: the code is shown for the person to paste into the app. */
    @GetMapping("/oauth/authorize/native")
    String showCode(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        if (code == null || code.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return errorPage(ApiException.oauth(HttpStatus.BAD_REQUEST, "invalid_request",
                    "Missing required parameter: code."), model);
        }
        model.addAttribute("code", code);
        return "oauth/code";
    }

    @PostMapping("/oauth/token")
    @ResponseBody
    ResponseEntity<TokenJson> token(Params params, HttpServletRequest request) {
        Application client = authenticate(params, request);
        String grant = params.string("grant_type").orElse("");
        IssuedToken token = switch (grant) {
            case "authorization_code" -> oauth.exchangeCode(client, params.string("code").orElse(null),
                    params.string("redirect_uri").orElse(null), params.string("code_verifier").orElse(null));
            case "client_credentials" -> oauth.clientCredentials(client, params.string("scope").orElse(null));
            case "" -> throw ApiException.oauth(HttpStatus.BAD_REQUEST, "invalid_request",
                    "Missing required parameter: grant_type.");
            default -> throw ApiException.oauth(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server.");
        };
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(TokenJson.of(token));
    }

    @PostMapping("/oauth/revoke")
    @ResponseBody
    Map<String, Object> revoke(Params params, HttpServletRequest request) {
        oauth.revoke(authenticate(params, request), params.string("token").orElse(null));
        return Map.of();
    }

    private AuthorizationRequest check(Map<String, String> query) {
        return oauth.checkAuthorization(query.get("response_type"), query.get("client_id"), query.get("redirect_uri"),
                query.get("scope"), query.get("state"), query.get("code_challenge"),
                query.get("code_challenge_method"));
    }

    private Application authenticate(Params params, HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    return oauth.authenticateClient(
                            java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
                }
            } catch (IllegalArgumentException garbage) {
                // falls through to the invalid_client answer below
            }
            return oauth.authenticateClient(null, null);
        }
        return oauth.authenticateClient(params.string("client_id").orElse(null),
                params.string("client_secret").orElse(null));
    }

    private static String redirect(AuthorizationRequest authorization, String... namesAndValues) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(authorization.redirectUri());
        for (int i = 0; i < namesAndValues.length; i += 2) {
            uri.queryParam(namesAndValues[i], namesAndValues[i + 1]);
        }
        if (authorization.state() != null) {
            uri.queryParam("state", authorization.state());
        }
        return uri.encode().build().toUriString();
    }

    /**
     * RFC 6749 4.1.2.1: once the client and its redirect URI are known to be genuine, an error goes back to
     * the client (with the state); before that, or for the out-of-band URI, it is shown to the person.
     */
    private String refused(ApiException e, Map<String, String> query, HttpServletResponse response, Model model) {
        Object error = e.extra().getOrDefault("error", "invalid_request");
        String redirectUri = query.get("redirect_uri");
        boolean trustedRedirect = !"invalid_client".equals(error) && !"invalid_redirect_uri".equals(error)
                && redirectUri != null && !RedirectUris.OUT_OF_BAND.equals(redirectUri);
        if (trustedRedirect) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(redirectUri)
                    .queryParam("error", error).queryParam("error_description", e.getMessage());
            if (query.get("state") != null) {
                uri.queryParam("state", query.get("state"));
            }
            return "redirect:" + uri.encode().build().toUriString();
        }
        response.setStatus(e.status().value());
        return errorPage(e, model);
    }

    private static String errorPage(ApiException e, Model model) {
        model.addAttribute("error", e.extra().getOrDefault("error", "invalid_request"));
        model.addAttribute("description", e.getMessage());
        return "oauth/error";
    }
}

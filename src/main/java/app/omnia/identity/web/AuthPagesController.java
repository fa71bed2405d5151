package app.omnia.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import app.omnia.identity.RegistrationService;
import app.omnia.identity.SignInService;
import app.omnia.identity.SignInService.Outcome;
import app.omnia.identity.SignUp;
import app.omnia.identity.Account;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.ProblemTexts;

/**
 * The web client's sign-up, sign-in (with the TOTP step) and sign-out pages. Errors are shown on the page,
 * with the status code of the matching API error.
 */
@Controller
class AuthPagesController {

    private final SignInService signIn;
    private final RegistrationService registrations;
    private final OmniaProperties properties;
    private final ProblemTexts texts;

    AuthPagesController(SignInService signIn, RegistrationService registrations, OmniaProperties properties,
                        ProblemTexts texts) {
        this.signIn = signIn;
        this.registrations = registrations;
        this.properties = properties;
        this.texts = texts;
    }

    @GetMapping("/auth/sign_in")
    String signInPage(@RequestParam(name = "return_to", required = false) String returnTo, Model model) {
        model.addAttribute("returnTo", SessionCookies.safeReturn(returnTo));
        return "auth/sign_in";
    }

    @PostMapping("/auth/sign_in")
    String signIn(@RequestParam(required = false) String login, @RequestParam(required = false) String password,
                  @RequestParam(name = "return_to", required = false) String returnTo, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        String back = SessionCookies.safeReturn(returnTo);
        model.addAttribute("returnTo", back);
        model.addAttribute("login", login);
        try {
            Outcome outcome = signIn.signIn(login, password, request.getRemoteAddr(),
                    request.getHeader(HttpHeaders.USER_AGENT));
            if (outcome instanceof Outcome.NeedsSecondFactor second) {
                model.addAttribute("challenge", second.challenge());
                return "auth/two_factor";
            }
            SessionCookies.set(request, response, ((Outcome.SignedIn) outcome).sessionSecret());
            return "redirect:" + back;
        } catch (ApiException e) {
            return failed(e, response, model, "auth/sign_in");
        }
    }

    @PostMapping("/auth/sign_in/two_factor")
    String secondFactor(@RequestParam(required = false) String challenge,
                        @RequestParam(name = "otp_attempt", required = false) String code,
                        @RequestParam(name = "return_to", required = false) String returnTo,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        String back = SessionCookies.safeReturn(returnTo);
        model.addAttribute("returnTo", back);
        model.addAttribute("challenge", challenge);
        try {
            Outcome.SignedIn done = signIn.completeSecondFactor(challenge, code, request.getRemoteAddr(),
                    request.getHeader(HttpHeaders.USER_AGENT));
            SessionCookies.set(request, response, done.sessionSecret());
            return "redirect:" + back;
        } catch (ApiException e) {
            return failed(e, response, model, "auth/two_factor");
        }
    }

    @PostMapping("/auth/sign_out")
    String signOut(HttpServletRequest request, HttpServletResponse response) {
        CurrentViewer.get().filter(v -> v.isUser()).ifPresent(v -> signIn.signOutEverywhere(v.accountId()));
        SessionCookies.clear(request, response);
        return "redirect:/auth/sign_in";
    }

    @GetMapping("/auth/sign_up")
    String signUpPage(Model model) {
        model.addAttribute("mode", properties.registrations().mode().name().toLowerCase(java.util.Locale.ROOT));
        return "auth/sign_up";
    }

    @PostMapping("/auth/sign_up")
    String signUp(@RequestParam java.util.Map<String, String> form, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        model.addAttribute("mode", properties.registrations().mode().name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("form", form);
        try {
            Account account = registrations.register(new SignUp(form.get("username"), form.get("email"),
                    form.get("password"), form.get("date_of_birth"), form.get("country"), form.get("locale"),
                    "on".equals(form.get("agreement")) || "true".equals(form.get("agreement")), form.get("reason"),
                    request.getRemoteAddr()));
            if (!account.approved()) {
                model.addAttribute("pending", true);
                return "auth/sign_up";
            }
            Outcome outcome = signIn.signIn(account.username(), form.get("password"), request.getRemoteAddr(),
                    request.getHeader(HttpHeaders.USER_AGENT));
            SessionCookies.set(request, response, ((Outcome.SignedIn) outcome).sessionSecret());
            return "redirect:/";
        } catch (ApiException e) {
            return failed(e, response, model, "auth/sign_up");
        }
    }

    /** The page again with the problem, in the page's language like the rest of it. */
    private String failed(ApiException e, HttpServletResponse response, Model model, String view) {
        response.setStatus(e.status().value());
        e.retryAfter().ifPresent(seconds -> response.setHeader(HttpHeaders.RETRY_AFTER, seconds));
        model.addAttribute("error", texts.translate(e.getMessage()));
        model.addAttribute("fieldErrors", e.fieldErrors().stream()
                .map(error -> new ApiException.FieldError(error.field(), error.code(), texts.translate(error.message())))
                .toList());
        return view;
    }
}

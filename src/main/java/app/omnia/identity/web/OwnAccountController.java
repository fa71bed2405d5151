package app.omnia.identity.web;

import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.identity.AccountService;
import app.omnia.identity.SignInService;
import app.omnia.identity.TwoFactorService;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.Params;

/**
 * Omnia's own account security API (not in Mastodon's): password change, TOTP two-factor set-up, and
 * signing out everywhere. Each acts only on the caller's own account.
 */
@RestController
class OwnAccountController {

    private final AccountService accounts;
    private final TwoFactorService twoFactor;
    private final SignInService signIn;

    OwnAccountController(AccountService accounts, TwoFactorService twoFactor, SignInService signIn) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.signIn = signIn;
    }

    /** Ends every session and token, this one included: the caller signs in again with the new password. */
    @PostMapping("/api/omnia/v1/account/password")
    @RequiresScope("write:accounts")
    Map<String, Object> changePassword(Params params) {
        accounts.changePassword(CurrentViewer.require(), params.string("current_password").orElse(null),
                params.string("password").orElse(null));
        return Map.of();
    }

    /** Step 1: a new secret to add to an authenticator app (shown once). */
    @PostMapping("/api/omnia/v1/account/two_factor")
    @RequiresScope("write:accounts")
    Map<String, Object> beginTwoFactor() {
        TwoFactorService.Setup setup = twoFactor.begin(CurrentViewer.requireAccountId());
        return Map.of("secret", setup.secret(), "otpauth_uri", setup.otpauthUri());
    }

    /** Step 2: a first code proves the app is set up; from now on sign-in asks for a code. */
    @PostMapping("/api/omnia/v1/account/two_factor/confirm")
    @RequiresScope("write:accounts")
    Map<String, Object> confirmTwoFactor(Params params) {
        twoFactor.confirm(CurrentViewer.requireAccountId(), params.required("otp"));
        return Map.of("two_factor_enabled", true);
    }

    @DeleteMapping("/api/omnia/v1/account/two_factor")
    @RequiresScope("write:accounts")
    Map<String, Object> disableTwoFactor(Params params) {
        twoFactor.disable(CurrentViewer.requireAccountId(), params.string("password").orElse(null));
        return Map.of("two_factor_enabled", false);
    }

    @PostMapping("/api/omnia/v1/account/sign_out_everywhere")
    @RequiresScope("write:accounts")
    Map<String, Object> signOutEverywhere() {
        signIn.signOutEverywhere(CurrentViewer.requireAccountId());
        return Map.of();
    }
}

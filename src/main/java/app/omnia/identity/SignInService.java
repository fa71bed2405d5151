package app.omnia.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.persistence.Accounts;
import app.omnia.identity.persistence.WebSessions;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.crypto.SecretBox;
import app.omnia.platform.crypto.Tokens;
import app.omnia.platform.ratelimit.RateLimits;
import app.omnia.platform.web.ApiException;

/**
 * Web sign-in and sign-out. Failed attempts are throttled per IP and per account; an unknown login and a
 * wrong password get the same answer after the same work (no account enumeration). With TOTP enabled, a
 * correct password yields a short-lived sealed challenge that only a valid code turns into a session.
 */
@Service
public class SignInService {

    public static final Duration SESSION_LIFETIME = Duration.ofDays(30);
    private static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    private static final String BAD_CREDENTIALS = "Invalid login or password";

    /** The outcome of a correct password: either a session, or a second step to complete. */
    public sealed interface Outcome {
        record SignedIn(Account account, String sessionSecret) implements Outcome {}

        record NeedsSecondFactor(String challenge) implements Outcome {}
    }

    private final Accounts accounts;
    private final WebSessions sessions;
    private final PasswordEncoder passwords;
    private final RateLimits rateLimits;
    private final SecretBox secretBox;
    private final TwoFactorService twoFactor;
    private final IdGenerator ids;
    private final Clock clock;
    private final String dummyHash;
    private final CredentialRevocation revocation;

    SignInService(Accounts accounts, WebSessions sessions, PasswordEncoder passwords,
                  RateLimits rateLimits, SecretBox secretBox, TwoFactorService twoFactor, IdGenerator ids, Clock clock,
                  CredentialRevocation revocation) {
        this.revocation = revocation;
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.rateLimits = rateLimits;
        this.secretBox = secretBox;
        this.twoFactor = twoFactor;
        this.ids = ids;
        this.clock = clock;
        // Checked against when the login is unknown, so that both cases cost one Argon2 verification.
        this.dummyHash = passwords.encode(Tokens.newSecret());
    }

    @Transactional
    public Outcome signIn(String login, String password, String ip, String userAgent) {
        rateLimits.hit(RateLimits.Name.LOGINS_PER_IP, ip);
        String key = login == null ? "" : login.trim().toLowerCase(java.util.Locale.ROOT);
        rateLimits.ensureBelow(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, key);
        Optional<Account> found = key.isEmpty() ? Optional.empty()
                : key.contains("@") ? accounts.findByEmail(key) : accounts.findByUsername(key);
        String hash = found.map(Account::passwordHash).orElse(dummyHash);
        boolean matches = password != null && passwords.matches(password, hash);
        if (found.isPresent()) {
            // Count against the account, however it was named (username or e-mail).
            key = "account:" + found.get().id();
            rateLimits.ensureBelow(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, key);
        }
        if (found.isEmpty() || !matches) {
            rateLimits.count(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, key);
            throw badCredentials();
        }
        Account account = found.get();
        ensureCanAct(account);
        ensureLoginEnabled(account);
        if (account.totpEnabled()) {
            String challenge = secretBox.seal(account.id() + ":" + clock.instant().plus(CHALLENGE_LIFETIME)
                    .getEpochSecond() + ":" + key);
            return new Outcome.NeedsSecondFactor(challenge);
        }
        rateLimits.reset(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, key);
        return new Outcome.SignedIn(account, openSession(account.id(), ip, userAgent));
    }

    /** Second step: the sealed challenge from {@link #signIn} plus a current TOTP code. */
    @Transactional
    public Outcome.SignedIn completeSecondFactor(String challenge, String code, String ip, String userAgent) {
        rateLimits.hit(RateLimits.Name.LOGINS_PER_IP, ip);
        String[] parts = openChallenge(challenge);
        long accountId = Long.parseLong(parts[0]);
        String key = parts[2];
        rateLimits.ensureBelow(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, key);
        Account account = accounts.findById(accountId).orElseThrow(SignInService::badCredentials);
        if (!twoFactor.verifyCode(account, code)) {
            rateLimits.count(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, key);
            throw ApiException.validation("otp_attempt", "ERR_INVALID", "The two-factor code is not valid");
        }
        ensureCanAct(account);
        ensureLoginEnabled(account);
        rateLimits.reset(RateLimits.Name.FAILED_LOGINS_PER_ACCOUNT, key);
        return new Outcome.SignedIn(account, openSession(account.id(), ip, userAgent));
    }

    /** Signing out ends every web session and revokes every token of the account, on every device. */
    @Transactional
    public void signOutEverywhere(long accountId) {
        revocation.revokeEverything(accountId);
    }

    private String openSession(long accountId, String ip, String userAgent) {
        String secret = Tokens.newSecret();
        Instant now = clock.instant();
        sessions.insert(ids.next(), Tokens.hash(secret), accountId, ip, userAgent, now, now.plus(SESSION_LIFETIME));
        return secret;
    }

    private String[] openChallenge(String challenge) {
        try {
            String[] parts = secretBox.open(challenge).split(":", 3);
            if (parts.length == 3 && Long.parseLong(parts[1]) >= clock.instant().getEpochSecond()) {
                return parts;
            }
        } catch (RuntimeException tamperedOrGarbage) {
            // Falls through to the same answer as an expired challenge.
        }
        throw ApiException.validation("challenge", "ERR_INVALID", "The sign-in attempt expired; sign in again");
    }

    /** An account disabled by the moderators keeps its profile but cannot sign in (Mastodon's message). */
    private void ensureLoginEnabled(Account account) {
        if (accounts.loginDisabled(account.id())) {
            throw ApiException.forbidden("Your login is currently disabled");
        }
    }

    /** Mastodon's 403s for an account that exists but may not act. */
    static void ensureCanAct(Account account) {
        if (account.suspended()) {
            throw ApiException.forbidden("Your login is currently disabled");
        }
        if (!account.approved()) {
            throw ApiException.forbidden("Your login is currently pending approval");
        }
    }

    private static ApiException badCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                BAD_CREDENTIALS, List.of(), Map.of());
    }
}

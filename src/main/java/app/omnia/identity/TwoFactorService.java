package app.omnia.identity;

import java.time.Clock;
import java.util.OptionalLong;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.domain.Totp;
import app.omnia.identity.persistence.Accounts;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.crypto.SecretBox;
import app.omnia.platform.web.ApiException;

/**
 * Optional TOTP two-factor authentication: set up (a secret shown once), confirmed with a first code,
 * disabled with the password. The secret is stored sealed, never in clear; each code works once.
 */
@Service
public class TwoFactorService {

    /** What the person adds to an authenticator app. */
    public record Setup(String secret, String otpauthUri) {}

    private final Accounts accounts;
    private final SecretBox secretBox;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final String issuer;

    TwoFactorService(Accounts accounts, SecretBox secretBox, PasswordEncoder passwords, Clock clock,
                     OmniaProperties properties) {
        this.accounts = accounts;
        this.secretBox = secretBox;
        this.passwords = passwords;
        this.clock = clock;
        this.issuer = properties.instance().title() + " (" + properties.domain() + ")";
    }

    /** Starts (or restarts) setup: a new secret, not yet enforced until confirmed. */
    @Transactional
    public Setup begin(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(ApiException::notFound);
        if (account.totpEnabled()) {
            throw ApiException.conflict("Two-factor authentication is already enabled; disable it first");
        }
        String secret = Totp.newSecret();
        accounts.updateTotp(accountId, secretBox.seal(secret), false, clock.instant());
        return new Setup(secret, Totp.otpauthUri(issuer, account.username(), secret));
    }

    @Transactional
    public void confirm(long accountId, String code) {
        Account account = accounts.findById(accountId).orElseThrow(ApiException::notFound);
        if (account.totpSecret() == null || account.totpEnabled()) {
            throw ApiException.conflict("Start two-factor setup first");
        }
        if (!verifyCode(account, code)) {
            throw ApiException.validation("otp", "ERR_INVALID", "The two-factor code is not valid");
        }
        accounts.updateTotp(accountId, account.totpSecret(), true, clock.instant());
    }

    @Transactional
    public void disable(long accountId, String password) {
        Account account = accounts.findById(accountId).orElseThrow(ApiException::notFound);
        if (password == null || !passwords.matches(password, account.passwordHash())) {
            throw ApiException.validation("password", "ERR_INVALID", "password is not correct");
        }
        accounts.updateTotp(accountId, null, false, clock.instant());
    }

    /** Checks a code against the account's secret and spends its time step, so it cannot be replayed. */
    boolean verifyCode(Account account, String code) {
        if (account.totpSecret() == null) {
            return false;
        }
        String secret = secretBox.open(account.totpSecret());
        OptionalLong step = Totp.verify(secret, code, clock.instant().getEpochSecond(),
                accounts.totpLastStep(account.id()));
        return step.isPresent() && accounts.useTotpStep(account.id(), step.getAsLong());
    }
}

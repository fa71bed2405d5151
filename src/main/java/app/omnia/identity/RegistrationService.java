package app.omnia.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.domain.AgePolicy;
import app.omnia.identity.domain.PasswordRule;
import app.omnia.identity.domain.UsernameRule;
import app.omnia.identity.persistence.Accounts;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.OmniaProperties.RegistrationMode;
import app.omnia.platform.audit.AuditLog;
import app.omnia.platform.ratelimit.RateLimits;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.ApiException.FieldError;

/**
 * Opens accounts. Every rule is checked before anything is written, and all broken rules are reported
 * together, each naming its field; a refused sign-up (under age, closed registrations...) stores nothing.
 */
@Service
public class RegistrationService {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_REASON = 1000;

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final IdGenerator ids;
    private final Clock clock;
    private final RateLimits rateLimits;
    private final AuditLog audit;
    private final OmniaProperties.Registrations settings;
    private final AgePolicy agePolicy;

    RegistrationService(Accounts accounts, PasswordEncoder passwords, IdGenerator ids, Clock clock,
                        RateLimits rateLimits, AuditLog audit, OmniaProperties properties, AgePolicy agePolicy) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.ids = ids;
        this.clock = clock;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.settings = properties.registrations();
        this.agePolicy = agePolicy;
    }

    @Transactional
    public Account register(SignUp form) {
        if (settings.mode() == RegistrationMode.CLOSED) {
            throw new ApiException(HttpStatus.FORBIDDEN, "registrations-closed", "Forbidden",
                    "Registrations are closed on this server", List.of(), java.util.Map.of());
        }
        rateLimits.hit(RateLimits.Name.SIGN_UPS_PER_IP, form.ip());
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        String username = trim(form.username());
        String email = trim(form.email());
        String country = trim(form.country()) == null ? null : trim(form.country()).toUpperCase(Locale.ROOT);

        UsernameRule.violation(username).ifPresent(code -> errors.add(new FieldError("username", code,
                "username " + usernameMessage(code))));
        if (email == null || email.isEmpty()) {
            errors.add(new FieldError("email", "ERR_BLANK", "email can't be blank"));
        } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "ERR_INVALID", "email is not a valid address"));
        }
        PasswordRule.violation(form.password(), username, email)
                .ifPresent(v -> errors.add(new FieldError("password", v[0], v[1])));
        if (!Boolean.TRUE.equals(form.agreement())) {
            errors.add(new FieldError("agreement", "ERR_ACCEPTED", "agreement must be accepted"));
        }
        if (country != null && !COUNTRIES.contains(country)) {
            errors.add(new FieldError("country", "ERR_INVALID", "country must be an ISO 3166-1 alpha-2 code like FR"));
        }
        String locale = trim(form.locale());
        if (locale != null && (locale.length() > 16 || !locale.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*"))) {
            errors.add(new FieldError("locale", "ERR_INCLUSION", "locale is not a supported language"));
        }
        String reason = trim(form.reason());
        if (settings.mode() == RegistrationMode.APPROVAL && settings.reasonRequired()
                && (reason == null || reason.isEmpty())) {
            errors.add(new FieldError("reason", "ERR_BLANK", "reason can't be blank"));
        } else if (reason != null && reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "ERR_TOO_LONG", "reason is too long (maximum is 1000 characters)"));
        }
        LocalDate dateOfBirth = dateOfBirth(form.dateOfBirth(), today, errors);
        if (dateOfBirth != null && (country == null || COUNTRIES.contains(country))
                && !agePolicy.oldEnough(dateOfBirth, country, today)) {
            int minimum = agePolicy.minimumAge(country);
            errors.add(new FieldError("date_of_birth", "ERR_BELOW_LIMIT",
                    "date_of_birth is below the minimum age of " + minimum
                            + (country == null ? "" : " for " + country)));
        }
        if (errors.stream().noneMatch(e -> e.field().equals("username")) && accounts.usernameTaken(username)) {
            errors.add(new FieldError("username", "ERR_TAKEN", "username has already been taken"));
        }
        if (errors.stream().noneMatch(e -> e.field().equals("email")) && accounts.emailTaken(email)) {
            errors.add(new FieldError("email", "ERR_TAKEN", "email has already been taken"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }

        Instant now = clock.instant();
        boolean firstAdmin = settings.firstAccountAdmin() && accounts.count() == 0;
        Account account = new Account(ids.next(), username, email, passwords.encode(form.password()), dateOfBirth,
                // Minors are not discoverable by default (child safety); adults are, as in Mastodon.
                country, locale, "", "", null, null, false, false, !isMinor(dateOfBirth, now),
                firstAdmin ? Role.ADMIN : Role.USER,
                settings.mode() == RegistrationMode.OPEN || firstAdmin, reason, null, null, false, now, now);
        accounts.insert(account);
        if (firstAdmin) {
            audit.record(null, "account.role.first_admin", "account", account.id(),
                    "first account on a fresh install made admin (omnia.registrations.first-account-admin)");
        }
        return account;
    }

    private static boolean isMinor(LocalDate dateOfBirth, Instant now) {
        return java.time.Period.between(dateOfBirth, now.atZone(java.time.ZoneOffset.UTC).toLocalDate()).getYears()
                < Account.ADULT_AGE;
    }

    private static LocalDate dateOfBirth(String text, LocalDate today, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("date_of_birth", "ERR_BLANK", "date_of_birth can't be blank"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.trim());
            if (date.isAfter(today) || date.isBefore(today.minusYears(130))) {
                errors.add(new FieldError("date_of_birth", "ERR_INVALID", "date_of_birth is not a plausible date"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("date_of_birth", "ERR_INVALID", "date_of_birth must be a date like 2001-12-31"));
            return null;
        }
    }

    private static String usernameMessage(String code) {
        return switch (code) {
            case "ERR_BLANK" -> "can't be blank";
            case "ERR_TOO_LONG" -> "is too long (maximum is 30 characters)";
            case "ERR_RESERVED" -> "is reserved";
            default -> "must contain only letters, numbers and underscores";
        };
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }
}

package app.omnia.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;

/** An account as stored. Secrets appear only as hashes or sealed text. */
public record Account(
        long id,
        String username,
        String email,
        String passwordHash,
        LocalDate dateOfBirth,
        String country,
        String locale,
        String displayName,
        String note,
        String avatarFile,
        String headerFile,
        boolean locked,
        boolean bot,
        boolean discoverable,
        Role role,
        boolean approved,
        String registrationReason,
        Instant suspendedAt,
        String totpSecret,
        boolean totpEnabled,
        Instant createdAt,
        Instant updatedAt) {

    public static final int ADULT_AGE = 18;

    public boolean suspended() {
        return suspendedAt != null;
    }

    /** Minors are computed from the birth date on each read, so an account stops being one on its birthday. */
    public boolean minorOn(LocalDate today) {
        return minor(dateOfBirth, today);
    }

    public static boolean minor(LocalDate dateOfBirth, LocalDate today) {
        return Period.between(dateOfBirth, today).getYears() < ADULT_AGE;
    }

    /** This account for places that show it, where the password hash and two-factor secret have no business. */
    public Account withoutSecrets() {
        return new Account(id, username, email, null, dateOfBirth, country, locale, displayName, note, avatarFile,
                headerFile, locked, bot, discoverable, role, approved, registrationReason, suspendedAt, null,
                totpEnabled, createdAt, updatedAt);
    }

    /** What decides an account's payment caps: a minor today, and whether staff verified anything about it. */
    public record Standing(boolean minor, boolean verified) {}

    /** Whether the account may sign in and use tokens at all. */
    public boolean canAct() {
        return approved && !suspended();
    }
}

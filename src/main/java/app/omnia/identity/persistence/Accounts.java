package app.omnia.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.identity.Role;
import app.omnia.platform.persistence.SqlTime;
import app.omnia.identity.Account;

/** The accounts table. Usernames and emails are unique regardless of case (kept in *_key columns). */
@Repository
public class Accounts {

    private final JdbcClient jdbc;
    private final AccountProfileCache cache;
    private final CredentialCache credentials;

    /** Without a cache (tests that use the store alone). */
    public Accounts(JdbcClient jdbc) {
        this(jdbc, null, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public Accounts(JdbcClient jdbc, AccountProfileCache cache, CredentialCache credentials) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.credentials = credentials;
    }

    /**
     * Every write of an account row ends here: the cached profile and the account its tokens are cached with
     * go once the transaction is over. Called after the write: outside a transaction the eviction is at once,
     * and a load between an eviction and the write would cache the old row again.
     */
    private void changed(long id) {
        if (cache != null) {
            cache.invalidate(id);
        }
        if (credentials != null) {
            credentials.accountChanged(id);
        }
    }

    public void insert(Account a) {
        jdbc.sql("""
                INSERT INTO accounts (id, username, username_key, email, email_key, password_hash, date_of_birth,
                    country, locale, display_name, note, locked, bot, discoverable, role, approved,
                    registration_reason, created_at, updated_at)
                VALUES (:id, :username, :usernameKey, :email, :emailKey, :passwordHash, :dob, :country, :locale,
                    :displayName, :note, :locked, :bot, :discoverable, :role, :approved, :reason, :createdAt, :updatedAt)
                """)
                .param("id", a.id())
                .param("username", a.username())
                .param("usernameKey", key(a.username()))
                .param("email", a.email())
                .param("emailKey", key(a.email()))
                .param("passwordHash", a.passwordHash())
                .param("dob", a.dateOfBirth())
                .param("country", a.country())
                .param("locale", a.locale())
                .param("displayName", a.displayName())
                .param("note", a.note())
                .param("locked", a.locked())
                .param("bot", a.bot())
                .param("discoverable", a.discoverable())
                .param("role", a.role().key())
                .param("approved", a.approved())
                .param("reason", a.registrationReason())
                .param("createdAt", SqlTime.of(a.createdAt()))
                .param("updatedAt", SqlTime.of(a.updatedAt()))
                .update();
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql("SELECT * FROM accounts WHERE id = ?").param(id).query(Accounts::map).optional();
    }

    public List<Account> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM accounts WHERE id IN (:ids)").param("ids", ids).query(Accounts::map).list();
    }

    /** Birth date and whether staff verified anything, for several accounts in one query (absent: no such account). */
    public java.util.Map<Long, Account.Standing> standings(Collection<Long> ids, java.time.LocalDate today) {
        java.util.Map<Long, Account.Standing> standings = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return standings;
        }
        jdbc.sql("""
                SELECT a.id, a.date_of_birth,
                       EXISTS (SELECT 1 FROM account_verifications v WHERE v.account_id = a.id) AS verified
                FROM accounts a WHERE a.id IN (:ids)""")
                .param("ids", ids)
                .query(rs -> {
                    var born = rs.getObject("date_of_birth", java.time.LocalDate.class);
                    standings.put(rs.getLong("id"), new Account.Standing(born != null && Account.minor(born, today),
                            rs.getBoolean("verified")));
                });
        return standings;
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("SELECT * FROM accounts WHERE username_key = ?").param(key(username))
                .query(Accounts::map).optional();
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM accounts WHERE email_key = ?").param(key(email)).query(Accounts::map).optional();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE username_key = ?").param(key(username))
                .query(Long.class).single() > 0;
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email_key = ?").param(key(email))
                .query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
    }

    /** Accounts that can be seen: approved and not suspended. */
    public long countActive() {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE approved = TRUE AND suspended_at IS NULL")
                .query(Long.class).single();
    }

    public void updateProfile(long id, String displayName, String note, boolean locked, boolean bot,
                              boolean discoverable, String avatarFile, String headerFile, Instant now) {
        jdbc.sql("""
                UPDATE accounts SET display_name = :displayName, note = :note, locked = :locked, bot = :bot,
                    discoverable = :discoverable, avatar_file = :avatar, header_file = :header, updated_at = :now
                WHERE id = :id
                """)
                .param("displayName", displayName).param("note", note).param("locked", locked).param("bot", bot)
                .param("discoverable", discoverable).param("avatar", avatarFile).param("header", headerFile)
                .param("now", SqlTime.of(now)).param("id", id)
                .update();
        changed(id);
    }

    public void updatePasswordHash(long id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE accounts SET password_hash = ?, updated_at = ? WHERE id = ?")
                .params(passwordHash, SqlTime.of(now), id).update();
        changed(id);
    }

    public void updateRole(long id, Role role, Instant now) {
        jdbc.sql("UPDATE accounts SET role = ?, updated_at = ? WHERE id = ?").params(role.key(), SqlTime.of(now), id).update();
        changed(id);
    }

    public void updateApproved(long id, boolean approved, Instant now) {
        jdbc.sql("UPDATE accounts SET approved = ?, updated_at = ? WHERE id = ?").params(approved, SqlTime.of(now), id)
                .update();
        changed(id);
    }

    public void updateSuspendedAt(long id, Instant suspendedAt, Instant now) {
        jdbc.sql("UPDATE accounts SET suspended_at = ?, updated_at = ? WHERE id = ?")
                .params(suspendedAt == null ? null : SqlTime.of(suspendedAt), SqlTime.of(now), id).update();
        changed(id);
    }

    /** Mastodon's "disable": login refused (null enables it again); the account and its posts stay. */
    public void updateLoginDisabledAt(long id, Instant disabledAt, Instant now) {
        jdbc.sql("UPDATE accounts SET login_disabled_at = ?, updated_at = ? WHERE id = ?")
                .params(disabledAt == null ? null : SqlTime.of(disabledAt), SqlTime.of(now), id).update();
    }

    public boolean loginDisabled(long id) {
        return jdbc.sql("SELECT COUNT(*) FROM accounts WHERE id = ? AND login_disabled_at IS NOT NULL").param(id)
                .query(Long.class).single() > 0;
    }

    /** Records the time step of an accepted TOTP code, only if it is newer: two racing uses cannot both win. */
    public boolean useTotpStep(long id, long step) {
        return jdbc.sql("UPDATE accounts SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")
                .params(step, id, step).update() > 0;
    }

    public long totpLastStep(long id) {
        return jdbc.sql("SELECT totp_last_step FROM accounts WHERE id = ?").param(id).query(Long.class).single();
    }

    public void updateTotp(long id, String sealedSecret, boolean enabled, Instant now) {
        jdbc.sql("UPDATE accounts SET totp_secret = ?, totp_enabled = ?, updated_at = ? WHERE id = ?")
                .params(sealedSecret, enabled, SqlTime.of(now), id).update();
        changed(id);
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM accounts WHERE id = ?").param(id).update();
        changed(id);
    }

    public static String key(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("email"),
                rs.getString("password_hash"),
                rs.getObject("date_of_birth", java.time.LocalDate.class),
                rs.getString("country"),
                rs.getString("locale"),
                rs.getString("display_name"),
                rs.getString("note"),
                rs.getString("avatar_file"),
                rs.getString("header_file"),
                rs.getBoolean("locked"),
                rs.getBoolean("bot"),
                rs.getBoolean("discoverable"),
                Role.fromKey(rs.getString("role")),
                rs.getBoolean("approved"),
                rs.getString("registration_reason"),
                SqlTime.read(rs, "suspended_at"),
                rs.getString("totp_secret"),
                rs.getBoolean("totp_enabled"),
                SqlTime.read(rs, "created_at"),
                SqlTime.read(rs, "updated_at"));
    }

}

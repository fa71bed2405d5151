package app.omnia.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.domain.AccountPolicy;
import app.omnia.identity.domain.PasswordRule;
import app.omnia.identity.domain.ProfileField;
import app.omnia.identity.persistence.AccountFields;
import app.omnia.identity.persistence.AccountProfileCache;
import app.omnia.identity.persistence.Accounts;
import app.omnia.identity.persistence.CredentialCache;
import app.omnia.identity.persistence.Verifications;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.ApiException.FieldError;

/** Reading accounts and changing one's own profile and password. The module's facade for other modules. */
@Service
public class AccountService {

    public static final int MAX_DISPLAY_NAME = 30;

    /** Before any module keeps counters (and in identity's own tests). */
    private static final AccountCounts.Source NO_COUNTS = new AccountCounts.Source() {
        @Override
        public AccountCounts of(long accountId) {
            return AccountCounts.NONE;
        }

        @Override
        public long pendingFollowRequests(long accountId) {
            return 0;
        }
    };
    public static final int MAX_NOTE = 500;

    private final Accounts accounts;
    private final AccountFields fields;
    private final Verifications verifications;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ObjectProvider<AccountCounts.Source> counts;
    /** The source once found: looking a bean up costs more than a page's cache reads, and it never changes. */
    private volatile AccountCounts.Source countSource;
    private final CredentialRevocation revocation;
    private final AccountProfileCache profileCache;
    private final CredentialCache credentialCache;

    AccountService(Accounts accounts, AccountFields fields, Verifications verifications,
                   PasswordEncoder passwords, Clock clock,
                   ObjectProvider<AccountCounts.Source> counts, CredentialRevocation revocation,
                   AccountProfileCache profileCache, CredentialCache credentialCache) {
        this.profileCache = profileCache;
        this.credentialCache = credentialCache;
        this.revocation = revocation;
        this.counts = counts;
        this.accounts = accounts;
        this.fields = fields;
        this.verifications = verifications;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** An account the viewer may see, or 404 (pending accounts are not found, as in Mastodon). */
    public AccountView visible(Viewer viewerOrNull, long id) {
        return view(visibleAccount(viewerOrNull, id));
    }

    public AccountView visibleByUsername(Viewer viewerOrNull, String username) {
        return view(visibleAccountByUsername(viewerOrNull, username));
    }

    /** {@link #visible} without the rendering (profile, counters): one query, for callers that need the account. */
    public Account visibleAccount(Viewer viewerOrNull, long id) {
        return accounts.findById(id).filter(a -> AccountPolicy.canSee(viewerOrNull, a))
                .orElseThrow(ApiException::notFound);
    }

    /** {@link #visibleByUsername} without the rendering: one query. */
    public Account visibleAccountByUsername(Viewer viewerOrNull, String username) {
        return accounts.findByUsername(username).filter(a -> AccountPolicy.canSee(viewerOrNull, a))
                .orElseThrow(ApiException::notFound);
    }

    /**
     * {@link #visibleAccount} from the credentials' account cache (no query when warm, one on a miss), for hot
     * paths that only need the row; that cache is evicted by every write of the account row.
     */
    public Account visibleCachedAccount(Viewer viewerOrNull, long id) {
        return cachedAccount(id).filter(a -> AccountPolicy.canSee(viewerOrNull, a)).orElseThrow(ApiException::notFound);
    }

    /** {@link #visibleAccountByUsername} from the caches: no query when warm, two the first time. */
    public Account visibleCachedAccountByUsername(Viewer viewerOrNull, String username) {
        String key = Accounts.key(username);
        Optional<Account> cached = credentialCache.idOfUsername(key).flatMap(this::cachedAccount)
                .filter(a -> Accounts.key(a.username()).equals(key));
        if (cached.isEmpty()) {
            // The row is then read again by id through the cache: caching this read could put back a row changed
            // meanwhile (the cache only guards reads it makes itself).
            Optional<Long> id = accounts.findByUsername(username).map(Account::id);
            id.ifPresent(found -> credentialCache.rememberUsername(key, found));
            cached = id.flatMap(this::cachedAccount);
        }
        return cached.filter(a -> AccountPolicy.canSee(viewerOrNull, a)).orElseThrow(ApiException::notFound);
    }

    /**
     * The account row from the credentials' account cache: no query when warm (an account that just presented
     * its token always is), one on a miss.
     */
    public Optional<Account> cachedAccount(long id) {
        return credentialCache.account(id, accounts::findById);
    }

    public Optional<Account> find(long id) {
        return accounts.findById(id);
    }

    /** Each existing account's {@link Account.Standing} on that day, for several accounts in one query. */
    public Map<Long, Account.Standing> standings(Collection<Long> ids, java.time.LocalDate today) {
        return accounts.standings(ids, today);
    }

    /** Follow requests waiting for the account, capped at 40 as Mastodon reports them. */
    public long pendingFollowRequests(long accountId) {
        return Math.min(40, countSource().pendingFollowRequests(accountId));
    }

    /** What staff verified about the account: organisation and government mark official accounts; the wallet's
     * spending tiers read it too. */
    public java.util.Set<VerificationKind> verificationKinds(long accountId) {
        return verifications.list(accountId).stream().map(Verifications.Granted::kind)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Optional<Account> findByUsername(String username) {
        return accounts.findByUsername(username);
    }

    /**
     * Several accounts at once, for timelines and lists: the profiles from the cache (the misses in three
     * queries), the counters in one query.
     */
    public Map<Long, AccountView> views(Collection<Long> ids) {
        Map<Long, AccountView> views = new HashMap<>();
        if (ids.isEmpty()) {
            return views;
        }
        Map<Long, AccountProfileCache.Profile> profiles = profileCache.getAll(ids, this::loadProfiles);
        Map<Long, AccountCounts> allCounts = countSource().ofAll(profiles.keySet());
        profiles.forEach((id, p) -> views.put(id, new AccountView(p.account(), p.fields(), p.verifications(),
                allCounts.getOrDefault(id, AccountCounts.NONE))));
        return views;
    }

    /** Which of these accounts are suspended, from the cached accounts (no query when warm). */
    public java.util.Set<Long> suspended(Collection<Long> ids) {
        java.util.Set<Long> suspended = new java.util.HashSet<>();
        if (!ids.isEmpty()) {
            profileCache.getAll(ids, this::loadProfiles).forEach((id, p) -> {
                if (p.account().suspended()) {
                    suspended.add(id);
                }
            });
        }
        return suspended;
    }

    private Map<Long, AccountProfileCache.Profile> loadProfiles(Collection<Long> ids) {
        Map<Long, AccountProfileCache.Profile> profiles = new HashMap<>();
        List<Account> found = accounts.findByIds(ids);
        if (found.isEmpty()) {
            return profiles;
        }
        List<Long> foundIds = found.stream().map(Account::id).toList();
        Map<Long, List<ProfileField>> allFields = fields.listFor(foundIds);
        Map<Long, List<Verifications.Granted>> allVerifications = verifications.listFor(foundIds);
        for (Account account : found) {
            profiles.put(account.id(), new AccountProfileCache.Profile(account.withoutSecrets(),
                    List.copyOf(allFields.getOrDefault(account.id(), List.of())),
                    List.copyOf(allVerifications.getOrDefault(account.id(), List.of()))));
        }
        return profiles;
    }

    public AccountView view(Account account) {
        return new AccountView(account, fields.list(account.id()), verifications.list(account.id()),
                countSource().of(account.id()));
    }

    /** The module that counts (social), or none yet: only a found one is kept, so one asked too early is asked again. */
    private AccountCounts.Source countSource() {
        AccountCounts.Source source = countSource;
        if (source == null) {
            source = counts.getIfAvailable();
            if (source == null) {
                return NO_COUNTS;
            }
            countSource = source;
        }
        return source;
    }

    @Transactional
    public AccountView updateProfile(Viewer viewer, ProfileChanges changes) {
        Account account = accounts.findById(viewer.accountId()).orElseThrow(ApiException::notFound);
        if (!AccountPolicy.canEditProfile(viewer, account)) {
            throw ApiException.forbidden("This action is not allowed");
        }
        List<FieldError> errors = new ArrayList<>();
        String displayName = changes.displayName().map(String::strip).orElse(account.displayName());
        if (displayName.length() > MAX_DISPLAY_NAME) {
            errors.add(new FieldError("display_name", "ERR_TOO_LONG", "display_name is too long (maximum is 30 characters)"));
        }
        String note = changes.note().map(String::strip).orElse(account.note());
        if (note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "ERR_TOO_LONG", "note is too long (maximum is 500 characters)"));
        }
        List<ProfileField> newFields = changes.fields().map(list -> list.stream()
                .filter(f -> !(f.name().isBlank() && f.value().isBlank())).toList()).orElse(null);
        if (newFields != null) {
            if (newFields.size() > ProfileField.MAX_FIELDS) {
                errors.add(new FieldError("fields_attributes", "ERR_TOO_LONG", "fields_attributes has more than 4 fields"));
            }
            if (newFields.stream().anyMatch(f -> f.name().length() > ProfileField.MAX_LENGTH
                    || f.value().length() > ProfileField.MAX_LENGTH)) {
                errors.add(new FieldError("fields_attributes", "ERR_TOO_LONG",
                        "fields_attributes names and values are limited to 255 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        accounts.updateProfile(account.id(), displayName, note,
                changes.locked().orElse(account.locked()), changes.bot().orElse(account.bot()),
                changes.discoverable().orElse(account.discoverable()),
                changes.avatar().map(i -> i.fileName()).orElse(account.avatarFile()),
                changes.header().map(i -> i.fileName()).orElse(account.headerFile()), clock.instant());
        if (newFields != null) {
            fields.replace(account.id(), newFields);
        }
        return view(accounts.findById(account.id()).orElseThrow());
    }

    /** Changing the password ends every session and token: whoever knew the old one is locked out. */
    @Transactional
    public void changePassword(Viewer viewer, String currentPassword, String newPassword) {
        Account account = accounts.findById(viewer.accountId()).orElseThrow(ApiException::notFound);
        if (!AccountPolicy.canEditProfile(viewer, account)) {
            throw ApiException.forbidden("This action is not allowed");
        }
        if (currentPassword == null || !passwords.matches(currentPassword, account.passwordHash())) {
            throw ApiException.validation("current_password", "ERR_INVALID", "current_password is not correct");
        }
        PasswordRule.violation(newPassword, account.username(), account.email()).ifPresent(v -> {
            throw ApiException.validation("password", v[0], v[1]);
        });
        accounts.updatePasswordHash(account.id(), passwords.encode(newPassword), clock.instant());
        revocation.revokeEverything(account.id());
    }
}

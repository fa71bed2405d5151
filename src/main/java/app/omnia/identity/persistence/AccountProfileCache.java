package app.omnia.identity.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import app.omnia.identity.Account;
import app.omnia.identity.domain.ProfileField;
import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;

/**
 * Accounts as timelines show them (the row, profile fields, verifications), cached in each copy. The stores
 * that write any of these invalidate the account in the same breath: profile, role, approval, suspension,
 * password or two-factor changes, deletion, fields, verifications. Counters are not cached (they change with
 * every post and follow) and are read per page. With Redis the profiles are shared between copies, so they
 * never hold the password hash or the two-factor secret (see {@link Account#withoutSecrets}).
 */
@Component
public class AccountProfileCache {

    public record Profile(Account account, List<ProfileField> fields, List<Verifications.Granted> verifications) {}

    private final SharedCache<Profile> cache;

    AccountProfileCache(SharedCaches caches, CacheSettings settings) {
        this.cache = caches.createShared("accounts", settings.accounts(), Profile.class);
    }

    public Map<Long, Profile> getAll(Collection<Long> ids, Function<Set<Long>, Map<Long, Profile>> loader) {
        return cache.getAll(ids, loader);
    }

    public void invalidate(long accountId) {
        cache.invalidate(accountId);
    }

    /** Forgets what this copy holds in memory, keeping the shared tier (tests of a copy whose memory is cold). */
    public void clearHere() {
        cache.clearHere();
    }

    /** For tests that measure a cold cache or write rows behind the application's back. */
    public void clear() {
        cache.clear();
    }
}

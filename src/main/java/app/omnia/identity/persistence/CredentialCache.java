package app.omnia.identity.persistence;

import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.omnia.identity.Account;
import app.omnia.platform.cache.CacheSettings;
import app.omnia.platform.cache.SharedCache;
import app.omnia.platform.cache.SharedCaches;

/**
 * Valid access tokens and web sessions and their accounts, cached in each copy for {@code omnia.cache.token-ttl} at most: every
 * request and every socket re-check presents a token, and this saves the lookup. Two caches, so that each is
 * evicted by the write that changes it:
 * <ul>
 * <li>the token row, by a key taken from its hash (the entry keeps the whole hash: a clash is a miss), evicted
 *     when the token is revoked ({@link #tokensRevoked});</li>
 * <li>the web session row, likewise by its cookie's hash, evicted when sessions end ({@link #sessionsEnded});</li>
 * <li>the account, by id, evicted by every write of the account row ({@link Accounts}: role, approval,
 *     suspension...) and by sign-out. A cached token whose account is not cached is checked again in full.</li>
 * </ul>
 * Refused tokens (unknown, revoked) are never cached: a new one works at once, a revoked one fails at once.
 */
@Component
public class CredentialCache {

    private record CachedToken(String hash, AccessTokens.Token token) {}

    private record CachedSession(String hash, WebSessions.Session session) {}

    private final SharedCache<CachedToken> tokens;
    private final SharedCache<CachedSession> sessions;
    private final SharedCache<Account> accounts;
    private final Cache<String, Long> idsByUsername;

    CredentialCache(SharedCaches caches, CacheSettings settings) {
        this.idsByUsername = Caffeine.newBuilder().maximumSize(settings.tokens()).build();
        this.tokens = caches.create("access-tokens", settings.tokens(), settings.tokenTtl());
        this.sessions = caches.create("web-sessions", settings.tokens(), settings.tokenTtl());
        this.accounts = caches.create("credential-accounts", settings.tokens(), settings.tokenTtl());
    }

    /**
     * The web session with this cookie hash, from the cache or else from {@code load}; the caller checks its
     * expiry, which a cached entry may have passed. Unknown cookies are not cached.
     */
    public Optional<WebSessions.Session> session(String cookieHash, Supplier<Optional<WebSessions.Session>> load) {
        long key = key(cookieHash);
        CachedSession cached = sessions.getAll(List.of(key), missing -> load.get()
                .map(s -> Map.of(key, new CachedSession(cookieHash, s))).orElse(Map.of())).get(key);
        if (cached == null) {
            return Optional.empty();
        }
        // Two hashes share a key: read this one every time.
        return cached.hash().equals(cookieHash) ? Optional.of(cached.session()) : load.get();
    }

    /** The account a web session belongs to, from the cache or else from {@code load}. */
    public Optional<Account> account(long accountId, Supplier<Optional<Account>> load) {
        return Optional.ofNullable(accounts.getAll(List.of(accountId), missing -> load.get()
                .map(a -> Map.of(accountId, a)).orElse(Map.of())).get(accountId));
    }

    /** These web sessions ended (signed out): evicted here and on every copy once the transaction is over. */
    public void sessionsEnded(Collection<String> cookieHashes) {
        sessions.invalidate(cookieHashes.stream().map(CredentialCache::key).toList());
    }

    /**
     * The active token with this hash and its account (null for an app-only token), from the cache or else
     * from {@code load} (one query: the token joined to its account).
     */
    public Optional<AccessTokens.Active> find(String tokenHash, Supplier<Optional<AccessTokens.Active>> load) {
        long key = key(tokenHash);
        AccessTokens.Active[] loaded = new AccessTokens.Active[1];
        long accountStamp = accounts.stamp();
        CachedToken cached = tokens.getAll(List.of(key), missing -> {
            loaded[0] = load.get().orElse(null);
            return loaded[0] == null ? Map.of() : Map.of(key, new CachedToken(tokenHash, loaded[0].token()));
        }).get(key);
        if (loaded[0] != null) {
            remember(loaded[0], accountStamp);
            return Optional.of(loaded[0]);
        }
        if (cached == null) {
            return Optional.empty();
        }
        if (!cached.hash().equals(tokenHash)) {
            // Two hashes share a key: not worth a cache of its own, read this one every time.
            return load.get();
        }
        Long accountId = cached.token().accountId();
        if (accountId == null) {
            return Optional.of(new AccessTokens.Active(cached.token(), null));
        }
        Account account = accounts.getAll(List.of(accountId), missing -> load.get()
                .filter(a -> a.account() != null).map(a -> Map.of(accountId, a.account())).orElse(Map.of()))
                .get(accountId);
        // No account: the token was revoked meanwhile (the full check found nothing), or the account is gone.
        return account == null ? Optional.empty() : Optional.of(new AccessTokens.Active(cached.token(), account));
    }

    /** Keeps the account read with the token, unless it was evicted since {@code stamp} (taken before the read). */
    private void remember(AccessTokens.Active active, long stamp) {
        if (active.account() != null) {
            accounts.put(active.account().id(), active.account(), stamp);
        }
    }

    /**
     * The account row by id, from this cache (every account that just presented a token is in it) or else from
     * {@code load} (cached when found): for hot paths that need only the row, at one query on a miss.
     */
    public Optional<Account> account(long accountId, Function<Long, Optional<Account>> load) {
        return Optional.ofNullable(accounts.getAll(List.of(accountId), missing -> load.apply(accountId)
                .map(a -> Map.of(accountId, a)).orElse(Map.of())).get(accountId));
    }

    /**
     * The id of the account with this username key, if this copy met it: a username never changes, so an entry
     * needs no invalidation; callers check it against the cached row, so one left by a deleted account misses.
     */
    public Optional<Long> idOfUsername(String usernameKey) {
        return Optional.ofNullable(idsByUsername.getIfPresent(usernameKey));
    }

    public void rememberUsername(String usernameKey, long accountId) {
        idsByUsername.put(usernameKey, accountId);
    }

    /** These tokens were revoked: evicted here and on every copy once the transaction is over. */
    public void tokensRevoked(Collection<String> tokenHashes) {
        tokens.invalidate(tokenHashes.stream().map(CredentialCache::key).toList());
    }

    /** The account row changed (role, approval, suspension...) or its credentials ended. */
    public void accountChanged(long accountId) {
        accounts.invalidate(accountId);
    }

    /** For tests that measure a cold cache. */
    public void clear() {
        tokens.clear();
        sessions.clear();
        accounts.clear();
        idsByUsername.invalidateAll();
    }

    /** The first 64 bits of the SHA-256 (hex): as good a key as any, and a clash only costs a query. */
    static long key(String tokenHash) {
        return tokenHash.length() >= 16 ? HexFormat.fromHexDigitsToLong(tokenHash, 0, 16) : tokenHash.hashCode();
    }
}

package app.omnia.platform.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hydration caches ({@code omnia.cache.*}): how many statuses and accounts each server copy keeps in
 * memory, and how long an entry may live at most. The TTL only bounds the damage of an invalidation lost
 * between copies (Redis pub/sub keeps nothing); every write that changes what is cached invalidates it at once.
 *
 * @param statuses most statuses kept (0 turns the cache off)
 * @param accounts most accounts kept (0 turns the cache off)
 * @param ttl      longest life of an entry
 * @param conversations most chat rosters (a conversation's kind and members' seats) kept (0 turns it off)
 * @param tokens   most access tokens kept with their account's standing (0 turns it off)
 * @param tokenTtl longest life of a cached token: a revocation evicts it at once, this only bounds a lost one
 * @param moderation most statuses' and accounts' moderation marks kept (0 turns it off)
 * @param clockSkew how far the server copies' clocks may differ at most: with Redis, a row written to the
 *                  database is shared again through Redis only by loads that began this long after the write
 */
@ConfigurationProperties("omnia.cache")
public record CacheSettings(long statuses, long accounts, Duration ttl, long conversations, long tokens,
                            Duration tokenTtl, long moderation, Duration clockSkew) {

    public CacheSettings {
        if (clockSkew == null) {
            clockSkew = Duration.ofSeconds(1);
        }
        if (statuses < 0 || accounts < 0 || ttl == null || ttl.isNegative() || ttl.isZero() || conversations < 0
                || tokens < 0 || tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero() || moderation < 0
                || clockSkew.isNegative()) {
            throw new IllegalArgumentException("omnia.cache.* settings out of range (see the README)");
        }
    }
}

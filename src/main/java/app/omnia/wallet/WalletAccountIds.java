package app.omnia.wallet;

import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.omnia.platform.cache.CacheSettings;

/**
 * The wallet account id of each (party, asset) a posting met, in this copy's memory. A wallet account is never
 * deleted, moved or given another id once created, so an id cached here can never be stale and needs no
 * invalidation between copies. Only ids of committed rows are put here ({@link LedgerService} creates the
 * accounts in a transaction of its own first): a rolled-back row is never cached. Sized like the accounts cache
 * ({@code omnia.cache.accounts}, 0 turns it off).
 */
@Component
class WalletAccountIds {

    private record Key(Party party, String asset) {}

    private final Cache<Key, Long> ids;

    WalletAccountIds(CacheSettings settings) {
        this.ids = Caffeine.newBuilder().maximumSize(settings.accounts()).build();
    }

    Optional<Long> find(Party party, String asset) {
        return Optional.ofNullable(ids.getIfPresent(new Key(party, asset)));
    }

    /** Call only once the row is committed. */
    void remember(Party party, String asset, long walletAccountId) {
        ids.put(new Key(party, asset), walletAccountId);
    }
}

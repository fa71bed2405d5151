package app.omnia.social;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import app.omnia.identity.Account;
import app.omnia.identity.AccountService;
import app.omnia.platform.streaming.StreamGate;

/**
 * Blocks and mutes on the streaming socket, as on every other read path: a listener gets no event that
 * shows an account they block, that blocks them, or that they muted. Minors get the version of an event
 * without sensitive media, as the REST read paths show it to them.
 */
@Component
class SocialStreamGate implements StreamGate {

    private final FollowService follows;
    private final AccountService accounts;
    private final Clock clock;
    // Only the date of birth is read from these, and it never changes, so they are cached without expiry
    // (bounded): a sensitive post sent to a crowded public stream asks the database once per listener ever, not
    // once per listener per post. Whether that date makes a minor is computed on each event (ends on the birthday).
    private final Cache<Long, Optional<Account>> birthDates = Caffeine.newBuilder().maximumSize(100_000).build();

    SocialStreamGate(FollowService follows, AccountService accounts, Clock clock) {
        this.follows = follows;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public boolean allows(long listenerAccountId, Set<Long> involvedAccounts) {
        Set<Long> hidden = follows.hiddenFrom(listenerAccountId);
        Set<Long> muted = follows.mutedBy(listenerAccountId);
        return involvedAccounts.stream().noneMatch(id -> hidden.contains(id) || muted.contains(id));
    }

    @Override
    public boolean isMinor(long listenerAccountId) {
        Optional<Account> listener = birthDates.get(listenerAccountId, accounts::find);
        // An account gone since it connected gets the cautious version.
        return listener.map(account -> account.minorOn(LocalDate.now(clock))).orElse(true);
    }
}

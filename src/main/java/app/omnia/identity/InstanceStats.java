package app.omnia.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import app.omnia.identity.persistence.Accounts;
import app.omnia.platform.OmniaProperties;

/**
 * The user count of the instance documents, kept as Mastodon keeps it: counting the accounts table costs tens
 * of milliseconds on a large server, and apps fetch these documents anonymously and often. Only the very first
 * request counts; once the count is older than {@code omnia.instance.stats-refresh}, requests go on answering
 * with it while one recount runs in the background.
 */
@Component
public class InstanceStats {

    private static final Logger log = LoggerFactory.getLogger(InstanceStats.class);

    private record Count(long users, Instant countedAt) {}

    private final LongSupplier countUsers;
    private final Clock clock;
    private final Duration refresh;
    private final Executor background;
    private final AtomicBoolean recounting = new AtomicBoolean();
    private volatile Count last;

    @Autowired
    public InstanceStats(Accounts accounts, Clock clock, OmniaProperties settings) {
        this(accounts::countActive, clock, settings.instance().statsRefresh(),
                task -> Thread.ofVirtual().name("instance-stats").start(task));
    }

    InstanceStats(LongSupplier countUsers, Clock clock, Duration refresh, Executor background) {
        this.countUsers = countUsers;
        this.clock = clock;
        this.refresh = refresh;
        this.background = background;
    }

    /** Accounts that can be seen (approved, not suspended), as of at most one refresh interval ago. */
    public long users() {
        Count count = last;
        if (count == null) {
            return first().users();
        }
        if (!clock.instant().isBefore(count.countedAt().plus(refresh)) && recounting.compareAndSet(false, true)) {
            try {
                background.execute(this::recount);
            } catch (RuntimeException e) {
                recounting.set(false);
                throw e;
            }
        }
        return count.users();
    }

    /** Concurrent first requests wait for one count rather than each running it. */
    private synchronized Count first() {
        if (last == null) {
            last = countNow();
        }
        return last;
    }

    private void recount() {
        try {
            last = countNow();
        } catch (RuntimeException e) {
            // The old count stays; the next request after the interval tries again.
            log.warn("could not recount the instance's users", e);
        } finally {
            recounting.set(false);
        }
    }

    private Count countNow() {
        Instant at = clock.instant();
        return new Count(countUsers.getAsLong(), at);
    }
}

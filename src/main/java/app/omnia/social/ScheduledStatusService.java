package app.omnia.social;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.identity.Account;
import app.omnia.identity.AccountService;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;
import app.omnia.social.persistence.ScheduledStatuses;
import app.omnia.social.persistence.ScheduledStatuses.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * Statuses posted later (Mastodon's {@code scheduled_at}). A request is checked in full when it is
 * scheduled, so that mistakes are told at once; it is stored as sent and posted by
 * {@link #publishDue} once its time has passed, as its author, with the same checks again (the thread may
 * have changed meanwhile). Mastodon's limits apply: at least 5 minutes ahead, 300 waiting, 50 on one day.
 */
@Service
public class ScheduledStatusService {

    static final Duration MIN_LEAD = Duration.ofMinutes(5);
    static final int MAX_WAITING = 300;
    static final int MAX_PER_DAY = 50;
    private static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(ScheduledStatusService.class);

    /** A scheduled status with its request, as the API shows it. */
    public record ScheduledStatus(long id, Instant scheduledAt, NewStatus request, Long applicationId,
                                  Instant createdAt) {}

    private final ScheduledStatuses store;
    private final StatusService statuses;
    private final AccountService accounts;
    private final IdempotencyKeys idempotency;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final JsonMapper json;
    private final MediaService media;

    ScheduledStatusService(ScheduledStatuses store, StatusService statuses, MediaService media, AccountService accounts,
                           IdempotencyKeys idempotency, TransactionTemplate transactions, IdGenerator ids, Clock clock,
                           JsonMapper json) {
        this.store = store;
        this.statuses = statuses;
        this.media = media;
        this.accounts = accounts;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.json = json;
    }

    @Transactional
    public ScheduledStatus schedule(Viewer viewer, NewStatus request, String idempotencyKey) {
        long owner = viewer.accountId();
        long id = idempotency.once(owner, idempotencyKey, json.writeValueAsString(request), () -> {
            Instant at = when(request.scheduledAt());
            statuses.validate(viewer, request);
            requireRoom(owner, at);
            Scheduled scheduled = new Scheduled(ids.next(), owner, viewer.applicationId(), at,
                    json.writeValueAsString(request), clock.instant());
            store.insert(scheduled);
            media.reserveForScheduled(owner, request.mediaIds(), scheduled.id());
            return scheduled.id();
        });
        return get(owner, id);
    }

    public ScheduledStatus get(long accountId, long id) {
        return store.find(accountId, id).map(this::view).orElseThrow(ApiException::notFound);
    }

    public List<ScheduledStatus> page(long accountId, PageRequest page) {
        return store.page(accountId, page).stream().map(this::view).toList();
    }

    @Transactional
    public ScheduledStatus reschedule(long accountId, long id, String scheduledAt) {
        get(accountId, id);
        Instant at = when(scheduledAt);
        requireRoom(accountId, at);
        store.reschedule(accountId, id, at);
        return get(accountId, id);
    }

    @Transactional
    public void cancel(long accountId, long id) {
        if (!store.remove(accountId, id)) {
            throw ApiException.notFound();
        }
    }

    /**
     * Posts every status whose time has come, each in its own transaction. Removing the row is the claim,
     * so two server copies running this at once post each status once. A status that can no longer be
     * posted (its author suspended, the post it answers deleted) is dropped, as Mastodon does.
     *
     * @return how many were posted
     */
    public int publishDue(Instant now) {
        int posted = 0;
        for (Scheduled due : store.due(now, BATCH)) {
            NewStatus request = json.readValue(due.params(), NewStatus.class);
            Viewer author = accounts.find(due.accountId()).filter(Account::canAct)
                    .map(a -> new Viewer(a.id(), due.applicationId(), Set.of("write:statuses"), a.role().key(),
                            Viewer.Credential.BEARER_TOKEN))
                    .orElse(null);
            try {
                Boolean done = transactions.execute(tx -> store.remove(due.accountId(), due.id()) && author != null
                        && statuses.publishScheduled(author, request) != null);
                posted += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (ApiException refused) {
                transactions.executeWithoutResult(tx -> store.remove(due.accountId(), due.id()));
                log.info("Dropped scheduled status {}: {}", due.id(), refused.getMessage());
            }
        }
        return posted;
    }

    private void requireRoom(long accountId, Instant at) {
        if (store.count(accountId) >= MAX_WAITING) {
            throw ApiException.validation("scheduled_at", "ERR_TOO_MANY",
                    "You cannot have more than " + MAX_WAITING + " scheduled statuses");
        }
        if (store.countOnDay(accountId, at) >= MAX_PER_DAY) {
            throw ApiException.validation("scheduled_at", "ERR_TOO_MANY",
                    "You cannot schedule more than " + MAX_PER_DAY + " statuses on the same day");
        }
    }

    private Instant when(String scheduledAt) {
        Instant at;
        try {
            at = OffsetDateTime.parse(scheduledAt == null ? "" : scheduledAt.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.validation("scheduled_at", "ERR_INVALID",
                    "scheduled_at must be an ISO 8601 date and time, like 2030-01-31T10:00:00Z");
        }
        if (at.isBefore(clock.instant().plus(MIN_LEAD))) {
            throw ApiException.validation("scheduled_at", "ERR_TOO_SOON",
                    "scheduled_at must be at least 5 minutes in the future");
        }
        return at;
    }

    private ScheduledStatus view(Scheduled s) {
        return new ScheduledStatus(s.id(), s.scheduledAt(), json.readValue(s.params(), NewStatus.class),
                s.applicationId(), s.createdAt());
    }
}

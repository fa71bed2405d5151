package app.omnia.social;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.identity.AccountService;
import app.omnia.identity.Links;
import app.omnia.identity.Account;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PathIds;
import app.omnia.platform.web.ApiException.FieldError;
import app.omnia.social.domain.ContentRenderer;
import app.omnia.social.domain.Poll;
import app.omnia.social.domain.PostPolicy;
import app.omnia.social.domain.QuotePolicy;
import app.omnia.social.domain.ReplyPolicy;
import app.omnia.social.domain.Status;
import app.omnia.social.domain.Visibility;
import app.omnia.social.persistence.Blocks;
import app.omnia.social.persistence.Follows;
import app.omnia.social.persistence.StatusCard;
import app.omnia.social.persistence.StatusCards;
import app.omnia.social.persistence.StatusEdits;
import app.omnia.social.persistence.Statuses;

/**
 * Writing, reading and deleting statuses. Every read goes through {@link #visible}, which applies
 * {@link PostPolicy}: a status the viewer may not see does not exist for them (404).
 */
@Service
public class StatusService {

    /** Mastodon's limits: spoiler text, and how deep a reply chain is walked for context. */
    static final int MAX_SPOILER = 500;
    static final int MAX_ANCESTORS = 40;

    /** A thread around a status: what it replies to, and what replies to it, each visible to the viewer. */
    public record Context(List<Status> ancestors, List<Status> descendants) {}

    private final Statuses statuses;
    private final StatusCards cards;
    private final Follows follows;
    private final Blocks blocks;
    private final StatusEdits edits;
    private final StatusPolls polls;
    private final NotificationService notifications;
    private final MediaService media;
    private final AccountService accounts;
    private final IdempotencyKeys idempotency;
    private final ContentRenderer renderer;
    private final Links links;
    private final IdGenerator ids;
    private final Clock clock;
    private final int maxCharacters;
    private final ApplicationEventPublisher events;
    private final OmniaProperties.Polls pollLimits;

    private final Standings standings;
    private final Publication publication;

    StatusService(Statuses statuses, StatusCards cards, Follows follows, Blocks blocks, StatusEdits edits, StatusPolls polls,
                  NotificationService notifications, MediaService media, AccountService accounts,
                  IdempotencyKeys idempotency, Links links, IdGenerator ids, Clock clock, OmniaProperties properties,
                  ApplicationEventPublisher events, Standings standings, Publication publication) {
        this.events = events;
        this.publication = publication;
        this.standings = standings;
        this.media = media;
        this.edits = edits;
        this.polls = polls;
        this.notifications = notifications;
        this.statuses = statuses;
        this.cards = cards;
        this.follows = follows;
        this.blocks = blocks;
        this.accounts = accounts;
        this.idempotency = idempotency;
        this.links = links;
        this.ids = ids;
        this.clock = clock;
        this.maxCharacters = properties.instance().maxCharacters();
        this.pollLimits = properties.pollLimits();
        this.renderer = new ContentRenderer(properties.baseUrlText(), properties.domain());
    }

    @Transactional
    public Status post(Viewer viewer, NewStatus request, String idempotencyKey) {
        long author = viewer.accountId();
        Status[] created = new Status[1];
        long id = idempotency.once(author, idempotencyKey, fingerprint(request), () -> (created[0] = create(viewer, request)).id());
        // A replay answers the status the key made first; a new one is answered as written.
        return created[0] != null ? created[0] : statuses.find(id).orElseThrow(ApiException::notFound);
    }

    /** A request that passed every check, with its values normalised; {@code poll} is null when it has none. */
    private record Checked(String text, String spoiler, Visibility visibility, String language,
                           ReplyPolicy replyPolicy, QuotePolicy quotePolicy, PollDrafts.Draft poll) {}

    /** @param hasMedia whether the status will show attachments: then, as in Mastodon, its text may be empty */
    private Checked check(NewStatus request, boolean hasMedia) {
        List<FieldError> errors = new ArrayList<>();
        String text = request.text() == null ? "" : request.text().strip();
        String spoiler = request.spoilerText() == null ? "" : request.spoilerText().strip();
        if (text.isEmpty() && !hasMedia) {
            errors.add(new FieldError("status", "ERR_BLANK", "status can't be blank"));
        } else if (text.codePointCount(0, text.length()) > maxCharacters) {
            errors.add(new FieldError("status", "ERR_TOO_LONG",
                    "status is too long (maximum is " + maxCharacters + " characters)"));
        }
        if (spoiler.length() > MAX_SPOILER) {
            errors.add(new FieldError("spoiler_text", "ERR_TOO_LONG", "spoiler_text is too long (maximum is 500)"));
        }
        Visibility visibility = Visibility.PUBLIC;
        if (request.visibility() != null && !request.visibility().isBlank()) {
            Optional<Visibility> parsed = Visibility.fromKey(request.visibility().trim().toLowerCase(Locale.ROOT));
            if (parsed.isEmpty()) {
                errors.add(new FieldError("visibility", "ERR_INCLUSION",
                        "visibility must be one of: public, unlisted, private, direct"));
            } else {
                visibility = parsed.get();
            }
        }
        String language = request.language() == null || request.language().isBlank() ? null
                : request.language().trim().toLowerCase(Locale.ROOT);
        if (language != null && !language.matches("[a-z]{2,3}")) {
            errors.add(new FieldError("language", "ERR_INVALID", "language must be an ISO 639 code like en"));
        }
        ReplyPolicy replyPolicy = ReplyPolicy.EVERYONE;
        if (request.replyPolicy() != null && !request.replyPolicy().isBlank()) {
            Optional<ReplyPolicy> parsed = ReplyPolicy.fromKey(request.replyPolicy().trim().toLowerCase(Locale.ROOT));
            if (parsed.isEmpty()) {
                errors.add(new FieldError("reply_policy", "ERR_INCLUSION",
                        "reply_policy must be one of: everyone, following, mentioned"));
            } else {
                replyPolicy = parsed.get();
            }
        }
        PollDrafts.Draft poll = request.poll() == null ? null : PollDrafts.check(request.poll(), pollLimits, errors);
        if (request.poll() != null && request.mediaIds() != null && !request.mediaIds().isEmpty()) {
            // As Mastodon: a status carries either attachments or a poll.
            errors.add(new FieldError("media_ids", "ERR_INVALID", "media_ids cannot be used together with a poll"));
        }
        QuotePolicy quotePolicy = QuotePolicy.PUBLIC;
        if (request.quotePolicy() != null && !request.quotePolicy().isBlank()) {
            Optional<QuotePolicy> parsed = QuotePolicy.fromKey(request.quotePolicy().trim().toLowerCase(Locale.ROOT));
            if (parsed.isEmpty()) {
                errors.add(new FieldError("quote_approval_policy", "ERR_INCLUSION",
                        "quote_approval_policy must be one of: public, followers, nobody"));
            } else {
                quotePolicy = parsed.get();
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Checked(text, spoiler, visibility, language, replyPolicy, quotePolicy, poll);
    }

    private Status create(Viewer viewer, NewStatus request) {
        Checked checked = check(request, names(request.mediaIds()));
        List<Long> mediaIds = media.attachable(viewer.accountId(), request.mediaIds(), null);
        String text = checked.text();
        String spoiler = checked.spoiler();
        Visibility visibility = checked.visibility();
        String language = checked.language();
        Status parent = null;
        if (request.inReplyToId() != null && !request.inReplyToId().isBlank()) {
            parent = visible(viewer.accountId(), PathIds.parse(request.inReplyToId()));
            requireMayReply(viewer.accountId(), parent);
        }
        Status quoted = quoted(viewer.accountId(), request.quotedStatusId());
        if (quoted != null && quoted.visibility() == Visibility.PRIVATE && visibility.reblogable()) {
            visibility = Visibility.PRIVATE; // a quote may not show a followers-only post to more people
        }
        // Mastodon's rule: private and direct posts can never be quoted by others.
        QuotePolicy quotePolicy = visibility.reblogable() ? checked.quotePolicy() : QuotePolicy.NOBODY;
        ContentRenderer.Rendered rendered = render(text);
        Set<Long> mentioned = mentionedIds(rendered);
        Status status = new Status(ids.next(), viewer.accountId(), text, rendered.html(), spoiler,
                Boolean.TRUE.equals(request.sensitive()) || !spoiler.isEmpty(), visibility, language,
                parent == null ? null : parent.id(), parent == null ? null : parent.accountId(), null,
                viewer.applicationId(), clock.instant(), null, checked.replyPolicy(),
                quoted == null ? null : quoted.id(), quotePolicy);
        statuses.insert(status, mentioned, rendered.tags());
        if (checked.poll() != null) {
            polls.create(status, checked.poll());
        }
        // Same transaction as the insert: if an upload was taken meanwhile, no status is written either.
        if (!mediaIds.isEmpty()) { // a new status shows nothing yet: without attachments there is nothing to write
            media.attach(viewer.accountId(), status.id(), mediaIds);
        }
        // Notifications and StatusPublished, now or (a supervised author) once a reviewer approves it.
        publication.publishOrHold(status, mentioned, quoted == null ? null : quoted.accountId());
        return status;
    }

    /** Checks a request exactly as {@link #post} would, writing nothing: for a status scheduled for later. */
    public void validate(Viewer viewer, NewStatus request) {
        check(request, names(request.mediaIds()));
        media.attachable(viewer.accountId(), request.mediaIds(), null);
        if (request.inReplyToId() != null && !request.inReplyToId().isBlank()) {
            requireMayReply(viewer.accountId(), visible(viewer.accountId(), PathIds.parse(request.inReplyToId())));
        }
        quoted(viewer.accountId(), request.quotedStatusId());
    }

    /** Posts a status that was scheduled, as its author, now that its time has come. */
    @Transactional
    public Status publishScheduled(Viewer viewer, NewStatus request) {
        return create(viewer, request);
    }

    /**
     * Edits one's own status: text, content warning, sensitivity, language and attachments (visibility and the
     * thread stay). Attachments given (even none) replace the set; left out, they stay. The first edit records
     * the original, and every edit adds its version, with the attachments it shows, to the history. A supervised
     * account's edit of a published status is checked, then waits for review: the status is answered unchanged.
     */
    @Transactional
    public Status edit(Viewer viewer, long id, NewStatus request) {
        Status current = visible(viewer.accountId(), id);
        if (!PostPolicy.canEdit(viewer.accountId(), current)) {
            throw ApiException.notFound();
        }
        PreparedEdit prepared = prepareEdit(viewer.accountId(), current, request);
        if (publication.holdsEdit(current)) {
            publication.holdEdit(current, request, prepared.replacesMedia() ? prepared.mediaAfter() : List.of());
            return current;
        }
        return applyEdit(current, prepared, clock.instant());
    }

    /**
     * Applies an edit a reviewer approved, as its author asked for it and dated when they did (checked again:
     * the status may have changed meanwhile); false when the status is gone.
     */
    @Transactional
    public boolean applyHeldEdit(long statusId, long accountId, NewStatus request, java.time.Instant askedAt) {
        Optional<Status> current = statuses.find(statusId);
        if (current.isEmpty()) {
            return false;
        }
        applyEdit(current.get(), prepareEdit(accountId, current.get(), request), askedAt);
        return true;
    }

    /** An edit checked against the status it changes, nothing written yet. */
    private record PreparedEdit(Checked checked, boolean sensitive, List<Long> mediaBefore, List<Long> mediaAfter,
                                boolean replacesMedia) {}

    private PreparedEdit prepareEdit(long accountId, Status current, NewStatus request) {
        List<Long> mediaBefore = media.idsShownOn(current.id());
        boolean replacesMedia = request.mediaIds() != null;
        Checked checked = check(new NewStatus(request.text(), request.spoilerText(), request.sensitive(), null,
                request.language(), null, request.mediaIds(), request.poll(), null, null, null),
                replacesMedia ? names(request.mediaIds()) : !mediaBefore.isEmpty());
        List<Long> mediaAfter = replacesMedia ? media.attachable(accountId, request.mediaIds(), current.id())
                : mediaBefore;
        return new PreparedEdit(checked, Boolean.TRUE.equals(request.sensitive()), mediaBefore, mediaAfter,
                replacesMedia);
    }

    private Status applyEdit(Status current, PreparedEdit prepared, java.time.Instant editedAt) {
        long id = current.id();
        Checked checked = prepared.checked();
        Optional<Poll> poll = polls.of(id);
        if (edits.of(id).isEmpty()) {
            edits.add(ids.next(), current, current.createdAt(), poll.map(Poll::options).orElse(null),
                    prepared.mediaBefore());
        }
        ContentRenderer.Rendered rendered = render(checked.text());
        Status edited = new Status(current.id(), current.accountId(), checked.text(), rendered.html(),
                checked.spoiler(), prepared.sensitive() || !checked.spoiler().isEmpty(),
                current.visibility(), checked.language() == null ? current.language() : checked.language(),
                current.inReplyToId(), current.inReplyToAccountId(), null, current.applicationId(),
                current.createdAt(), editedAt, current.replyPolicy(), current.quotedStatusId(),
                current.quotePolicy());
        statuses.update(edited, mentionedIds(rendered), rendered.tags());
        polls.edit(edited, poll.orElse(null), checked.poll());
        if (prepared.replacesMedia()) {
            media.attach(current.accountId(), id, prepared.mediaAfter());
        }
        edits.add(ids.next(), edited, edited.editedAt(), checked.poll() == null ? null : checked.poll().options(),
                prepared.mediaAfter());
        // Those who shared it are told it changed (Mastodon's "update" notification).
        notifications.notifyAll("update", statuses.reblogAccounts(id), current.accountId(), id);
        events.publishEvent(new StatusEdited(id));
        return edited;
    }

    /** The versions of a status the viewer can see, oldest first; a never-edited status has just itself. */
    public List<StatusEdits.Version> history(Long viewerId, long id) {
        Status status = visible(viewerId, id);
        List<StatusEdits.Version> versions = edits.of(id);
        return versions.isEmpty() ? List.of(new StatusEdits.Version(status.text(), status.content(),
                status.spoilerText(), status.sensitive(), status.createdAt(),
                polls.optionsOf(id), media.idsShownOn(id))) : versions;
    }

    /** The status to quote (the original, when a reblog is named), checked against its quote policy. */
    private Status quoted(long viewerId, String quotedStatusId) {
        if (quotedStatusId == null || quotedStatusId.isBlank()) {
            return null;
        }
        Status quoted;
        try {
            quoted = visible(viewerId, PathIds.parse(quotedStatusId));
            if (quoted.isReblog()) {
                quoted = visible(viewerId, quoted.reblogOfId());
            }
        } catch (ApiException notFound) {
            throw ApiException.validation("quoted_status_id", "ERR_INVALID", "quoted_status_id names no status you can see");
        }
        if (!PostPolicy.canQuote(viewerId, quoted, follows.follows(viewerId, quoted.accountId()))) {
            throw ApiException.validation("quoted_status_id", "ERR_QUOTE_DENIED",
                    "The author does not allow this status to be quoted by you");
        }
        return quoted;
    }

    private void requireMayReply(long viewerId, Status parent) {
        boolean authorFollowsViewer = parent.replyPolicy() == ReplyPolicy.FOLLOWING
                && follows.follows(parent.accountId(), viewerId);
        boolean mentioned = parent.replyPolicy() != ReplyPolicy.EVERYONE
                && statuses.mentions(List.of(parent.id())).getOrDefault(parent.id(), List.of()).contains(viewerId);
        if (!PostPolicy.canReply(viewerId, parent, authorFollowsViewer, mentioned)) {
            throw new ApiException(org.springframework.http.HttpStatus.FORBIDDEN, "reply-not-allowed", "Forbidden",
                    "The author limits who can reply to this post", List.of(), java.util.Map.of());
        }
    }

    private ContentRenderer.Rendered render(String text) {
        return renderer.render(text, username -> accounts.findByUsername(username)
                .filter(Account::canAct)
                .map(a -> new ContentRenderer.Mention(a.username(), links.profileUrl(a.username()))));
    }

    private Set<Long> mentionedIds(ContentRenderer.Rendered rendered) {
        Set<Long> mentioned = new LinkedHashSet<>();
        for (String username : rendered.mentionedUsernames()) {
            accounts.findByUsername(username).ifPresent(a -> mentioned.add(a.id()));
        }
        return mentioned;
    }

    /** The status if the viewer may see it; otherwise 404, exactly as if it did not exist. */
    public Status visible(Long viewerId, long id) {
        Status status = statuses.find(id).orElseThrow(ApiException::notFound);
        if (!canSee(viewerId, status)) {
            throw ApiException.notFound();
        }
        return status;
    }

    public boolean canSee(Long viewerId, Status status) {
        if (!standings.openable(viewerId, status)) {
            return false; // suspended author, or removed by the moderators
        }
        if (status.isReblog()) {
            // A reblog shows two accounts: the one who shared and the author; a block with either hides it.
            Optional<Status> original = statuses.find(status.reblogOfId());
            boolean sharerHidden = viewerId != null && viewerId != status.accountId()
                    && blocks.eitherWay(viewerId, status.accountId());
            return !sharerHidden && original.isPresent() && canSee(viewerId, original.get());
        }
        boolean blocked = viewerId != null && viewerId != status.accountId()
                && blocks.eitherWay(viewerId, status.accountId());
        boolean followsAuthor = viewerId != null && status.visibility() == Visibility.PRIVATE
                && follows.follows(viewerId, status.accountId());
        boolean mentioned = viewerId != null && (status.visibility() == Visibility.PRIVATE
                || status.visibility() == Visibility.DIRECT)
                && statuses.mentions(List.of(status.id())).getOrDefault(status.id(), List.of()).contains(viewerId);
        return PostPolicy.canSee(viewerId, status, followsAuthor, mentioned, blocked);
    }

    /**
     * The statuses of a page the viewer may see, in order: the same rule as {@link #canSee}, with the viewer's
     * blocks, follows and mentions looked up once for the whole page (a fixed number of queries, not three
     * per status).
     */
    public List<Status> visibleOnly(Long viewerId, List<Status> page) {
        if (page.isEmpty()) {
            return page;
        }
        Set<Long> hidden = viewerId == null ? Set.of() : blocks.hiddenFrom(viewerId);
        Map<Long, StatusCard> originalCards = cards.find(page.stream().filter(Status::isReblog)
                .map(Status::reblogOfId).toList());
        Map<Long, Status> originals = new java.util.HashMap<>();
        originalCards.forEach((id, card) -> originals.put(id, card.status()));
        List<Status> subjects = new ArrayList<>(page.stream().filter(s -> !s.isReblog()).toList());
        subjects.addAll(originals.values());
        Set<Long> followed = viewerId == null ? Set.of() : follows.followed(viewerId, subjects.stream()
                .filter(s -> s.visibility() == Visibility.PRIVATE).map(Status::accountId).distinct().toList());
        List<Long> limited = subjects.stream().filter(s -> s.visibility() == Visibility.PRIVATE
                || s.visibility() == Visibility.DIRECT).map(Status::id).toList();
        Map<Long, List<Long>> mentions = new java.util.HashMap<>();
        if (viewerId != null && !limited.isEmpty()) {
            cards.find(limited).forEach((id, card) -> mentions.put(id, card.mentions()));
        }
        java.util.function.Predicate<Status> sees = s -> PostPolicy.canSee(viewerId, s,
                followed.contains(s.accountId()),
                viewerId != null && mentions.getOrDefault(s.id(), List.of()).contains(viewerId),
                viewerId != null && viewerId != s.accountId() && hidden.contains(s.accountId()));
        return standings.listable(viewerId, page.stream().filter(s -> {
            if (!s.isReblog()) {
                return sees.test(s);
            }
            boolean sharerHidden = viewerId != null && viewerId != s.accountId() && hidden.contains(s.accountId());
            Status original = originals.get(s.reblogOfId());
            return !sharerHidden && original != null && sees.test(original);
        }).toList(), originals);
    }

    /** Deletes one's own status and returns it with its source text, for "delete and redraft". */
    @Transactional
    public Status delete(Viewer viewer, long id) {
        Status status = visible(viewer.accountId(), id);
        if (!PostPolicy.canDelete(viewer.accountId(), status)) {
            throw ApiException.notFound(); // as Mastodon: only one's own statuses can be found for deletion
        }
        for (Status reblog : statuses.reblogsOf(id)) {
            events.publishEvent(new StatusDeleted(reblog, List.of(), List.of()));
        }
        events.publishEvent(new StatusDeleted(status,
                statuses.mentions(List.of(id)).getOrDefault(id, List.of()),
                statuses.tags(List.of(id)).getOrDefault(id, List.of())));
        media.deleteWithStatus(id);
        statuses.delete(id);
        return status;
    }

    public Context context(Long viewerId, long id) {
        Status status = visible(viewerId, id);
        List<Status> ancestors = new ArrayList<>();
        Long parent = status.inReplyToId();
        while (parent != null && ancestors.size() < MAX_ANCESTORS) {
            Optional<Status> found = statuses.find(parent);
            if (found.isEmpty() || !canSee(viewerId, found.get())) {
                break;
            }
            ancestors.add(found.get());
            parent = found.get().inReplyToId();
        }
        Collections.reverse(ancestors);
        List<Status> descendants = new ArrayList<>();
        collectReplies(viewerId, status.id(), descendants);
        return new Context(ancestors, descendants);
    }

    private void collectReplies(Long viewerId, long id, List<Status> into) {
        for (Status reply : statuses.replies(id)) {
            if (into.size() >= 4096) {
                return;
            }
            if (canSee(viewerId, reply)) {
                into.add(reply);
                collectReplies(viewerId, reply.id(), into);
            }
        }
    }

    /** Whether a media_ids list names anything (blank entries, as a form's empty {@code media_ids[]=}, do not). */
    private static boolean names(List<String> mediaIds) {
        return mediaIds != null && mediaIds.stream().anyMatch(s -> s != null && !s.isBlank());
    }

    private static String fingerprint(NewStatus request) {
        return String.join("\u0000", String.valueOf(request.text()), String.valueOf(request.spoilerText()),
                String.valueOf(request.sensitive()), String.valueOf(request.visibility()),
                String.valueOf(request.language()), String.valueOf(request.inReplyToId()),
                String.valueOf(request.mediaIds()), String.valueOf(request.poll()),
                String.valueOf(request.quotedStatusId()), String.valueOf(request.quotePolicy()),
                String.valueOf(request.scheduledAt()), String.valueOf(request.replyPolicy()));
    }
}

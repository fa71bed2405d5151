package app.omnia.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.omnia.messaging.domain.Conversation;
import app.omnia.messaging.domain.ConversationPolicy;
import app.omnia.messaging.domain.ConversationPolicy.Reach;
import app.omnia.messaging.domain.Member;
import app.omnia.messaging.domain.MemberState;
import app.omnia.messaging.domain.Role;
import app.omnia.messaging.persistence.Conversations;
import app.omnia.messaging.persistence.Members;
import app.omnia.platform.IdGenerator;
import app.omnia.platform.idempotency.IdempotencyKeys;
import app.omnia.platform.ratelimit.RateLimits;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.PageRequest;

/** Starting conversations (direct, idempotent per pair; groups), listing them, accepting requests, renaming, avatars. */
@Service
public class ConversationService {

    public static final int MAX_NAME = 100;

    private final Conversations conversations;
    private final Members members;
    private final ConversationAccess access;
    private final Reachability reachability;
    private final ChatEvents events;
    private final ChatSettings settings;
    private final RateLimits rateLimits;
    private final IdempotencyKeys idempotency;
    private final ChatMediaService media;
    private final TransactionTemplate transactions;
    private final IdGenerator ids;
    private final Clock clock;
    private final ConversationSummaries summaries;

    ConversationService(Conversations conversations, Members members, ConversationAccess access,
                        Reachability reachability, ChatEvents events, ChatSettings settings, RateLimits rateLimits,
                        IdempotencyKeys idempotency, ChatMediaService media, TransactionTemplate transactions,
                        IdGenerator ids, Clock clock, ConversationSummaries summaries) {
        this.media = media;
        this.summaries = summaries;
        this.conversations = conversations;
        this.members = members;
        this.access = access;
        this.reachability = reachability;
        this.events = events;
        this.settings = settings;
        this.rateLimits = rateLimits;
        this.idempotency = idempotency;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * The one direct conversation of the pair (per encryption flag), created on first call. A twin request
     * racing this one ends up with the same conversation.
     */
    public ConversationView direct(long me, long otherId, boolean encrypted) {
        String pairKey = Conversation.pairKey(me, otherId, encrypted);
        try {
            return transactions.execute(status -> directInTransaction(me, otherId, encrypted, pairKey));
        } catch (DuplicateKeyException raced) {
            // H2 reports the twin's key instead of waiting for it as PostgreSQL does; the twin has committed.
            return view(me, conversations.findByPair(pairKey).orElseThrow().id());
        }
    }

    private ConversationView directInTransaction(long me, long otherId, boolean encrypted, String pairKey) {
        var existing = conversations.findByPair(pairKey);
        if (existing.isPresent()) {
            if (reachability.blockedEitherWay(me, otherId)) {
                throw Reachability.blocked();
            }
            rejoinDeclined(me, existing.get().id());
            return view(me, existing.get().id());
        }
        Reach reach = reachability.require(me, List.of(otherId), "account_id").get(otherId);
        if (reach == Reach.REQUEST) {
            rateLimits.hit(RateLimits.Name.CHAT_STRANGERS_PER_ACCOUNT, String.valueOf(me));
        }
        Conversation created = new Conversation(ids.next(), Conversation.Kind.DIRECT, null, encrypted, me,
                clock.instant());
        if (!conversations.insert(created, pairKey)) {
            return view(me, conversations.findByPair(pairKey).orElseThrow().id());
        }
        members.add(created.id(), me, Role.MEMBER, MemberState.ACTIVE, created.createdAt());
        members.add(created.id(), otherId, Role.MEMBER,
                reach == Reach.REQUEST ? MemberState.REQUEST : MemberState.ACTIVE, created.createdAt());
        events.record(created.id(), ChatEventKind.CONVERSATION_CREATE, summary(created, List.of(me, otherId)),
                List.of(me, otherId));
        return view(me, created.id());
    }

    /** A new group owned by its creator; {@code Idempotency-Key} makes a retried creation return the first group. */
    @Transactional
    public ConversationView group(long me, String name, List<Long> accountIds, boolean encrypted, String idempotencyKey) {
        String title = checkName(name);
        List<Long> others = List.copyOf(new LinkedHashSet<>(accountIds));
        if (!ConversationPolicy.hasRoomFor(1, others.size(), settings.maxGroupMembers())) {
            throw ApiException.validation("account_ids", "ERR_TOO_MANY",
                    "A group has at most " + settings.maxGroupMembers() + " members");
        }
        String fingerprint = "group|" + title + "|" + others + "|" + encrypted;
        long id = idempotency.once(me, idempotencyKey, fingerprint, () -> {
            Map<Long, Reach> reach = reachability.require(me, others, "account_ids");
            if (reach.containsValue(Reach.REQUEST)) {
                rateLimits.hit(RateLimits.Name.CHAT_STRANGERS_PER_ACCOUNT, String.valueOf(me));
            }
            Conversation created = new Conversation(ids.next(), Conversation.Kind.GROUP, title, encrypted, me,
                    clock.instant());
            conversations.insert(created, null);
            members.add(created.id(), me, Role.OWNER, MemberState.ACTIVE, created.createdAt());
            reach.forEach((account, where) -> members.add(created.id(), account, Role.MEMBER,
                    where == Reach.REQUEST ? MemberState.REQUEST : MemberState.ACTIVE, created.createdAt()));
            List<Long> everyone = new ArrayList<>(others);
            everyone.addFirst(me);
            events.record(created.id(), ChatEventKind.CONVERSATION_CREATE, summary(created, everyone), everyone);
            return created.id();
        });
        return view(me, id);
    }

    /** Someone who declined the pair's conversation and now starts it themselves is back in it. */
    private void rejoinDeclined(long me, long conversationId) {
        if (members.rejoin(conversationId, me)) {
            events.record(conversationId, ChatEventKind.MEMBER_UPDATE,
                    Memberships.change(conversationId, me, Role.MEMBER.json(), MemberState.ACTIVE.json()),
                    members.accountIds(conversationId));
        }
    }

    @Transactional(readOnly = true)
    public ConversationView get(long me, long conversationId) {
        return view(me, conversationId);
    }

    /** The viewer's conversations, newest first; {@code state} "request" lists message requests only. */
    @Transactional(readOnly = true)
    public List<ConversationView> list(long me, MemberState state, boolean archived, PageRequest page) {
        List<Conversation> found = conversations.pageFor(me,
                state == null ? null : state.name().toLowerCase(java.util.Locale.ROOT), archived, page);
        List<Long> conversationIds = found.stream().map(Conversation::id).toList();
        Map<Long, Member> mine = members.ofViewer(me, conversationIds);
        Map<Long, Integer> sizes = members.counts(conversationIds);
        Map<Long, Long> unread = members.unread(me, conversationIds);
        Map<Long, String> avatars = media.urls(found.stream().map(Conversation::avatarMediaId)
                .filter(java.util.Objects::nonNull).toList());
        Map<Long, ConversationSummaries.Summary> summary = summaries.of(me, conversationIds);
        return found.stream().filter(c -> mine.containsKey(c.id()))
                .map(c -> new ConversationView(c, mine.get(c.id()), sizes.getOrDefault(c.id(), 0),
                        unread.getOrDefault(c.id(), 0L), c.avatarMediaId() == null ? null : avatars.get(c.avatarMediaId()),
                        summary.get(c.id()).otherAccountIds(), summary.get(c.id()).lastMessage()))
                .toList();
    }

    /**
     * Declining a message request: the conversation leaves the decliner's lists and they receive nothing more
     * from it; only their own devices hear it ({@code chat.member.remove} with state {@code declined}). The
     * sender is not told, as on Instagram and X: the decliner still shows to the others as a pending request,
     * and later messages are kept from them. Starting the direct conversation again, or joining the group by a
     * link, brings the decliner back. Only a pending request can be declined.
     */
    @Transactional
    public void decline(long me, long conversationId) {
        var a = access.require(me, conversationId);
        if (a.me().state() != MemberState.REQUEST) {
            throw ApiException.conflict("Only a message request can be declined; leave the conversation instead");
        }
        members.decline(conversationId, me);
        events.record(conversationId, ChatEventKind.MEMBER_REMOVE,
                Memberships.change(conversationId, me, a.me().role().json(), MemberState.DECLINED.column()), List.of(me));
    }

    /** Accepting a message request: the conversation moves from requests to the inbox. */
    @Transactional
    public ConversationView accept(long me, long conversationId) {
        var a = access.require(me, conversationId);
        if (a.me().state() == MemberState.REQUEST) {
            Memberships.accept(members, events, a.conversation().id(), a.me());
        }
        return view(me, conversationId);
    }

    @Transactional
    public ConversationView rename(long me, long conversationId, String name) {
        var a = access.require(me, conversationId);
        String title = checkName(name);
        if (!ConversationPolicy.canRename(a.conversation(), a.me())) {
            throw ApiException.forbidden("Only a group's owner and admins may rename it");
        }
        conversations.rename(conversationId, title);
        events.record(conversationId, ChatEventKind.CONVERSATION_UPDATE,
                Map.of("id", String.valueOf(conversationId), "name", title), members.accountIds(conversationId));
        return view(me, conversationId);
    }

    private ConversationView view(long me, long conversationId) {
        var a = access.require(me, conversationId);
        var summary = summaries.of(me, conversationId);
        return new ConversationView(a.conversation(), a.me(),
                members.counts(List.of(conversationId)).getOrDefault(conversationId, 0),
                members.unread(me, List.of(conversationId)).getOrDefault(conversationId, 0L), avatarUrl(a.conversation()),
                summary.otherAccountIds(), summary.lastMessage());
    }

    private String avatarUrl(Conversation c) {
        return c.avatarMediaId() == null ? null : media.url(c.avatarMediaId());
    }

    /**
     * A group's avatar: one of the caller's own free chat uploads ({@code media_id}), or none (null); the
     * previous one's files go. Owner and admins only; every member hears {@code chat.conversation.update}.
     */
    @Transactional
    public ConversationView setAvatar(long me, long conversationId, String mediaId) {
        var a = access.require(me, conversationId);
        if (!ConversationPolicy.canManageGroup(a.conversation(), a.me())) {
            throw ApiException.forbidden("Only a group's owner and admins may change its avatar");
        }
        Long previous = a.conversation().avatarMediaId();
        Long next = null;
        if (mediaId != null) {
            media.useAsAvatar(me, conversationId, mediaId, "media_id");
            next = Long.parseLong(mediaId.trim());
        }
        conversations.setAvatar(conversationId, next);
        media.deleteAvatar(previous);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", String.valueOf(conversationId));
        payload.put("avatar", next == null ? null : media.url(next));
        events.record(conversationId, ChatEventKind.CONVERSATION_UPDATE, payload, members.accountIds(conversationId));
        return view(me, conversationId);
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw ApiException.validation("name", "ERR_BLANK", "name can't be blank");
        }
        String title = name.strip();
        if (title.codePointCount(0, title.length()) > MAX_NAME) {
            throw ApiException.validation("name", "ERR_TOO_LONG", "name is longer than " + MAX_NAME + " characters");
        }
        return title;
    }

    static Map<String, Object> summary(Conversation c, List<Long> memberIds) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(c.id()));
        json.put("type", c.isGroup() ? "group" : "direct");
        json.put("name", c.title());
        json.put("encrypted", c.encrypted());
        json.put("created_by", String.valueOf(c.createdBy()));
        json.put("member_ids", memberIds.stream().map(String::valueOf).toList());
        return json;
    }
}

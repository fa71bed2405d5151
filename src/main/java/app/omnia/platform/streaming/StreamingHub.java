package app.omnia.platform.streaming;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.socket.CloseStatus;

import app.omnia.platform.security.CredentialResolver;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sockets open on this server copy, indexed by channel. Events reach it from the {@link StreamBus}
 * (so from every copy), and it hands each one to the local sockets subscribed to its channel, unless the
 * {@link StreamGate} says the listener blocked or muted someone the event shows; minors get the event's
 * version for minors when it has one.
 */
@Component
public class StreamingHub {

    /** Mastodon closes with 1008 (policy violation) when credentials stop being valid. */
    static final CloseStatus CREDENTIALS_GONE = CloseStatus.POLICY_VIOLATION.withReason("Credentials revoked");

    private final Map<String, StreamSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Set<StreamSession>> byChannel = new ConcurrentHashMap<>();
    // Indexed by account too: connecting, re-checking credentials and listing who is online then cost the
    // account's own sockets, not a walk over every socket of the copy.
    private final Map<Long, Set<StreamSession>> byAccount = new ConcurrentHashMap<>();
    private final CredentialResolver credentials;
    // Looked up once, not for every event: resolving a provider walks the bean factory each time.
    private final SingletonSupplier<StreamGate> gate;
    private final JsonMapper json;

    StreamingHub(CredentialResolver credentials, ObjectProvider<StreamGate> gate, JsonMapper json) {
        this.credentials = credentials;
        this.gate = SingletonSupplier.of(gate::getIfAvailable);
        this.json = json;
    }

    void register(StreamSession session) {
        sessions.put(session.id(), session);
        byAccount.computeIfAbsent(session.accountId(), a -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unregister(StreamSession session) {
        sessions.remove(session.id());
        byAccount.computeIfPresent(session.accountId(), (account, own) -> {
            own.remove(session);
            return own.isEmpty() ? null : own;
        });
        for (StreamSession.Subscription subscription : List.copyOf(session.subscriptions())) {
            unsubscribe(session, subscription.stream());
        }
    }

    void subscribe(StreamSession session, StreamSession.Subscription subscription, StreamRelay.Factory relay) {
        session.add(subscription, relay, json);
        byChannel.computeIfAbsent(subscription.channel(), c -> ConcurrentHashMap.newKeySet()).add(session);
    }

    void unsubscribe(StreamSession session, List<String> stream) {
        for (StreamSession.Subscription removed : session.remove(stream)) {
            boolean stillReads = session.subscriptions().stream()
                    .anyMatch(s -> s.channel().equals(removed.channel()));
            if (!stillReads) {
                byChannel.computeIfPresent(removed.channel(), (channel, listeners) -> {
                    listeners.remove(session);
                    return listeners.isEmpty() ? null : listeners;
                });
            }
        }
    }

    /** Whether a socket of this copy reads the channel (the bus skips the events of channels nobody here reads). */
    public boolean listens(String channel) {
        return byChannel.containsKey(channel);
    }

    /** Called by the bus on every copy; sends to the local listeners of the event's channel. */
    public void deliver(StreamEvent event) {
        Set<StreamSession> listeners = byChannel.get(event.channel());
        if (listeners == null) {
            return;
        }
        StreamGate streamGate = gate.get();
        for (StreamSession listener : listeners) {
            if (streamGate == null || allowed(streamGate, listener, event.involvedAccounts())) {
                boolean minor = event.payloadForMinors() != null && streamGate != null
                        && streamGate.isMinor(listener.accountId());
                listener.deliver(minor ? event.forMinors() : event);
            }
        }
    }

    private static boolean allowed(StreamGate gate, StreamSession listener, Set<Long> involved) {
        if (involved.isEmpty()) {
            return true;
        }
        Set<Long> others = involved.stream().filter(id -> id != listener.accountId()).collect(Collectors.toSet());
        return others.isEmpty() || gate.allows(listener.accountId(), others);
    }

    /** Closes this copy's sockets of the account whose credential no longer resolves (revoked, suspended). */
    public void recheck(long accountId) {
        List.copyOf(byAccount.getOrDefault(accountId, Set.of())).forEach(session -> recheck(session, true));
    }

    /**
     * A backstop for changes no event announced (a token that expired, a row changed by hand): from the
     * credential cache, so it may lag by the cache's token TTL, and costs no query while the cache is warm.
     */
    @Scheduled(fixedDelayString = "${omnia.streaming.recheck-interval}")
    void recheckAll() {
        sessions.values().forEach(session -> recheck(session, false));
    }

    private void recheck(StreamSession session, boolean fresh) {
        if (stillValid(session, fresh).isEmpty()) {
            session.close(CREDENTIALS_GONE);
            unregister(session);
        }
    }

    private Optional<Viewer> stillValid(StreamSession session, boolean fresh) {
        StreamSession.Credential credential = session.credential();
        try {
            Optional<Viewer> viewer = credential.sessionCookie()
                    ? credentials.fromSessionCookie(credential.secret())
                    : fresh ? credentials.recheckBearerToken(credential.secret())
                    : credentials.fromBearerToken(credential.secret());
            return viewer.filter(v -> java.util.Objects.equals(v.accountId(), session.viewer().accountId()));
        } catch (ApiException refused) {
            return Optional.empty();
        }
    }

    /** The accounts with a socket open on this copy. */
    public Set<Long> onlineAccounts() {
        return Set.copyOf(byAccount.keySet());
    }

    int openSockets() {
        return sessions.size();
    }

    long socketsOf(long accountId) {
        return byAccount.getOrDefault(accountId, Set.of()).size();
    }
}

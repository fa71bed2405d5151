package app.omnia.wallet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.omnia.platform.streaming.StreamBus;
import app.omnia.platform.streaming.StreamEvent;
import app.omnia.wallet.persistence.MoneyRequests;
import tools.jackson.databind.json.JsonMapper;

/**
 * After commit, tells the parties' sockets (on every server copy, through the bus): {@code wallet.transaction}
 * to payer and payee of every entry, {@code wallet.request} to both parties of a money request that was made
 * or answered. The transaction payload is built from the event alone, so a client that wants the names reads
 * the receipt.
 *
 * <p>Committed transfers are queued for one sender thread, so the ledger writer never waits for the bus: it
 * takes everything waiting, asks the bus once which of their parties are online (as the timelines do, a socket
 * opening counts at once) and publishes to those only, in one message, in commit order. Before, every transfer
 * cost two Redis messages, each read back and parsed by every copy, for parties who mostly had no socket open.
 */
@Component
class WalletStreamPublisher {

    private static final Logger log = LoggerFactory.getLogger(WalletStreamPublisher.class);

    private final StreamBus bus;
    private final JsonMapper json;
    private final MoneyRequests requests;
    private final WalletJson walletJson;
    private final Assets assets;
    private final BlockingQueue<TransferCompleted> committed = new LinkedBlockingQueue<>();

    WalletStreamPublisher(StreamBus bus, JsonMapper json, MoneyRequests requests, WalletJson walletJson,
                          Assets assets) {
        this.assets = assets;
        this.bus = bus;
        this.json = json;
        this.requests = requests;
        this.walletJson = walletJson;
        Thread.ofVirtual().name("wallet-stream-sender").start(this::sendCommitted);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TransferCompleted t) {
        committed.add(t);
    }

    private void sendCommitted() {
        List<TransferCompleted> waiting = new ArrayList<>();
        while (true) {
            try {
                waiting.add(committed.take());
            } catch (InterruptedException e) {
                return;
            }
            committed.drainTo(waiting);
            try {
                publish(waiting);
            } catch (RuntimeException e) {
                // Sockets miss these events, as when a copy is down; clients catch up through the history.
                log.warn("Could not publish {} wallet transactions to the streams: {}", waiting.size(), e.toString());
            }
            waiting.clear();
        }
    }

    private void publish(List<TransferCompleted> transfers) {
        Set<Long> parties = new LinkedHashSet<>();
        for (TransferCompleted t : transfers) {
            parties.addAll(parties(t));
        }
        Set<Long> online = bus.onlineAmong(parties);
        if (online.isEmpty()) {
            return;
        }
        List<StreamEvent> events = new ArrayList<>();
        for (TransferCompleted t : transfers) {
            for (Long party : parties(t)) {
                if (online.contains(party)) {
                    events.add(new StreamEvent(WalletStream.channel(party), "wallet.transaction", payload(t, party),
                            Set.of()));
                }
            }
        }
        bus.publishAll(events);
    }

    /** Payer and payee, each once, when they are users (an issuance or a card network has no socket). */
    private static Set<Long> parties(TransferCompleted t) {
        Set<Long> parties = new LinkedHashSet<>();
        if (t.payerId() != null) {
            parties.add(t.payerId());
        }
        if (t.payeeId() != null) {
            parties.add(t.payeeId());
        }
        return parties;
    }

    private String payload(TransferCompleted t, long party) {
        Asset asset = assets.of(t.asset());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", String.valueOf(t.entryId()));
        payload.put("kind", t.kind());
        payload.put("direction", t.payerId() != null && t.payerId() == party ? "sent" : "received");
        payload.put("asset", t.asset());
        payload.put("amount", asset.format(t.amount()));
        payload.put("amount_minor", t.amount());
        payload.put("from_id", t.payerId() == null ? null : String.valueOf(t.payerId()));
        payload.put("to_id", t.payeeId() == null ? null : String.valueOf(t.payeeId()));
        return json.writeValueAsString(payload);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MoneyRequestService.Changed changed) {
        requests.find(changed.requestId()).ifPresent(r -> {
            String text = walletJson.requestText(r);
            for (long party : Set.of(r.requesterId(), r.payerId())) {
                bus.publish(new StreamEvent(WalletStream.channel(party), "wallet.request", text, Set.of()));
            }
        });
    }
}

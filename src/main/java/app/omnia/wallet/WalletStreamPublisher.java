package app.omnia.wallet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import app.omnia.platform.streaming.StreamBus;
import app.omnia.platform.streaming.StreamEvent;
import app.omnia.wallet.persistence.MoneyRequests;
import tools.jackson.databind.json.JsonMapper;

/**
 * After commit, tells the parties' sockets (on every server copy, through the bus): {@code wallet.transaction}
 * to payer and payee of every entry, {@code wallet.request} to both parties of a money request that was made
 * or answered. The transaction payload is built from the event alone and handed to a virtual thread, so the
 * ledger writer never waits for the bus; a client that wants the names reads the receipt.
 */
@Component
class WalletStreamPublisher {

    private final StreamBus bus;
    private final JsonMapper json;
    private final MoneyRequests requests;
    private final WalletJson walletJson;
    private final ExecutorService sender = Executors.newVirtualThreadPerTaskExecutor();

    WalletStreamPublisher(StreamBus bus, JsonMapper json, MoneyRequests requests, WalletJson walletJson) {
        this.bus = bus;
        this.json = json;
        this.requests = requests;
        this.walletJson = walletJson;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TransferCompleted t) {
        Asset asset = Asset.of(t.asset());
        for (Long party : new java.util.LinkedHashSet<>(java.util.Arrays.asList(t.payerId(), t.payeeId()))) {
            if (party == null) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("id", String.valueOf(t.entryId()));
            payload.put("kind", t.kind());
            payload.put("direction", party.equals(t.payerId()) ? "sent" : "received");
            payload.put("asset", t.asset());
            payload.put("amount", asset.format(t.amount()));
            payload.put("amount_minor", t.amount());
            payload.put("from_id", t.payerId() == null ? null : String.valueOf(t.payerId()));
            payload.put("to_id", t.payeeId() == null ? null : String.valueOf(t.payeeId()));
            String text = json.writeValueAsString(payload);
            sender.execute(() -> bus.publish(new StreamEvent(WalletStream.channel(party), "wallet.transaction", text,
                    Set.of())));
        }
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

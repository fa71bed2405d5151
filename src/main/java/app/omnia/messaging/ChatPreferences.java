package app.omnia.messaging;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.messaging.domain.AllowFrom;
import app.omnia.messaging.persistence.AllowFromSettings;
import app.omnia.platform.web.ApiException;

/** An account's own chat settings: who may start a conversation with it, and whether it shares read receipts. */
@Service
public class ChatPreferences {

    private final AllowFromSettings allowFrom;

    ChatPreferences(AllowFromSettings allowFrom) {
        this.allowFrom = allowFrom;
    }

    public AllowFrom allowFrom(long me) {
        return allowFrom.of(me);
    }

    @Transactional
    public AllowFrom setAllowFrom(long me, String value) {
        AllowFrom parsed = AllowFrom.parse(value == null ? "" : value.trim()).orElseThrow(() -> ApiException.validation(
                "allow_messages_from", "ERR_INVALID", "allow_messages_from must be everyone, followed or nobody"));
        allowFrom.set(me, parsed);
        return parsed;
    }

    public boolean receipts(long me) {
        return allowFrom.receipts(me);
    }

    /** Off: the account's delivered/read positions are hidden from others, and others' from it. */
    @Transactional
    public boolean setReceipts(long me, boolean on) {
        allowFrom.setReceipts(me, on);
        return on;
    }
}

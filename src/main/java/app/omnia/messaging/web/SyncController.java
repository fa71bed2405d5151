package app.omnia.messaging.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import app.omnia.messaging.ChatPreferences;
import app.omnia.messaging.ChatScopes;
import app.omnia.messaging.SyncService;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;

/** The sync log ({@code GET /chat/sync}) and the account's chat settings. */
@RestController
class SyncController {

    private final SyncService sync;
    private final ChatPreferences preferences;

    SyncController(SyncService sync, ChatPreferences preferences) {
        this.sync = sync;
        this.preferences = preferences;
    }

    /**
     * Entries after {@code since} (0: from the start), oldest first, at most {@code limit} (default 100, max
     * 500). {@code last_seq} is the cursor to keep; {@code more} (and a {@code Link: rel="next"}) says another
     * page follows.
     */
    @GetMapping("/api/omnia/v1/chat/sync")
    @RequiresScope(ChatScopes.READ)
    ResponseEntity<String> since(Params params, HttpServletRequest request) {
        long since = number(params, "since", 0, Long.MAX_VALUE, 0);
        int limit = (int) Math.min(SyncService.MAX_LIMIT, number(params, "limit", 1, Long.MAX_VALUE, SyncService.DEFAULT_LIMIT));
        SyncService.Page page = sync.since(CurrentViewer.requireAccountId(), since, limit);
        String body = "{\"events\":[" + String.join(",", page.entries()) + "],\"last_seq\":" + page.lastSeq()
                + ",\"more\":" + page.more() + "}";
        var response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (page.more()) {
            String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            String next = UriComponentsBuilder.fromUriString(url).replaceQueryParam("since", page.lastSeq())
                    .replaceQueryParam("limit", limit).build().toUriString();
            response.header("Link", "<" + next + ">; rel=\"next\"");
        }
        return response.body(body);
    }

    @GetMapping("/api/omnia/v1/chat/settings")
    @RequiresScope(ChatScopes.READ)
    Map<String, Object> settings() {
        long me = CurrentViewer.requireAccountId();
        return Map.of("allow_messages_from", preferences.allowFrom(me).json(), "read_receipts", preferences.receipts(me));
    }

    /**
     * {@code allow_messages_from}: everyone (default), followed (people I follow) or nobody;
     * {@code read_receipts}: true (default) or false. Either may be left out, not both.
     */
    @PutMapping("/api/omnia/v1/chat/settings")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> changeSettings(Params params) {
        long me = CurrentViewer.requireAccountId();
        var receipts = params.bool("read_receipts");
        if (params.present("allow_messages_from") || receipts.isEmpty()) {
            preferences.setAllowFrom(me, params.string("allow_messages_from").orElse(null));
        }
        receipts.ifPresent(on -> preferences.setReceipts(me, on));
        return settings();
    }

    /** Out-of-range numbers are clamped like Mastodon's limits; anything else is a 400 naming the field. */
    private static long number(Params params, String field, long min, long max, long fallback) {
        return params.string(field).filter(s -> !s.isBlank()).map(text -> {
            try {
                return Math.max(min, Math.min(max, Long.parseLong(text.trim())));
            } catch (NumberFormatException e) {
                throw ApiException.badRequest(field, field + " must be a number");
            }
        }).orElse(fallback);
    }
}

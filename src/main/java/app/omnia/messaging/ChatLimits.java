package app.omnia.messaging;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.ratelimit.Limit;
import app.omnia.platform.ratelimit.RateCounter;
import app.omnia.platform.web.ApiException;

/**
 * Chat's own rate limits ({@code omnia.chat.rate-limits.*}), counted in the platform's shared counters (Redis
 * when configured) and switched off with the platform's ones; past a limit the caller gets the same 429
 * with {@code retry_after} as the platform's limits answer.
 */
@Component
class ChatLimits {

    enum Name { TYPING, REACTIONS, INVITES, JOINS, KEY_UPLOADS, KEY_FETCHES, RECEIPTS, CONVERSATION_MESSAGES }

    private final RateCounter counter;
    private final boolean enabled;
    private final Map<Name, Limit> limits = new EnumMap<>(Name.class);

    ChatLimits(RateCounter counter, OmniaProperties properties, ChatSettings settings) {
        this.counter = counter;
        this.enabled = properties.rateLimits().enabled();
        ChatSettings.RateLimits configured = settings.rateLimits();
        limits.put(Name.TYPING, Limit.parse(configured.typing()));
        limits.put(Name.REACTIONS, Limit.parse(configured.reactions()));
        limits.put(Name.INVITES, Limit.parse(configured.invites()));
        limits.put(Name.JOINS, Limit.parse(configured.joins()));
        limits.put(Name.KEY_UPLOADS, Limit.parse(configured.keyUploads()));
        limits.put(Name.KEY_FETCHES, Limit.parse(configured.keyFetches()));
        limits.put(Name.RECEIPTS, Limit.parse(configured.receipts()));
        limits.put(Name.CONVERSATION_MESSAGES, Limit.parse(configured.conversationMessages()));
    }

    void hit(Name name, String subject) {
        if (!enabled) {
            return;
        }
        Limit limit = limits.get(name);
        RateCounter.Window window = counter.increment(key(name, subject), limit.period());
        if (window.count() > limit.count()) {
            long retryAfter = Math.max(1, (window.remaining().toMillis() + 999) / 1000);
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                    "Too many requests, retry in " + retryAfter + " seconds", List.of(), Map.of("retry_after", retryAfter));
        }
    }

    /** Takes back one hit of a request that was counted but recorded nothing (a resend answered from storage). */
    void refund(Name name, String subject) {
        if (enabled) {
            counter.decrement(key(name, subject));
        }
    }

    private static String key(Name name, String subject) {
        return "chat_" + name.name().toLowerCase(Locale.ROOT) + ":" + subject;
    }
}

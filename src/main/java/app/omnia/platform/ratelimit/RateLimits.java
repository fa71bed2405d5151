package app.omnia.platform.ratelimit;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import app.omnia.platform.OmniaProperties;
import app.omnia.platform.web.ApiException;

/**
 * The named limits an operator configures ({@code omnia.rate-limits.*}). A caller names the limit and
 * the subject (an IP, an account id); past the limit it gets a 429 with {@code Retry-After}.
 */
@Component
public class RateLimits {

    public enum Name { WRITES_PER_ACCOUNT, WRITES_PER_IP, SIGN_UPS_PER_IP, LOGINS_PER_IP, FAILED_LOGINS_PER_ACCOUNT,
        MEDIA_UPLOADS_PER_ACCOUNT, CHAT_MESSAGES_PER_ACCOUNT, CHAT_STRANGERS_PER_ACCOUNT }

    private final RateCounter counter;
    private final boolean enabled;
    private final Map<Name, Limit> limits;

    public RateLimits(RateCounter counter, OmniaProperties properties) {
        OmniaProperties.RateLimits settings = properties.rateLimits();
        this.counter = counter;
        this.enabled = settings.enabled();
        this.limits = Map.ofEntries(
                Map.entry(Name.WRITES_PER_ACCOUNT, Limit.parse(settings.writesPerAccount())),
                Map.entry(Name.WRITES_PER_IP, Limit.parse(settings.writesPerIp())),
                Map.entry(Name.SIGN_UPS_PER_IP, Limit.parse(settings.signUpsPerIp())),
                Map.entry(Name.LOGINS_PER_IP, Limit.parse(settings.loginsPerIp())),
                Map.entry(Name.FAILED_LOGINS_PER_ACCOUNT, Limit.parse(settings.failedLoginsPerAccount())),
                Map.entry(Name.MEDIA_UPLOADS_PER_ACCOUNT, Limit.parse(settings.mediaUploadsPerAccount())),
                Map.entry(Name.CHAT_MESSAGES_PER_ACCOUNT, Limit.parse(settings.chatMessagesPerAccount())),
                Map.entry(Name.CHAT_STRANGERS_PER_ACCOUNT, Limit.parse(settings.chatStrangersPerAccount())));
    }

    /** Counts one hit against the limit and throws a 429 problem once it is exceeded. */
    public void hit(Name name, String subject) {
        if (!enabled) {
            return;
        }
        Limit limit = limits.get(name);
        RateCounter.Window window = counter.increment(key(name, subject), limit.period());
        if (window.count() > limit.count()) {
            throw tooMany(window);
        }
    }

    /** Throws a 429 if the limit is already reached, without counting: for limits on failures only. */
    public void ensureBelow(Name name, String subject) {
        if (!enabled) {
            return;
        }
        RateCounter.Window window = counter.peek(key(name, subject));
        if (window.count() >= limits.get(name).count()) {
            throw tooMany(window);
        }
    }

    /** Counts one hit without refusing this request (a failed login counts against the next ones). */
    public void count(Name name, String subject) {
        if (enabled) {
            counter.increment(key(name, subject), limits.get(name).period());
        }
    }

    /** Takes back one hit of a request that was counted but recorded nothing (a resend answered from storage). */
    public void refund(Name name, String subject) {
        if (enabled) {
            counter.decrement(key(name, subject));
        }
    }

    public void reset(Name name, String subject) {
        counter.reset(key(name, subject));
    }

    private static String key(Name name, String subject) {
        return name.name().toLowerCase(java.util.Locale.ROOT) + ":" + subject;
    }

    private static ApiException tooMany(RateCounter.Window window) {
        long retryAfter = Math.max(1, (window.remaining().toMillis() + 999) / 1000);
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many requests, retry in " + retryAfter + " seconds", List.of(), Map.of("retry_after", retryAfter));
    }
}

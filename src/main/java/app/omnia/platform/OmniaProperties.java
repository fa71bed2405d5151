package app.omnia.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Every {@code omnia.*} setting, bound once; the README's configuration table mirrors this record. */
@ConfigurationProperties("omnia")
public record OmniaProperties(
        Path dataDir,
        URI baseUrl,
        String domain,
        Instance instance,
        Database database,
        Redis redis,
        String bootstrapAdmin,
        int nodeId,
        String secretKey,
        Registrations registrations,
        Age age,
        RateLimits rateLimits,
        Media media,
        Streaming streaming,
        Polls polls,
        Timeline timeline) {

    /** {@code statsRefresh}: how old the user count of the instance documents may get before it is recounted. */
    public record Instance(String title, String description, String contactEmail, List<String> languages,
                           int maxCharacters, String sourceUrl, java.time.Duration statsRefresh) {}

    public record Database(String url, String username, String password, int poolSize) {}

    /** {@code poolSize}: connections for pipelines (the other commands share one multiplexed connection). */
    public record Redis(String url, int poolSize) {
        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    public enum RegistrationMode { OPEN, APPROVAL, CLOSED }

    public record Registrations(RegistrationMode mode, boolean reasonRequired, boolean firstAccountAdmin) {}

    public record Age(String defaultCountry, int defaultMinimum, Map<String, Integer> minimumByCountry) {}

    public record RateLimits(boolean enabled, String writesPerAccount, String writesPerIp, String signUpsPerIp,
                             String loginsPerIp, String failedLoginsPerAccount, String mediaUploadsPerAccount,
                             String chatMessagesPerAccount, String chatStrangersPerAccount) {}

    public record Media(long maxImageBytes, long maxImagePixels) {}

    public record Streaming(List<String> allowedOrigins, java.time.Duration recheckInterval,
                            int maxSocketsPerAccount) {}

    /**
     * Limits of polls on statuses, advertised in the instance document so apps check before sending.
     * Expirations are in seconds, as Mastodon's {@code poll[expires_in]}.
     */
    public record Polls(int maxOptions, int maxCharactersPerOption, int minExpiration, int maxExpiration) {
        /** Mastodon's defaults: 4 options of 50 characters, open from 5 minutes to a month. */
        public static final Polls DEFAULTS = new Polls(4, 50, 300, 2_629_746);
    }

    /** How home timelines are served: {@code store} (fan-out store) or {@code naive} (one database query). */
    public enum TimelineMode { STORE, NAIVE }

    /**
     * Home timelines: how they are read, how many lines each keeps, and the follower count above which an
     * author's posts are merged in at read time instead of copied to every follower.
     */
    public record Timeline(TimelineMode mode, int maxEntries, int fanOutThreshold) {
        public static final Timeline DEFAULTS = new Timeline(TimelineMode.STORE, 800, 10_000);
    }

    /** Timeline settings as set, or the defaults when the settings leave them out. */
    public Timeline timelineSettings() {
        return timeline == null ? Timeline.DEFAULTS : timeline;
    }

    /** Poll limits as set, or Mastodon's when the settings leave them out. */
    public Polls pollLimits() {
        return polls == null ? Polls.DEFAULTS : polls;
    }

    /** The base URL without a trailing slash, for building absolute links. */
    public String baseUrlText() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}

package app.omnia.social;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Service;

import app.omnia.platform.IdGenerator;
import app.omnia.social.domain.Status;
import app.omnia.social.persistence.Trends;

/**
 * Mastodon's trends: posts of the last {@link #STATUS_WINDOW}, hashtags of the last {@link #TAG_WINDOW}. What
 * moderation keeps out of public reach (a limited post or account, held, removed, waiting for review) never
 * trends; the viewer's blocks and the usual visibility rules apply on top.
 */
@Service
public class TrendService {

    public static final Duration STATUS_WINDOW = Duration.ofHours(48);
    public static final Duration TAG_WINDOW = Duration.ofHours(24);

    private final Trends trends;
    private final StatusService statuses;
    private final Clock clock;

    TrendService(Trends trends, StatusService statuses, Clock clock) {
        this.trends = trends;
        this.statuses = statuses;
        this.clock = clock;
    }

    public List<Status> statuses(Long viewerId, int limit, int offset) {
        long since = IdGenerator.lowestIdAt(clock.instant().minus(STATUS_WINDOW));
        return statuses.visibleOnly(viewerId, trends.statuses(since, limit, offset));
    }

    public List<String> tags(int limit, int offset) {
        return trends.tags(IdGenerator.lowestIdAt(clock.instant().minus(TAG_WINDOW)), limit, offset);
    }
}

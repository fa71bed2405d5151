package app.omnia.social;

import java.util.List;

import app.omnia.platform.web.PageRequest;

/**
 * Where the ids of a home timeline page come from, when something faster than the database query is there
 * (the timeline module's fan-out store). The ids may name statuses that are gone or no longer visible:
 * {@link TimelineService} hydrates them and filters the page exactly as it filters the database query's.
 */
public interface HomeFeed {

    /** Status ids for the page, newest first, at most {@code page.limit()}. */
    List<Long> page(long viewerId, PageRequest page);
}

package app.omnia.social;

import java.util.List;

/** Mastodon Status JSON for statuses named by id, whatever their visibility: for staff views in other modules. */
public interface StatusRendering {

    /** The statuses that still exist, in order, rendered for this viewer; missing ids are left out. */
    List<Object> render(List<Long> ids, long viewerId);
}

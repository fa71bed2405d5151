package app.omnia.social.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.social.StatusRendering;
import app.omnia.social.persistence.Statuses;

/** Renders statuses as Mastodon JSON for other modules (the moderation queue shows reported statuses). */
@Component
class StatusRenderer implements StatusRendering {

    private final Statuses statuses;
    private final StatusJsons json;

    StatusRenderer(Statuses statuses, StatusJsons json) {
        this.statuses = statuses;
        this.json = json;
    }

    @Override
    public List<Object> render(List<Long> ids, long viewerId) {
        Map<Long, app.omnia.social.domain.Status> found = statuses.findAll(ids);
        return List.copyOf(json.page(ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList(), viewerId));
    }
}

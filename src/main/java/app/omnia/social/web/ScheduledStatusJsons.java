package app.omnia.social.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.platform.web.JsonTime;
import app.omnia.social.MediaService;
import app.omnia.social.NewStatus;
import app.omnia.social.ScheduledStatusService.ScheduledStatus;

/** Mastodon's ScheduledStatus JSON, for the scheduled-statuses API and for a post made with {@code scheduled_at}. */
@Component
class ScheduledStatusJsons {

    private final StatusJsons statusJsons;
    private final MediaService media;

    ScheduledStatusJsons(StatusJsons statusJsons, MediaService media) {
        this.statusJsons = statusJsons;
        this.media = media;
    }

    private static Map<String, Object> poll(app.omnia.social.NewPoll poll) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("options", poll.options());
        json.put("expires_in", poll.expiresIn());
        json.put("multiple", Boolean.TRUE.equals(poll.multiple()));
        json.put("hide_totals", Boolean.TRUE.equals(poll.hideTotals()));
        return json;
    }

    /** Mastodon's ScheduledStatus entity, its {@code params} being the request as it was sent. */
    Map<String, Object> of(ScheduledStatus s) {
        NewStatus r = s.request();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", r.text());
        params.put("poll", r.poll() == null ? null : poll(r.poll()));
        params.put("media_ids", r.mediaIds() == null || r.mediaIds().isEmpty() ? null : r.mediaIds());
        params.put("sensitive", r.sensitive());
        params.put("spoiler_text", r.spoilerText());
        params.put("visibility", r.visibility() == null ? "public" : r.visibility());
        params.put("in_reply_to_id", r.inReplyToId());
        params.put("language", r.language());
        params.put("application_id", s.applicationId() == null ? null : String.valueOf(s.applicationId()));
        params.put("scheduled_at", null);
        params.put("idempotency", null);
        params.put("with_rate_limit", false);
        params.put("quoted_status_id", r.quotedStatusId());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", String.valueOf(s.id()));
        json.put("scheduled_at", JsonTime.of(s.scheduledAt()));
        json.put("params", params);
        json.put("media_attachments", statusJsons.attachments(mediaOf(r)));
        return json;
    }

    /** The uploads the request names, in its order (kept for it until it is posted). */
    private List<app.omnia.social.domain.MediaAttachment> mediaOf(NewStatus request) {
        if (request.mediaIds() == null) {
            return List.of();
        }
        List<Long> ids = request.mediaIds().stream().filter(id -> id != null && id.matches("\\d{1,18}"))
                .map(Long::parseLong).toList();
        var found = media.byIds(ids);
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }
}

package app.omnia.social;

import java.util.List;

/**
 * A status as sent to {@code POST /api/v1/statuses}, unparsed so that every field can be checked and named.
 * {@code poll} is null when the request has none.
 */
public record NewStatus(String text, String spoilerText, Boolean sensitive, String visibility, String language,
                        String inReplyToId, List<String> mediaIds, NewPoll poll, String quotedStatusId,
                        String scheduledAt, String replyPolicy) {
}

package app.omnia.social;

import java.util.List;

/**
 * A status as sent to {@code POST /api/v1/statuses}, unparsed so that every field can be checked and named.
 * {@code poll} is null when the request has none.
 */
public record NewStatus(String text, String spoilerText, Boolean sensitive, String visibility, String language,
                        String inReplyToId, List<String> mediaIds, NewPoll poll, String quotedStatusId,
                        String scheduledAt, String replyPolicy, String quotePolicy) {

    /** A request with no quote policy of its own (edits, replies built in code). */
    public NewStatus(String text, String spoilerText, Boolean sensitive, String visibility, String language,
                     String inReplyToId, List<String> mediaIds, NewPoll poll, String quotedStatusId,
                     String scheduledAt, String replyPolicy) {
        this(text, spoilerText, sensitive, visibility, language, inReplyToId, mediaIds, poll, quotedStatusId,
                scheduledAt, replyPolicy, null);
    }
}

package app.omnia.social;

import java.util.List;

/** A status as sent to {@code POST /api/v1/statuses}, unparsed so that every field can be checked and named. */
public record NewStatus(String text, String spoilerText, Boolean sensitive, String visibility, String language,
                        String inReplyToId, List<String> mediaIds, boolean hasPoll, String quotedStatusId,
                        String scheduledAt, String replyPolicy, String quotePolicy) {

    /** A request with no quote policy of its own (edits, replies built in code). */
    public NewStatus(String text, String spoilerText, Boolean sensitive, String visibility, String language,
                     String inReplyToId, List<String> mediaIds, boolean hasPoll, String quotedStatusId,
                     String scheduledAt, String replyPolicy) {
        this(text, spoilerText, sensitive, visibility, language, inReplyToId, mediaIds, hasPoll, quotedStatusId,
                scheduledAt, replyPolicy, null);
    }
}

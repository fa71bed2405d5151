package app.omnia.social;

import java.util.List;

/** A status as sent to {@code POST /api/v1/statuses}, unparsed so that every field can be checked and named. */
public record NewStatus(String text, String spoilerText, Boolean sensitive, String visibility, String language,
                        String inReplyToId, List<String> mediaIds, boolean hasPoll, String quotedStatusId,
                        String scheduledAt, String replyPolicy) {
}

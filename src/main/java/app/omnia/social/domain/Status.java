package app.omnia.social.domain;

import java.time.Instant;

/** A status as stored. A reblog is a status whose {@code reblogOfId} names the original. */
public record Status(long id, long accountId, String text, String content, String spoilerText, boolean sensitive,
                     Visibility visibility, String language, Long inReplyToId, Long inReplyToAccountId,
                     Long reblogOfId, Long applicationId, Instant createdAt, Instant editedAt,
                     ReplyPolicy replyPolicy) {

    public boolean isReblog() {
        return reblogOfId != null;
    }
}

package app.omnia.social.domain;

import java.time.Instant;

/**
 * A status as stored. A reblog is a status whose {@code reblogOfId} names the original; a quote post one
 * whose {@code quotedStatusId} names the status it quotes.
 */
public record Status(long id, long accountId, String text, String content, String spoilerText, boolean sensitive,
                     Visibility visibility, String language, Long inReplyToId, Long inReplyToAccountId,
                     Long reblogOfId, Long applicationId, Instant createdAt, Instant editedAt,
                     ReplyPolicy replyPolicy, Long quotedStatusId, QuotePolicy quotePolicy) {

    /** A status that quotes nothing and may be quoted by anyone. */
    public Status(long id, long accountId, String text, String content, String spoilerText, boolean sensitive,
                  Visibility visibility, String language, Long inReplyToId, Long inReplyToAccountId,
                  Long reblogOfId, Long applicationId, Instant createdAt, Instant editedAt, ReplyPolicy replyPolicy) {
        this(id, accountId, text, content, spoilerText, sensitive, visibility, language, inReplyToId,
                inReplyToAccountId, reblogOfId, applicationId, createdAt, editedAt, replyPolicy, null,
                QuotePolicy.PUBLIC);
    }

    public boolean isReblog() {
        return reblogOfId != null;
    }
}

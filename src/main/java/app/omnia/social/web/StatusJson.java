package app.omnia.social.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.omnia.identity.AccountJson;

/** Mastodon's Status entity (snake_case by the global naming strategy), plus Omnia's {@code reply_policy}. */
record StatusJson(
        String id,
        String uri,
        String url,
        String createdAt,
        AccountJson account,
        String content,
        String visibility,
        boolean sensitive,
        String spoilerText,
        List<MediaAttachmentJson> mediaAttachments,
        Object application,
        List<MentionJson> mentions,
        List<TagJson> tags,
        List<Object> emojis,
        long reblogsCount,
        long favouritesCount,
        long repliesCount,
        String inReplyToId,
        String inReplyToAccountId,
        StatusJson reblog,
        PollJson poll,
        Object card,
        String language,
        String editedAt,
        boolean favourited,
        boolean reblogged,
        boolean muted,
        boolean bookmarked,
        boolean pinned,
        List<Object> filtered,
        String replyPolicy,
        Object quote,
        long quotesCount,
        QuoteApprovalJson quoteApproval,
        @JsonInclude(JsonInclude.Include.NON_NULL) String text,
        @JsonInclude(JsonInclude.Include.NON_NULL) OmniaJson omnia) {

    /** Omnia's additions, shown only when they apply: a supervised post's review state, to its author. */
    record OmniaJson(String reviewState) {}

    record MentionJson(String id, String username, String url, String acct) {}

    record TagJson(String name, String url) {}

    record ApplicationJson(String name, String website) {}

    /** Mastodon's Quote (with the quoted status) and ShallowQuote (its id only, one level down). */
    record QuoteJson(String state, StatusJson quotedStatus) {}

    record ShallowQuoteJson(String state, String quotedStatusId) {}

    record QuoteApprovalJson(List<String> automatic, List<String> manual, String currentUser) {}

    StatusJson withText(String source) {
        return new StatusJson(id, uri, url, createdAt, account, content, visibility, sensitive, spoilerText,
                mediaAttachments, application, mentions, tags, emojis, reblogsCount, favouritesCount, repliesCount,
                inReplyToId, inReplyToAccountId, reblog, poll, card, language, editedAt, favourited, reblogged, muted,
                bookmarked, pinned, filtered, replyPolicy, quote, quotesCount, quoteApproval, source, omnia);
    }
}

package app.omnia.social.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.util.NameTransformer;
import tools.jackson.databind.util.TokenBuffer;

import app.omnia.identity.AccountJson;

/**
 * Mastodon's Status entity (snake_case by the global naming strategy), plus Omnia's {@code reply_policy}, in two
 * parts: what every viewer sees alike, and what depends on the viewer. The shared part is serialized once per
 * version of the status ({@code sharedJson}, see {@link StatusJsons}) and written as it is into every response:
 * on a page of twenty statuses most of the JSON is the same for everyone, and serializing it is most of the page's
 * cost. One JSON object all the same: the viewer's members first, then the shared ones.
 */
@JsonSerialize(using = StatusJson.Writer.class)
record StatusJson(Shared shared, Viewer viewer, SerializableString sharedJson) {

    /** The members that are the same for every viewer (moderation's notice and forced sensitivity included). */
    record Shared(
            String id,
            String uri,
            String url,
            String createdAt,
            AccountJson account,
            String content,
            String visibility,
            boolean sensitive,
            String spoilerText,
            Object application,
            List<MentionJson> mentions,
            List<TagJson> tags,
            List<Object> emojis,
            long reblogsCount,
            long favouritesCount,
            long repliesCount,
            String inReplyToId,
            String inReplyToAccountId,
            Object card,
            String language,
            String editedAt,
            String replyPolicy,
            long quotesCount) {
    }

    /** The members that depend on who reads: their own interactions, filters, what a minor may see, quotes. */
    record Viewer(
            List<MediaAttachmentJson> mediaAttachments,
            StatusJson reblog,
            PollJson poll,
            boolean favourited,
            boolean reblogged,
            boolean muted,
            boolean bookmarked,
            boolean pinned,
            List<Object> filtered,
            Object quote,
            QuoteApprovalJson quoteApproval,
            @JsonInclude(JsonInclude.Include.NON_NULL) String text,
            @JsonInclude(JsonInclude.Include.NON_NULL) OmniaJson omnia) {
    }

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
        Viewer v = viewer;
        return new StatusJson(shared, new Viewer(v.mediaAttachments(), v.reblog(), v.poll(), v.favourited(),
                v.reblogged(), v.muted(), v.bookmarked(), v.pinned(), v.filtered(), v.quote(), v.quoteApproval(),
                source, v.omnia()), sharedJson);
    }

    /**
     * Writes the viewer's members, then the shared ones: as serialized once ({@code sharedJson}, which starts
     * with the comma that follows the viewer's members), or member by member when there is no such copy.
     */
    static final class Writer extends StdSerializer<StatusJson> {

        private final ValueSerializer<Object> viewerMembers;
        private final ValueSerializer<Object> sharedMembers;

        Writer() {
            this(null, null);
        }

        private Writer(ValueSerializer<Object> viewerMembers, ValueSerializer<Object> sharedMembers) {
            super(StatusJson.class);
            this.viewerMembers = viewerMembers;
            this.sharedMembers = sharedMembers;
        }

        @Override
        public ValueSerializer<?> createContextual(SerializationContext context, BeanProperty property) {
            return new Writer(context.findValueSerializer(Viewer.class).unwrappingSerializer(NameTransformer.NOP),
                    context.findValueSerializer(Shared.class).unwrappingSerializer(NameTransformer.NOP));
        }

        @Override
        public void serialize(StatusJson status, JsonGenerator out, SerializationContext context) {
            ValueSerializer<Object> viewer = viewerMembers != null ? viewerMembers
                    : context.findValueSerializer(Viewer.class).unwrappingSerializer(NameTransformer.NOP);
            out.writeStartObject(status);
            viewer.serialize(status.viewer(), out, context);
            if (status.sharedJson() != null && !(out instanceof TokenBuffer)) { // a buffer cannot hold raw JSON
                out.writeRaw(status.sharedJson());
            } else {
                ValueSerializer<Object> shared = sharedMembers != null ? sharedMembers
                        : context.findValueSerializer(Shared.class).unwrappingSerializer(NameTransformer.NOP);
                shared.serialize(status.shared(), out, context);
            }
            out.writeEndObject();
        }
    }
}

package app.omnia.social.domain;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostPolicyTest {

    private static final long AUTHOR = 1;
    private static final long OTHER = 2;

    private static Status status(Visibility visibility) {
        return new Status(10, AUTHOR, "t", "<p>t</p>", "", false, visibility, null, null, null, null, null,
                Instant.EPOCH, null, ReplyPolicy.EVERYONE);
    }

    @ParameterizedTest(name = "{0}: anonymous={1} stranger={2} follower={3} mentioned={4}")
    @CsvSource({
            "PUBLIC,   true,  true,  true,  true",
            "UNLISTED, true,  true,  true,  true",
            "PRIVATE,  false, false, true,  true",
            "DIRECT,   false, false, false, true"})
    void visibilityDecidesWhoSees(Visibility visibility, boolean anonymous, boolean stranger, boolean follower,
                                  boolean mentioned) {
        Status s = status(visibility);
        assertThat(PostPolicy.canSee(null, s, false, false, false)).isEqualTo(anonymous);
        assertThat(PostPolicy.canSee(OTHER, s, false, false, false)).isEqualTo(stranger);
        assertThat(PostPolicy.canSee(OTHER, s, true, false, false)).isEqualTo(follower);
        assertThat(PostPolicy.canSee(OTHER, s, false, true, false)).isEqualTo(mentioned);
        assertThat(PostPolicy.canSee(AUTHOR, s, false, false, false)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"PUBLIC", "UNLISTED", "PRIVATE", "DIRECT"})
    void aBlockEitherWayHidesEverythingButFromTheAuthorThemself(Visibility visibility) {
        Status s = status(visibility);
        assertThat(PostPolicy.canSee(OTHER, s, true, true, true)).isFalse();
        assertThat(PostPolicy.canSee(AUTHOR, s, false, false, true)).isTrue();
    }

    @ParameterizedTest(name = "{0}: follower-of-author={1} mentioned={2} -> {3}")
    @CsvSource({
            "EVERYONE,  false, false, true",
            "FOLLOWING, false, false, false",
            "FOLLOWING, true,  false, true",
            "MENTIONED, true,  false, false",
            "MENTIONED, false, true,  true"})
    void replyControlsDecideWhoMayReply(ReplyPolicy policy, boolean authorFollowsViewer, boolean mentioned,
                                        boolean allowed) {
        Status s = new Status(10, AUTHOR, "t", "<p>t</p>", "", false, Visibility.PUBLIC, null, null, null, null, null,
                Instant.EPOCH, null, policy);
        assertThat(PostPolicy.canReply(OTHER, s, authorFollowsViewer, mentioned)).isEqualTo(allowed);
        assertThat(PostPolicy.canReply(AUTHOR, s, false, false)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"PUBLIC, true", "UNLISTED, true", "PRIVATE, false", "DIRECT, false"})
    void onlyPublicAndUnlistedStatusesAreReblogged(Visibility visibility, boolean reblogable) {
        assertThat(PostPolicy.canReblog(OTHER, status(visibility))).isEqualTo(reblogable);
        assertThat(PostPolicy.canDelete(AUTHOR, status(visibility))).isTrue();
        assertThat(PostPolicy.canDelete(OTHER, status(visibility))).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}: author={2} stranger={3} follower={4}")
    @CsvSource({
            "PUBLIC,   PUBLIC,    true,  true,  true",
            "PUBLIC,   FOLLOWERS, true,  false, true",
            "PUBLIC,   NOBODY,    true,  false, false",
            "UNLISTED, PUBLIC,    true,  true,  true",
            "PRIVATE,  PUBLIC,    true,  false, false",
            "DIRECT,   PUBLIC,    false, false, false"})
    void theQuotePolicyAndVisibilityDecideWhoQuotes(Visibility visibility, QuotePolicy policy, boolean author,
                                                   boolean stranger, boolean follower) {
        Status s = new Status(10, AUTHOR, "t", "<p>t</p>", "", false, visibility, null, null, null, null, null,
                Instant.EPOCH, null, ReplyPolicy.EVERYONE, null, policy);
        assertThat(PostPolicy.canQuote(AUTHOR, s, false)).isEqualTo(author);
        assertThat(PostPolicy.canQuote(OTHER, s, false)).isEqualTo(stranger);
        assertThat(PostPolicy.canQuote(OTHER, s, true)).isEqualTo(follower);
        assertThat(PostPolicy.quoteApprovalFor(null, s, false)).isEqualTo("unknown");
    }
}

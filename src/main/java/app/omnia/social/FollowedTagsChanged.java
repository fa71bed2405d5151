package app.omnia.social;

/** An account followed or unfollowed a hashtag, whose public posts join its home timeline. */
public record FollowedTagsChanged(long accountId) {
}

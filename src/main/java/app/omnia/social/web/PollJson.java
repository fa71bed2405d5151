package app.omnia.social.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Mastodon's Poll entity. {@code voters_count} is null on a single-choice poll and an option's
 * {@code votes_count} null while its results are hidden, as documented; {@code voted} and {@code own_votes}
 * are present only when a signed-in viewer asks.
 */
record PollJson(
        String id,
        String expiresAt,
        boolean expired,
        boolean multiple,
        long votesCount,
        Long votersCount,
        List<OptionJson> options,
        List<Object> emojis,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean voted,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Integer> ownVotes) {

    record OptionJson(String title, Long votesCount) {}
}

package app.omnia.social.persistence;

import java.util.List;

import app.omnia.social.domain.MediaAttachment;
import app.omnia.social.domain.Poll;
import app.omnia.social.domain.Status;

/**
 * What every viewer sees alike of a status, as cached for rendering: the row, whom it mentions, its tags,
 * the attachments it shows, its poll (without the votes, which change too often) and its counters.
 * Nothing here depends on who is looking.
 */
public record StatusCard(Status status, List<Long> mentions, List<String> tags, List<MediaAttachment> media,
                         Poll poll, long replies, long reblogs, long favourites, long quotes) {
}

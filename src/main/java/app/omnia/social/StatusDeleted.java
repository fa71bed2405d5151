package app.omnia.social;

import java.util.List;

import app.omnia.social.domain.Status;

/**
 * A status (or a reblog) was deleted. It carries what the row said, because once the transaction commits
 * the row is gone and listeners still need to know whose timelines it had reached.
 */
public record StatusDeleted(Status status, List<Long> mentioned, List<String> tags) {

    public StatusDeleted {
        mentioned = List.copyOf(mentioned);
        tags = List.copyOf(tags);
    }

    public long statusId() {
        return status.id();
    }

    /** Who posted it (who shared it, for a reblog). */
    public long authorId() {
        return status.accountId();
    }

    /** The original, for a reblog; null otherwise. */
    public Long reblogOfId() {
        return status.reblogOfId();
    }
}

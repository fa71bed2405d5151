package app.omnia.social.domain;

/** Filters are private: only their owner sees or changes them; anyone else's id is a 404, as a missing one. */
public final class FilterPolicy {

    private FilterPolicy() {
    }

    public static boolean canManage(long viewerId, ContentFilter filter) {
        return filter.accountId() == viewerId;
    }
}

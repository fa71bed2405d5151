package app.omnia.platform.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import app.omnia.platform.web.PageRequest;

/**
 * Keyset paging by id, Mastodon's way: {@code max_id} bounds from above, {@code since_id}/{@code min_id}
 * from below; a {@code min_id} page is read upwards (the page just above) and returned newest first.
 */
public final class SqlPaging {

    private SqlPaging() {
    }

    /** Appends the page's bounds, order and limit to a query that ends in a WHERE clause, adding parameters. */
    public static String apply(String sqlEndingInWhere, PageRequest page, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(sqlEndingInWhere);
        if (page.maxId() != null) {
            sql.append(" AND id < :pageMaxId");
            params.put("pageMaxId", page.maxId());
        }
        Long lower = page.minId() != null ? page.minId() : page.sinceId();
        if (lower != null) {
            sql.append(" AND id > :pageLower");
            params.put("pageLower", lower);
        }
        sql.append(page.ascending() ? " ORDER BY id ASC" : " ORDER BY id DESC").append(" LIMIT :pageLimit");
        params.put("pageLimit", page.limit());
        return sql.toString();
    }

    /** The rows newest first, whichever way they were read. */
    public static <T> List<T> newestFirst(List<T> rows, PageRequest page) {
        if (!page.ascending()) {
            return rows;
        }
        List<T> reversed = new ArrayList<>(rows);
        Collections.reverse(reversed);
        return reversed;
    }
}

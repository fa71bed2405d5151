package app.omnia.platform.persistence;

import java.util.Collection;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database this server writes to, read once at start. Hot batched writes (the ledger writer's) use
 * PostgreSQL's arrays there: one {@code INSERT … SELECT FROM unnest(?::bigint[], …)} or {@code UPDATE … FROM
 * unnest(…)} per table instead of one statement execution per row, and {@code = ANY(?::bigint[])} instead of
 * {@code IN (?, ?, …)}, so a statement's text is the same whatever the batch size and PostgreSQL keeps it
 * prepared (PgJDBC prepares it on the server after five uses; a list whose length varies defeats that). H2,
 * the embedded default, keeps the portable statements.
 */
@Component
public class SqlDialect {

    private final boolean postgres;

    public SqlDialect(DataSource dataSource) {
        this.postgres = Boolean.TRUE.equals(new JdbcTemplate(dataSource).execute((ConnectionCallback<Boolean>) c ->
                c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
    }

    public boolean postgres() {
        return postgres;
    }

    /**
     * {@code column} is one of the ids bound to the named parameter {@code :name} (with {@link #ids}): on
     * PostgreSQL {@code column = ANY(CAST(:name AS bigint[]))}, one text for any number of ids; elsewhere
     * {@code column IN (:name)}.
     */
    public String anyOf(String column, String name) {
        return postgres ? column + " = ANY(CAST(:" + name + " AS bigint[]))" : column + " IN (:" + name + ")";
    }

    /** The value to bind to an {@link #anyOf} parameter. */
    public Object ids(Collection<Long> ids) {
        return postgres ? longs(ids) : ids;
    }

    /** Ids as a {@code bigint[]} parameter, for {@code = ANY(?::bigint[])} and {@code unnest}. */
    public static Long[] longs(Collection<Long> values) {
        return values.toArray(Long[]::new);
    }
}

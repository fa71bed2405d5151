package app.omnia.wallet.persistence;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On H2 (the embedded default), refuses any change to a written journal row, as the PostgreSQL trigger of the
 * same migration does: the wallet's journal is append-only. H2 runs triggers as Java classes.
 */
public final class AppendOnlyJournalH2 implements Trigger {

    private String table = "";

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
        this.table = table;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("The wallet journal is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " on " + table + " refused", "23001");
    }
}

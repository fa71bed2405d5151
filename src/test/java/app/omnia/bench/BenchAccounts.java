package app.omnia.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import app.omnia.platform.crypto.Tokens;

/**
 * People a benchmark acts as, written straight into PostgreSQL with COPY under the schema Flyway made:
 * accounts {@code b0, b1, ...} with ids from {@link #FIRST_ID}, and access tokens {@code bench-<account id>}
 * (no sign-up, no OAuth dance: neither is what a benchmark measures).
 */
final class BenchAccounts {

    static final long FIRST_ID = 1_000_000;
    private static final String ACCOUNT_COLUMNS = "accounts (id, username, username_key, email, email_key, "
            + "password_hash, date_of_birth, role, created_at, updated_at)";

    private BenchAccounts() {
    }

    static long id(int index) {
        return FIRST_ID + index;
    }

    static String token(long accountId) {
        return "bench-" + accountId;
    }

    /** Accounts 0..count-1; those listed in {@code admins} get the admin role. */
    static void writeAccounts(Connection connection, int count, List<Integer> admins) throws SQLException, IOException {
        CopyManager copy = copy(connection);
        Instant now = Instant.now();
        StringBuilder rows = new StringBuilder(1 << 20);
        for (int i = 0; i < count; i++) {
            String name = "b" + i;
            rows.append(id(i)).append('\t').append(name).append('\t').append(name).append('\t')
                    .append(name).append("@bench.invalid\t").append(name).append("@bench.invalid\t")
                    .append("not-a-password-hash\t1990-01-01\t").append(admins.contains(i) ? "admin" : "user")
                    .append('\t').append(now).append('\t').append(now).append('\n');
            if (rows.length() > (8 << 20)) {
                flush(copy, rows, ACCOUNT_COLUMNS);
            }
        }
        flush(copy, rows, ACCOUNT_COLUMNS);
    }

    /** One bench application, and a token {@link #token(long)} with these scopes for each account. */
    static void writeTokens(Connection connection, List<Long> accounts, String scopes) throws SQLException, IOException {
        try (var statement = connection.createStatement()) {
            statement.execute("INSERT INTO oauth_applications (id, name, redirect_uris, scopes, client_id, "
                    + "client_secret_hash, created_at) VALUES (1, 'bench', 'urn:ietf:wg:oauth:2.0:oob', '" + scopes
                    + "', 'bench', 'none', now())");
        }
        Instant now = Instant.now();
        StringBuilder rows = new StringBuilder();
        long tokenId = 1;
        for (long account : accounts) {
            rows.append(tokenId++).append('\t').append(Tokens.hash(token(account))).append("\t1\t").append(account)
                    .append('\t').append(scopes).append('\t').append(now).append('\n');
        }
        flush(copy(connection), rows, "oauth_access_tokens (id, token_hash, application_id, account_id, scopes, "
                + "created_at)");
    }

    static CopyManager copy(Connection connection) throws SQLException {
        return connection.unwrap(PGConnection.class).getCopyAPI();
    }

    static void flush(CopyManager copy, StringBuilder rows, String table) throws SQLException, IOException {
        if (!rows.isEmpty()) {
            copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
            rows.setLength(0);
        }
    }

    /** Drops and creates the benchmark's own database (the server's Flyway then builds the schema). */
    static void recreateDatabase(String postgres, String database) throws SQLException {
        try (Connection admin = java.sql.DriverManager.getConnection(postgres + "postgres", "postgres", "");
             var statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }

    /** Empties the benchmark's Redis database (only the one the URL names). */
    static void flushRedis(String redisUrl) throws IOException, InterruptedException {
        java.net.URI uri = java.net.URI.create(redisUrl);
        String db = uri.getPath().length() > 1 ? uri.getPath().substring(1) : "0";
        Process flush = new ProcessBuilder("redis-cli", "-h", uri.getHost(), "-p",
                String.valueOf(uri.getPort() < 0 ? 6379 : uri.getPort()), "-n", db, "flushdb").inheritIO().start();
        flush.waitFor();
    }

    static void flushIfBig(CopyManager copy, StringBuilder rows, String table) throws SQLException, IOException {
        if (rows.length() > (8 << 20)) {
            flush(copy, rows, table);
        }
    }
}

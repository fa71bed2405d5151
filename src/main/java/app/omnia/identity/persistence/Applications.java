package app.omnia.identity.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;
import app.omnia.platform.security.Scopes;

/** OAuth client applications. The client secret is stored only as a hash. */
@Repository
public class Applications {

    public record Application(long id, String name, String website, List<String> redirectUris, Set<String> scopes,
                              String clientId, String clientSecretHash, Instant createdAt) {}

    private final JdbcClient jdbc;

    public Applications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Application app) {
        jdbc.sql("""
                INSERT INTO oauth_applications (id, name, website, redirect_uris, scopes, client_id,
                    client_secret_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(app.id(), app.name(), app.website(), String.join("\n", app.redirectUris()),
                        Scopes.format(app.scopes()), app.clientId(), app.clientSecretHash(), SqlTime.of(app.createdAt()))
                .update();
    }

    public Optional<Application> findById(long id) {
        return jdbc.sql("SELECT * FROM oauth_applications WHERE id = ?").param(id).query(Applications::map).optional();
    }

    public Optional<Application> findByClientId(String clientId) {
        return jdbc.sql("SELECT * FROM oauth_applications WHERE client_id = ?").param(clientId)
                .query(Applications::map).optional();
    }

    private static Application map(ResultSet rs, int row) throws SQLException {
        return new Application(rs.getLong("id"), rs.getString("name"), rs.getString("website"),
                List.of(rs.getString("redirect_uris").split("\n")), Scopes.parse(rs.getString("scopes")),
                rs.getString("client_id"), rs.getString("client_secret_hash"), SqlTime.read(rs, "created_at"));
    }
}

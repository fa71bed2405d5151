package app.omnia.wallet.persistence;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** The sandbox network's card vault: token to sealed number. Only the sandbox adapter reads it. */
@Repository
public class SandboxVault {

    private final JdbcClient jdbc;

    public SandboxVault(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void put(String token, String sealedNumber, Instant at) {
        jdbc.sql("INSERT INTO wallet_sandbox_vault (token, sealed_number, created_at) VALUES (?, ?, ?)")
                .params(token, sealedNumber, SqlTime.of(at)).update();
    }

    public Optional<String> sealedNumber(String token) {
        return jdbc.sql("SELECT sealed_number FROM wallet_sandbox_vault WHERE token = ?").param(token)
                .query(String.class).optional();
    }

    public void delete(String token) {
        jdbc.sql("DELETE FROM wallet_sandbox_vault WHERE token = ?").param(token).update();
    }
}

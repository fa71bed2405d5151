package app.omnia.wallet.persistence;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/** The sandbox network's side of each operation, keyed by the platform's reference (its de-duplication key). */
@Repository
public class SandboxTransactions {

    public record Transaction(String reference, String token, String direction, long amount, String asset,
                              String state, String declineCode, String challengeId, int challengeAttempts) {}

    private final JdbcClient jdbc;

    public SandboxTransactions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new operation; false when the reference is already known (a retry). */
    public boolean insert(Transaction t, Instant at) {
        return jdbc.sql("""
                INSERT INTO wallet_sandbox_transactions (reference, token, direction, amount, asset, state,
                    decline_code, challenge_id, challenge_attempts, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?) ON CONFLICT DO NOTHING
                """).params(t.reference(), t.token(), t.direction(), t.amount(), t.asset(), t.state(),
                t.declineCode(), t.challengeId(), SqlTime.of(at)).update() == 1;
    }

    public Optional<Transaction> find(String reference) {
        return jdbc.sql("SELECT * FROM wallet_sandbox_transactions WHERE reference = ?").param(reference)
                .query((rs, i) -> new Transaction(rs.getString("reference"), rs.getString("token"),
                        rs.getString("direction"), rs.getLong("amount"), rs.getString("asset"), rs.getString("state"),
                        rs.getString("decline_code"), rs.getString("challenge_id"), rs.getInt("challenge_attempts")))
                .optional();
    }

    /** Moves from one state to another; false when the operation was not in {@code from} any more. */
    public boolean move(String reference, String from, String to, String declineCode) {
        return jdbc.sql("""
                UPDATE wallet_sandbox_transactions SET state = ?, decline_code = COALESCE(?, decline_code)
                WHERE reference = ? AND state = ?
                """).params(to, declineCode, reference, from).update() == 1;
    }

    public int countChallengeAttempt(String reference) {
        jdbc.sql("UPDATE wallet_sandbox_transactions SET challenge_attempts = challenge_attempts + 1 WHERE reference = ?")
                .param(reference).update();
        return jdbc.sql("SELECT challenge_attempts FROM wallet_sandbox_transactions WHERE reference = ?")
                .param(reference).query(Integer.class).single();
    }
}

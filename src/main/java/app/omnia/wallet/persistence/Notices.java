package app.omnia.wallet.persistence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What waits for a person in their wallet: money received from people since they last looked, money requests
 * asked of them and merchant charges waiting for their confirmation. Counts stop at {@link #MOST}: a badge
 * says "99+", not the exact figure, and the count must stay cheap for someone paid every minute for years.
 */
@Repository
public class Notices {

    public static final int MOST = 100;

    private final JdbcClient jdbc;

    public Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Entries paying this person from another person (not top-ups nor adjustments) after the one last seen. */
    public int receivedUnseen(long accountId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT id FROM wallet_entries
                    WHERE payee_id = :me AND payer_id IS NOT NULL AND payer_id <> :me
                      AND id > COALESCE((SELECT entry_id FROM wallet_seen WHERE account_id = :me), 0)
                    ORDER BY id DESC LIMIT :most) received
                """).param("me", accountId).param("most", MOST).query(Integer.class).single();
    }

    public int pendingRequests(long accountId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT id FROM wallet_money_requests WHERE payer_id = ? AND state = 'pending'
                    LIMIT ?) pending
                """).params(accountId, MOST).query(Integer.class).single();
    }

    public int pendingCharges(long accountId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM (SELECT id FROM wallet_charges WHERE payer_id = ? AND status = 'pending'
                    LIMIT ?) pending
                """).params(accountId, MOST).query(Integer.class).single();
    }

    /**
     * Marks every payment received so far as seen, in one statement ({@code MERGE}: H2 has no {@code ON CONFLICT
     * … DO UPDATE}). The mark only moves forward: a slower request from another device, which read an older
     * newest entry, cannot bring back payments already seen. With nothing received there is nothing to mark.
     */
    public void seeAll(long accountId) {
        try {
            markNewest(accountId);
        } catch (DuplicateKeyException firstMarkRaced) {
            // Another device made the person's first mark between our look and our insert: move that one instead.
            markNewest(accountId);
        }
    }

    private void markNewest(long accountId) {
        jdbc.sql("""
                MERGE INTO wallet_seen s
                USING (SELECT CAST(:me AS BIGINT) AS account_id, MAX(id) AS entry_id FROM wallet_entries
                    WHERE payee_id = :me) newest
                ON s.account_id = newest.account_id
                WHEN MATCHED AND s.entry_id < newest.entry_id THEN UPDATE SET entry_id = newest.entry_id
                WHEN NOT MATCHED AND newest.entry_id IS NOT NULL THEN
                    INSERT (account_id, entry_id) VALUES (newest.account_id, newest.entry_id)
                """).param("me", accountId).update();
    }
}

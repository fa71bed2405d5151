package app.omnia.messaging.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.omnia.platform.persistence.SqlTime;

/**
 * Public key bundles per device. One-time pre-keys are claimed by deleting them: of two fetchers racing for
 * the same key only the one whose DELETE removed the row hands it out, so a key is never given twice.
 */
@Repository
public class DeviceKeys {

    public record Device(long accountId, int deviceId, String identityKey, int signedPreKeyId, String signedPreKey,
                         String signedPreKeySignature, Instant updatedAt) {}

    public record OneTimeKey(int keyId, String publicKey) {}

    /** Most devices one account may register. */
    public static final int MAX_DEVICES = 10;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public DeviceKeys(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts or replaces the device's long-term and signed keys; its one-time keys are kept. */
    public void upsert(Device d) {
        int updated = jdbc.sql("""
                UPDATE chat_devices SET identity_key = ?, signed_pre_key_id = ?, signed_pre_key = ?,
                    signed_pre_key_signature = ?, updated_at = ? WHERE account_id = ? AND device_id = ?
                """).params(d.identityKey(), d.signedPreKeyId(), d.signedPreKey(), d.signedPreKeySignature(),
                SqlTime.of(d.updatedAt()), d.accountId(), d.deviceId()).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO chat_devices (account_id, device_id, identity_key, signed_pre_key_id, signed_pre_key,
                        signed_pre_key_signature, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """).params(d.accountId(), d.deviceId(), d.identityKey(), d.signedPreKeyId(), d.signedPreKey(),
                    d.signedPreKeySignature(), SqlTime.of(d.updatedAt())).update();
        }
    }

    /** Adds one-time keys; a key id the device already uploaded keeps its first value. */
    public void addOneTimeKeys(long accountId, int deviceId, List<OneTimeKey> keys) {
        batch.batchUpdate("""
                INSERT INTO chat_one_time_keys (account_id, device_id, key_id, public_key) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """, keys.stream().map(k -> new Object[] {accountId, deviceId, k.keyId(), k.publicKey()}).toList());
    }

    public int oneTimeKeyCount(long accountId, int deviceId) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_one_time_keys WHERE account_id = ? AND device_id = ?")
                .params(accountId, deviceId).query(Integer.class).single();
    }

    public List<Device> devices(long accountId) {
        return jdbc.sql("SELECT * FROM chat_devices WHERE account_id = ? ORDER BY device_id").param(accountId)
                .query((rs, i) -> new Device(rs.getLong("account_id"), rs.getInt("device_id"),
                        rs.getString("identity_key"), rs.getInt("signed_pre_key_id"), rs.getString("signed_pre_key"),
                        rs.getString("signed_pre_key_signature"), SqlTime.read(rs, "updated_at"))).list();
    }

    public boolean deleteDevice(long accountId, int deviceId) {
        jdbc.sql("DELETE FROM chat_one_time_keys WHERE account_id = ? AND device_id = ?").params(accountId, deviceId)
                .update();
        return jdbc.sql("DELETE FROM chat_devices WHERE account_id = ? AND device_id = ?").params(accountId, deviceId)
                .update() > 0;
    }

    /**
     * Takes the device's oldest one-time key for good, or none when it has run out. A fetcher that loses a race
     * for a key tries the next one; after many lost races it answers none (the bundle still works without one).
     */
    public Optional<OneTimeKey> claimOneTimeKey(long accountId, int deviceId) {
        for (int attempt = 0; attempt < 32; attempt++) {
            Optional<OneTimeKey> candidate = jdbc.sql("""
                    SELECT key_id, public_key FROM chat_one_time_keys WHERE account_id = ? AND device_id = ?
                    ORDER BY key_id LIMIT 1
                    """).params(accountId, deviceId)
                    .query((rs, i) -> new OneTimeKey(rs.getInt("key_id"), rs.getString("public_key"))).optional();
            if (candidate.isEmpty()) {
                return Optional.empty();
            }
            int claimed = jdbc.sql("DELETE FROM chat_one_time_keys WHERE account_id = ? AND device_id = ? AND key_id = ?")
                    .params(accountId, deviceId, candidate.get().keyId()).update();
            if (claimed == 1) {
                return candidate;
            }
        }
        return Optional.empty();
    }
}

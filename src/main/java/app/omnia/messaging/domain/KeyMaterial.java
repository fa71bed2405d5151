package app.omnia.messaging.domain;

import java.util.Base64;
import java.util.Optional;

/**
 * Public keys and signatures that devices upload for end-to-end encryption: opaque to the server, which only
 * checks that each is base64 of a sane size. The server never receives a private key, so it never checks one.
 */
public final class KeyMaterial {

    /** Curve25519/Ed25519 public keys are 32–33 bytes, signatures 64; room for other suites, not for payloads. */
    public static final int MAX_KEY_BYTES = 128;
    public static final int MIN_KEY_BYTES = 16;
    /** One-time pre-keys in one upload. */
    public static final int MAX_UPLOAD = 100;

    private KeyMaterial() {
    }

    public static Optional<MessageContent.Fault> check(String field, String base64) {
        if (base64 == null || base64.isBlank()) {
            return Optional.of(new MessageContent.Fault(field, "ERR_BLANK", field + " can't be blank"));
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return Optional.of(new MessageContent.Fault(field, "ERR_INVALID", field + " must be base64"));
        }
        if (bytes.length < MIN_KEY_BYTES || bytes.length > MAX_KEY_BYTES) {
            return Optional.of(new MessageContent.Fault(field, "ERR_INVALID", field + " must decode to "
                    + MIN_KEY_BYTES + " to " + MAX_KEY_BYTES + " bytes"));
        }
        return Optional.empty();
    }

    /** Device and key ids are positive 31-bit numbers, as in the Signal protocol. */
    public static Optional<MessageContent.Fault> checkId(String field, long id) {
        return id > 0 && id <= Integer.MAX_VALUE ? Optional.empty()
                : Optional.of(new MessageContent.Fault(field, "ERR_INVALID", field + " must be from 1 to " + Integer.MAX_VALUE));
    }
}

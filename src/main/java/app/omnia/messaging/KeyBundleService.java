package app.omnia.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.omnia.messaging.domain.KeyMaterial;
import app.omnia.messaging.persistence.DeviceKeys;
import app.omnia.platform.web.ApiException;

/**
 * Public key bundles for end-to-end encrypted conversations (X3DH-style): each device uploads its identity
 * key, a signed pre-key with its signature, and one-time pre-keys; another account fetches one bundle per
 * device of a person, each with one one-time pre-key that is then gone for good. The server keeps only public
 * material, opaque base64 it checks for size; private keys never leave the devices.
 */
@Service
public class KeyBundleService {

    /** What a device uploads; {@code oneTimeKeys} may be empty (a refill carries only those, with the rest). */
    public record Upload(String identityKey, long signedPreKeyId, String signedPreKey, String signedPreKeySignature,
                         List<Map<String, String>> oneTimeKeys) {}

    /** One device as others fetch it; {@code oneTimeKey} null once the device ran out. */
    public record Bundle(int deviceId, String identityKey, int signedPreKeyId, String signedPreKey,
                         String signedPreKeySignature, DeviceKeys.OneTimeKey oneTimeKey) {}

    /** One of the caller's own devices, with how many one-time keys it has left on the server. */
    public record OwnDevice(int deviceId, String identityKey, int signedPreKeyId, int oneTimeKeysLeft) {}

    private final DeviceKeys keys;
    private final Reachability reachability;
    private final ChatSettings settings;
    private final ChatLimits limits;
    private final Clock clock;

    KeyBundleService(DeviceKeys keys, Reachability reachability, ChatSettings settings, ChatLimits limits, Clock clock) {
        this.keys = keys;
        this.reachability = reachability;
        this.settings = settings;
        this.limits = limits;
        this.clock = clock;
    }

    @Transactional
    public OwnDevice upload(long me, long deviceId, Upload upload) {
        check(KeyMaterial.checkId("device_id", deviceId));
        check(KeyMaterial.check("identity_key", upload.identityKey()));
        check(KeyMaterial.checkId("signed_pre_key_id", upload.signedPreKeyId()));
        check(KeyMaterial.check("signed_pre_key", upload.signedPreKey()));
        check(KeyMaterial.check("signed_pre_key_signature", upload.signedPreKeySignature()));
        List<DeviceKeys.OneTimeKey> oneTime = oneTimeKeys(upload.oneTimeKeys());
        limits.hit(ChatLimits.Name.KEY_UPLOADS, String.valueOf(me));
        List<DeviceKeys.Device> devices = keys.devices(me);
        boolean known = devices.stream().anyMatch(d -> d.deviceId() == deviceId);
        if (!known && devices.size() >= DeviceKeys.MAX_DEVICES) {
            throw ApiException.validation("device_id", "ERR_TOO_MANY", "An account has at most "
                    + DeviceKeys.MAX_DEVICES + " devices: remove one first");
        }
        int device = (int) deviceId;
        if ((known ? keys.oneTimeKeyCount(me, device) : 0) + oneTime.size() > settings.maxOneTimeKeys()) {
            throw ApiException.validation("one_time_pre_keys", "ERR_TOO_MANY", "A device keeps at most "
                    + settings.maxOneTimeKeys() + " one-time pre-keys on the server");
        }
        keys.upsert(new DeviceKeys.Device(me, device, upload.identityKey(), (int) upload.signedPreKeyId(),
                upload.signedPreKey(), upload.signedPreKeySignature(), clock.instant()));
        keys.addOneTimeKeys(me, device, oneTime);
        return new OwnDevice(device, upload.identityKey(), (int) upload.signedPreKeyId(), keys.oneTimeKeyCount(me, device));
    }

    @Transactional(readOnly = true)
    public List<OwnDevice> own(long me) {
        return keys.devices(me).stream().map(d -> new OwnDevice(d.deviceId(), d.identityKey(), d.signedPreKeyId(),
                keys.oneTimeKeyCount(me, d.deviceId()))).toList();
    }

    @Transactional
    public void remove(long me, long deviceId) {
        if (deviceId < 1 || deviceId > Integer.MAX_VALUE || !keys.deleteDevice(me, (int) deviceId)) {
            throw ApiException.notFound();
        }
    }

    /**
     * A bundle for every device of {@code accountId}, each using up one one-time pre-key. An account the caller
     * may not see, or with which either blocks the other, is a 404 like an unknown one.
     */
    @Transactional
    public List<Bundle> fetch(long me, long accountId) {
        if (accountId != me && (!reachability.visible(me, accountId) || reachability.blockedEitherWay(me, accountId))) {
            throw ApiException.notFound();
        }
        limits.hit(ChatLimits.Name.KEY_FETCHES, String.valueOf(me));
        List<Bundle> bundles = new ArrayList<>();
        for (DeviceKeys.Device d : keys.devices(accountId)) {
            bundles.add(new Bundle(d.deviceId(), d.identityKey(), d.signedPreKeyId(), d.signedPreKey(),
                    d.signedPreKeySignature(), keys.claimOneTimeKey(accountId, d.deviceId()).orElse(null)));
        }
        return bundles;
    }

    private static List<DeviceKeys.OneTimeKey> oneTimeKeys(List<Map<String, String>> given) {
        if (given.size() > KeyMaterial.MAX_UPLOAD) {
            throw ApiException.validation("one_time_pre_keys", "ERR_TOO_LONG", "one_time_pre_keys has more than "
                    + KeyMaterial.MAX_UPLOAD + " keys");
        }
        List<DeviceKeys.OneTimeKey> keys = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Map<String, String> item : given) {
            long keyId;
            try {
                keyId = Long.parseLong(String.valueOf(item.get("key_id")).trim());
            } catch (NumberFormatException e) {
                keyId = 0;
            }
            check(KeyMaterial.checkId("one_time_pre_keys", keyId));
            check(KeyMaterial.check("one_time_pre_keys", item.get("public_key")));
            if (!seen.add(keyId)) {
                throw ApiException.validation("one_time_pre_keys", "ERR_INVALID", "one_time_pre_keys repeats key_id " + keyId);
            }
            keys.add(new DeviceKeys.OneTimeKey((int) keyId, item.get("public_key")));
        }
        return keys;
    }

    private static void check(java.util.Optional<app.omnia.messaging.domain.MessageContent.Fault> fault) {
        fault.ifPresent(MessageService::refuse);
    }
}

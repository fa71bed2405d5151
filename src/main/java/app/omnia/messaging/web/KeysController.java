package app.omnia.messaging.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.messaging.ChatScopes;
import app.omnia.messaging.KeyBundleService;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;

/** Device public key bundles for end-to-end encryption, under {@code /api/omnia/v1/chat/keys}. */
@RestController
class KeysController {

    private static final String KEYS = "/api/omnia/v1/chat/keys";

    private final KeyBundleService keys;

    KeysController(KeyBundleService keys) {
        this.keys = keys;
    }

    /**
     * Registers or refreshes one of the caller's devices: {@code identity_key}, {@code signed_pre_key_id},
     * {@code signed_pre_key}, {@code signed_pre_key_signature} (base64) and {@code one_time_pre_keys}
     * ({@code [{"key_id":1,"public_key":"..."}]}, at most 100 per upload), added to those left.
     */
    @PutMapping(KEYS + "/devices/{deviceId}")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> upload(@PathVariable String deviceId, Params params) {
        long signedPreKeyId;
        try {
            signedPreKeyId = Long.parseLong(params.required("signed_pre_key_id").trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation("signed_pre_key_id", "ERR_INVALID", "signed_pre_key_id must be a number");
        }
        var upload = new KeyBundleService.Upload(params.string("identity_key").orElse(null), signedPreKeyId,
                params.string("signed_pre_key").orElse(null), params.string("signed_pre_key_signature").orElse(null),
                params.nested("one_time_pre_keys"));
        return own(keys.upload(CurrentViewer.requireAccountId(), PathIds.parse(deviceId), upload));
    }

    @GetMapping(KEYS + "/devices")
    @RequiresScope(ChatScopes.READ)
    List<Map<String, Object>> devices() {
        return keys.own(CurrentViewer.requireAccountId()).stream().map(KeysController::own).toList();
    }

    @DeleteMapping(KEYS + "/devices/{deviceId}")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> remove(@PathVariable String deviceId) {
        keys.remove(CurrentViewer.requireAccountId(), PathIds.parse(deviceId));
        return Map.of();
    }

    /** One bundle per device of the account, each with a one-time pre-key handed out to this caller only. */
    @GetMapping(KEYS + "/{accountId}")
    @RequiresScope(ChatScopes.WRITE)
    Map<String, Object> fetch(@PathVariable String accountId) {
        long id = PathIds.parse(accountId);
        List<Map<String, Object>> devices = keys.fetch(CurrentViewer.requireAccountId(), id).stream().map(b -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("device_id", b.deviceId());
            json.put("identity_key", b.identityKey());
            json.put("signed_pre_key_id", b.signedPreKeyId());
            json.put("signed_pre_key", b.signedPreKey());
            json.put("signed_pre_key_signature", b.signedPreKeySignature());
            json.put("one_time_pre_key", b.oneTimeKey() == null ? null
                    : Map.of("key_id", b.oneTimeKey().keyId(), "public_key", b.oneTimeKey().publicKey()));
            return json;
        }).toList();
        return Map.of("account_id", String.valueOf(id), "devices", devices);
    }

    private static Map<String, Object> own(KeyBundleService.OwnDevice d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("device_id", d.deviceId());
        json.put("identity_key", d.identityKey());
        json.put("signed_pre_key_id", d.signedPreKeyId());
        json.put("one_time_pre_keys_left", d.oneTimeKeysLeft());
        return json;
    }
}

package app.omnia.messaging.web;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Device key bundles: public keys only, each one-time pre-key handed out once. */
@IntegrationTest
class ChatKeysTest extends ChatFixture {

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) seed);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static Map<String, Object> bundle(List<Map<String, Object>> oneTime) {
        return Map.of("identity_key", key(1), "signed_pre_key_id", 7, "signed_pre_key", key(2),
                "signed_pre_key_signature", Base64.getEncoder().encodeToString(new byte[64]),
                "one_time_pre_keys", oneTime);
    }

    private Api.Response upload(Api as, String device, Map<String, Object> body) {
        return as.send("PUT", CHAT + "/keys/devices/" + device, "application/json", Api.JSON.writeValueAsString(body));
    }

    @Test
    void othersFetchABundlePerDeviceAndEachOneTimeKeyOnce() {
        Api.Response uploaded = upload(asBob, "1", bundle(List.of(Map.of("key_id", 11, "public_key", key(11)),
                Map.of("key_id", 12, "public_key", key(12)))));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(uploaded.json().get("one_time_pre_keys_left").asInt()).isEqualTo(2);
        upload(asBob, "2", bundle(List.of()));

        JsonNode first = asAlice.get(CHAT + "/keys/" + bob.id()).json();
        assertThat(first.get("devices")).hasSize(2);
        JsonNode device = first.get("devices").get(0);
        assertThat(device.get("device_id").asInt()).isEqualTo(1);
        assertThat(device.get("identity_key").asString()).isEqualTo(key(1));
        assertThat(device.get("signed_pre_key_id").asInt()).isEqualTo(7);
        assertThat(device.get("one_time_pre_key").get("key_id").asInt()).isEqualTo(11);
        assertThat(first.get("devices").get(1).get("one_time_pre_key").isNull()).isTrue();
        User carol = quickUser();
        assertThat(as(carol).get(CHAT + "/keys/" + bob.id()).json().get("devices").get(0).get("one_time_pre_key")
                .get("key_id").asInt()).as("the next caller gets the next key").isEqualTo(12);
        assertThat(asAlice.get(CHAT + "/keys/" + bob.id()).json().get("devices").get(0).get("one_time_pre_key").isNull())
                .as("used up: the bundle goes without one").isTrue();
        assertThat(asBob.get(CHAT + "/keys/devices").json().get(0).get("one_time_pre_keys_left").asInt()).isZero();

        Api.Response refill = upload(asBob, "1", bundle(List.of(Map.of("key_id", 13, "public_key", key(13)))));
        assertThat(refill.json().get("one_time_pre_keys_left").asInt()).isEqualTo(1);
        assertThat(asBob.delete(CHAT + "/keys/devices/2").status()).isEqualTo(200);
        assertThat(asAlice.get(CHAT + "/keys/" + bob.id()).json().get("devices")).hasSize(1);
        assertProblem(asAlice.delete(CHAT + "/keys/devices/1"), 404, null);
    }

    @Test
    void fetchersRacingForOneTimeKeysNeverGetTheSameOne() throws Exception {
        List<Map<String, Object>> keys = new java.util.ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            keys.add(Map.of("key_id", i, "public_key", key(i)));
        }
        upload(asBob, "1", bundle(keys));
        List<java.util.concurrent.Callable<Api.Response>> fetchers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            fetchers.add(() -> asAlice.get(CHAT + "/keys/" + bob.id()));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<Integer> handedOut = new java.util.ArrayList<>();
        try {
            for (var result : pool.invokeAll(fetchers)) {
                assertThat(result.get().status()).as(result.get().toString()).isEqualTo(200);
                JsonNode oneTime = result.get().json().get("devices").get(0).get("one_time_pre_key");
                if (!oneTime.isNull()) {
                    handedOut.add(oneTime.get("key_id").asInt());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(handedOut).as("each key once").doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void badKeysAreRefusedNamingTheFieldAndBlockedOrUnknownAccountsAreNotFound() {
        assertProblem(upload(asBob, "1", Map.of("identity_key", "%%%", "signed_pre_key_id", 1, "signed_pre_key", key(2),
                "signed_pre_key_signature", key(3))), 422, "identity_key");
        assertProblem(upload(asBob, "1", Map.of("identity_key", Base64.getEncoder().encodeToString(new byte[4096]),
                "signed_pre_key_id", 1, "signed_pre_key", key(2), "signed_pre_key_signature", key(3))), 422, "identity_key");
        assertProblem(upload(asBob, "1", Map.of("identity_key", key(1), "signed_pre_key_id", 1,
                "signed_pre_key_signature", key(3))), 422, "signed_pre_key");
        assertProblem(upload(asBob, "1", Map.of("identity_key", key(1), "signed_pre_key_id", "x", "signed_pre_key", key(2),
                "signed_pre_key_signature", key(3))), 422, "signed_pre_key_id");
        assertProblem(upload(asBob, "1", bundle(List.of(Map.of("key_id", 1, "public_key", "??")))), 422,
                "one_time_pre_keys");
        assertProblem(upload(asBob, "1", bundle(List.of(Map.of("key_id", 1, "public_key", key(1)),
                Map.of("key_id", 1, "public_key", key(2))))), 422, "one_time_pre_keys");
        assertProblem(upload(asBob, "0", bundle(List.of())), 422, "device_id");
        assertThat(asBob.get(CHAT + "/keys/devices").json()).as("nothing half-written").isEmpty();

        upload(asBob, "1", bundle(List.of(Map.of("key_id", 1, "public_key", key(1)))));
        assertProblem(asAlice.get(CHAT + "/keys/999999999"), 404, null);
        asBob.postForm("/api/v1/accounts/" + alice.id() + "/block", Map.of());
        assertProblem(asAlice.get(CHAT + "/keys/" + bob.id()), 404, null);
        assertThat(asBob.get(CHAT + "/keys/devices").json().get(0).get("one_time_pre_keys_left").asInt())
                .as("a refused fetch uses up nothing").isEqualTo(1);
    }
}

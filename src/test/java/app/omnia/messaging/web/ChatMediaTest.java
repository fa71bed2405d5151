package app.omnia.messaging.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.omnia.messaging.MessageEvidence;
import app.omnia.messaging.MessageService;
import app.omnia.support.Api;
import app.omnia.support.IntegrationTest;
import app.omnia.support.StreamClient;
import app.omnia.support.TestAccounts.User;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Images in messages and group avatars, and a message as moderation evidence. */
@IntegrationTest
class ChatMediaTest extends ChatFixture {

    @Autowired
    MessageService messageService;

    private Api.Response sendMedia(Api as, String conversation, List<String> mediaIds, String text) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("client_message_id", UUID.randomUUID().toString(),
                "media_ids", mediaIds));
        if (text != null) {
            body.put("text", text);
        }
        return as.postJson(CHAT + "/conversations/" + conversation + "/messages", body);
    }

    @Test
    void anImageGoesOnOneMessageShownLikeAMastodonAttachment() {
        String conversation = direct(asAlice, bob);
        String media = upload(asAlice);
        try (StreamClient bobs = chatSocket(bob)) {
            Api.Response sent = sendMedia(asAlice, conversation, List.of(media), null);
            assertThat(sent.status()).as("an image needs no text").as(sent.toString()).isEqualTo(200);
            JsonNode attachment = sent.json().get("media_attachments").get(0);
            assertThat(attachment.get("id").asString()).isEqualTo(media);
            assertThat(attachment.get("type").asString()).isEqualTo("image");
            assertThat(attachment.get("url").asString()).contains("/media/");
            assertThat(attachment.get("preview_url").asString()).contains("/media/");
            assertThat(attachment.get("meta").get("original").get("width").asInt()).isPositive();
            assertThat(attachment.get("description").asString()).isEqualTo("a picture");
            JsonNode heard = nextMessage(bobs);
            assertThat(heard.get("payload").get("media_attachments").get(0).get("url").asString())
                    .isEqualTo(attachment.get("url").asString());
            assertThat(api.get(attachment.get("url").asString().replaceAll("^https?://[^/]+", "")).status())
                    .isEqualTo(200);
        }
        JsonNode page = asBob.get(CHAT + "/conversations/" + conversation + "/messages").json();
        assertThat(page.get(0).get("media_attachments").get(0).get("id").asString()).isEqualTo(media);

        assertProblem(sendMedia(asAlice, conversation, List.of(media), "again"), 422, "media_ids");
        String bobs = upload(asBob);
        assertProblem(sendMedia(asAlice, conversation, List.of(bobs), "not mine"), 422, "media_ids");
        List<String> five = List.of(upload(asAlice), upload(asAlice), upload(asAlice), upload(asAlice), upload(asAlice));
        assertProblem(sendMedia(asAlice, conversation, five, "too many"), 422, "media_ids");
        assertProblem(sendMedia(asAlice, conversation, List.of("nope"), "junk"), 422, "media_ids");
        Api.Response four = sendMedia(asAlice, conversation, five.subList(0, 4), "four");
        assertThat(four.json().get("media_attachments")).hasSize(4);
        assertThat(four.json().get("media_attachments").valueStream().map(m -> m.get("id").asString()).toList())
                .containsExactlyElementsOf(five.subList(0, 4));
        assertProblem(new app.omnia.support.Multipart().field("description", "no file").send(asAlice, "POST",
                CHAT + "/media"), 422, "file");
        assertThat(asBob.get(CHAT + "/conversations/" + conversation + "/messages").json()).hasSize(2);
    }

    @Test
    void anEncryptedConversationRefusesPlaintextMedia() {
        String conversation = direct(asAlice, bob, true);
        String media = upload(asAlice);
        Api.Response refused = asAlice.postJson(CHAT + "/conversations/" + conversation + "/messages", Map.of(
                "client_message_id", "e1", "ciphertext", "c2VhbGVk", "media_ids", List.of(media)));
        assertProblem(refused, 422, "media_ids");
        assertThat(asBob.get(CHAT + "/conversations/" + conversation + "/messages").json()).isEmpty();
        assertThat(sendMedia(asAlice, direct(asAlice, bob), List.of(media), null).status())
                .as("the refused upload is still free").isEqualTo(200);
    }

    @Test
    void groupManagersSetTheAvatarOthersMayNot() {
        User carol = quickUser();
        String group = asAlice.postJson(CHAT + "/conversations", Map.of("type", "group", "name", "pics",
                "account_ids", List.of(bob.id(), carol.id()))).json().get("id").asString();
        String avatar = CHAT + "/conversations/" + group + "/avatar";
        String picture = upload(asAlice);
        Api.Response set = asAlice.send("PUT", avatar, "application/json", "{\"media_id\":\"" + picture + "\"}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("avatar").asString()).contains("/media/");
        assertThat(asBob.get(CHAT + "/conversations/" + group).json().get("avatar").asString())
                .isEqualTo(set.json().get("avatar").asString());
        assertThat(asBob.get(CHAT + "/conversations").json().get(0).get("avatar").asString())
                .as("in the list too").isEqualTo(set.json().get("avatar").asString());
        assertThat(types(asBob)).contains("chat.conversation.update");

        String bobs = upload(asBob);
        assertProblem(asBob.send("PUT", avatar, "application/json", "{\"media_id\":\"" + bobs + "\"}"), 403, null);
        User eve = quickUser();
        assertProblem(as(eve).send("PUT", avatar, "application/json", "{\"media_id\":\"" + upload(as(eve)) + "\"}"),
                404, null);
        assertProblem(asAlice.send("PUT", avatar, "application/json", "{\"media_id\":\"" + picture + "\"}"), 422,
                "media_id");
        assertProblem(asAlice.send("PUT", avatar, "application/json", "{\"media_id\":\"" + bobs + "\"}"), 422,
                "media_id");
        assertProblem(asAlice.send("PUT", avatar, "application/json", "{}"), 422, "media_id");
        assertProblem(asAlice.send("PUT", CHAT + "/conversations/" + direct(asAlice, bob) + "/avatar",
                "application/json", "{\"media_id\":\"" + upload(asAlice) + "\"}"), 403, null);
        assertThat(asAlice.delete(avatar).json().get("avatar").isNull()).isTrue();
    }

    @Test
    void moderationGetsAMessageAsEvidenceOnlyForAMemberReporter() {
        String conversation = direct(asAlice, bob);
        String media = upload(asAlice);
        JsonNode sent = sendMedia(asAlice, conversation, List.of(media), "look at this").json();
        long id = Long.parseLong(sent.get("id").asString());

        MessageEvidence evidence = messageService.evidence(id, Long.parseLong(bob.id())).orElseThrow();
        assertThat(evidence.senderId()).isEqualTo(Long.parseLong(alice.id()));
        assertThat(evidence.conversationId()).isEqualTo(Long.parseLong(conversation));
        assertThat(evidence.text()).isEqualTo("look at this");
        assertThat(evidence.encrypted()).isFalse();
        assertThat(evidence.mediaFiles()).hasSize(1);
        assertThat(sent.get("media_attachments").get(0).get("url").asString()).endsWith("/media/" + evidence.mediaFiles().get(0));
        assertThat(evidence.createdAt()).isNotNull();
        User eve = quickUser();
        assertThat(messageService.evidence(id, Long.parseLong(eve.id()))).isEmpty();
        assertThat(messageService.evidence(123456789L, Long.parseLong(bob.id()))).isEmpty();

        String sealed = direct(asAlice, bob, true);
        long secret = Long.parseLong(asAlice.postJson(CHAT + "/conversations/" + sealed + "/messages",
                Map.of("client_message_id", "s1", "ciphertext", "c2VhbGVk")).json().get("id").asString());
        MessageEvidence encrypted = messageService.evidence(secret, Long.parseLong(bob.id())).orElseThrow();
        assertThat(encrypted.encrypted()).isTrue();
        assertThat(encrypted.text()).isNull();
    }
}

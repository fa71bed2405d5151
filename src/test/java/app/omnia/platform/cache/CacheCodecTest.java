package app.omnia.platform.cache;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.omnia.identity.Account;
import app.omnia.identity.Role;
import app.omnia.identity.VerificationKind;
import app.omnia.identity.domain.ProfileField;
import app.omnia.identity.persistence.AccountProfileCache;
import app.omnia.identity.persistence.Verifications;
import app.omnia.social.domain.FocalPoint;
import app.omnia.social.domain.MediaAttachment;
import app.omnia.social.domain.Poll;
import app.omnia.social.domain.QuotePolicy;
import app.omnia.social.domain.ReplyPolicy;
import app.omnia.social.domain.Status;
import app.omnia.social.domain.Visibility;
import app.omnia.social.persistence.StatusCard;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shared cache tier writes to Redis reads back as exactly the record that was written. */
class CacheCodecTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:15:30.123456Z");

    @Test
    void aStatusCardWithMediaPollAndQuoteRoundTrips() {
        Status reblog = new Status(7, 3, "text", "<p>text</p>", "cw", true, Visibility.values()[1], "fr", 5L, 4L,
                null, 2L, NOW, NOW.plusSeconds(60), ReplyPolicy.FOLLOWING, 9L, QuotePolicy.values()[0]);
        MediaAttachment image = new MediaAttachment(11, 3, 7L, 0, "image", "a.png", "a-small.png", "image/png", 640,
                480, 320, 240, 12345, "LEHV6nWB2yk8", "a red square", new FocalPoint(0.25, -0.5), NOW);
        Poll poll = new Poll(13, 7, 3, List.of("tea", "coffee"), true, false, NOW.plusSeconds(3600), null, NOW);
        StatusCard card = new StatusCard(reblog, List.of(4L, 5L), List.of("omnia", "java"), List.of(image), poll,
                1, 2, 3, 4);

        assertThat(roundTrip(card, StatusCard.class)).isEqualTo(card);
    }

    @Test
    void aStatusCardWithoutOptionalPartsRoundTrips() {
        Status plain = new Status(8, 3, "plain", "<p>plain</p>", "", false, Visibility.PUBLIC, null, null, null,
                null, null, NOW, null, ReplyPolicy.EVERYONE);
        StatusCard card = new StatusCard(plain, List.of(), List.of(), List.of(), null, 0, 0, 0, 0);

        assertThat(roundTrip(card, StatusCard.class)).isEqualTo(card);
    }

    @Test
    void anAccountProfileRoundTrips() {
        Account account = new Account(3, "alice", "alice@example.test", null, LocalDate.of(2001, 2, 3), "FR", "fr",
                "Alice", "<p>hello</p>", "avatar.png", null, true, false, true, Role.values()[0], true, null, null,
                null, true, NOW, NOW);
        AccountProfileCache.Profile profile = new AccountProfileCache.Profile(account,
                List.of(new ProfileField("site", "https://example.test")),
                List.of(new Verifications.Granted(VerificationKind.IDENTITY, 1, NOW)));

        assertThat(roundTrip(profile, AccountProfileCache.Profile.class)).isEqualTo(profile);
    }

    @Test
    void textThatNoLongerDecodesIsAMissNotAnError() {
        CacheCodec<StatusCard> codec = new CacheCodec<>(StatusCard.class);

        assertThat(codec.decode("{\"status\": 42}")).isEmpty();
        assertThat(codec.decode("not json")).isEmpty();
    }

    private static <V> V roundTrip(V value, Class<V> type) {
        CacheCodec<V> codec = new CacheCodec<>(type);
        String text = codec.encode(value).orElseThrow();
        return codec.decode(text).orElseThrow();
    }
}

package app.omnia.social.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MediaPolicyTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long ALICES_STATUS = 100;

    @Test
    void anUploadIsTheUploadersOnly() {
        MediaAttachment free = upload(ALICE, null);

        assertThat(MediaPolicy.canView(ALICE, free)).isTrue();
        assertThat(MediaPolicy.canUpdate(ALICE, free)).isTrue();
        assertThat(MediaPolicy.canDelete(ALICE, free)).isTrue();
        assertThat(MediaPolicy.canAttach(ALICE, free, null)).isTrue();
    }

    @Test
    void anotherUsersIdGivesNothing() {
        MediaAttachment alices = upload(ALICE, null);

        assertThat(MediaPolicy.canView(BOB, alices)).isFalse();
        assertThat(MediaPolicy.canUpdate(BOB, alices)).isFalse();
        assertThat(MediaPolicy.canDelete(BOB, alices)).isFalse();
        assertThat(MediaPolicy.canAttach(BOB, alices, null)).isFalse();
        assertThat(MediaPolicy.canAttach(BOB, upload(ALICE, ALICES_STATUS), ALICES_STATUS)).isFalse();
    }

    @Test
    void anAttachedUploadStaysWithItsStatus() {
        MediaAttachment posted = upload(ALICE, ALICES_STATUS);

        assertThat(MediaPolicy.canView(ALICE, posted)).isTrue();
        assertThat(MediaPolicy.canUpdate(ALICE, posted)).isFalse();
        assertThat(MediaPolicy.canDelete(ALICE, posted)).isFalse();
        assertThat(MediaPolicy.canAttach(ALICE, posted, null)).as("a new status").isFalse();
        assertThat(MediaPolicy.canAttach(ALICE, posted, 101L)).as("another status").isFalse();
        assertThat(MediaPolicy.canAttach(ALICE, posted, ALICES_STATUS)).as("an edit of its status").isTrue();
    }

    @Test
    void aFocalPointIsTwoNumbersWithinMinusOneAndOne() {
        assertThat(FocalPoint.parse("0.5,-0.25")).contains(new FocalPoint(0.5, -0.25));
        assertThat(FocalPoint.parse(" -1 , 1 ")).contains(new FocalPoint(-1, 1));
        for (String bad : new String[] {"", "0.5", "1.5,0", "0,-1.01", "a,b", "NaN,0", "0,0,0", "Infinity,0"}) {
            assertThat(FocalPoint.parse(bad)).as(bad).isEmpty();
        }
        assertThat(FocalPoint.parse(null)).isEmpty();
    }

    private static MediaAttachment upload(long owner, Long statusId) {
        return new MediaAttachment(10, owner, statusId, statusId == null ? null : 0, "image", "a.png", "b.png",
                "image/png", 10, 10, 10, 10, 100, null, null, null, Instant.EPOCH);
    }
}

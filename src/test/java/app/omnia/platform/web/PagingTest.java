package app.omnia.platform.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void limitsDefaultAndClamp() {
        assertThat(PageRequest.from(Map.of()).limit()).isEqualTo(20);
        assertThat(PageRequest.from(Map.of("limit", "500")).limit()).isEqualTo(40);
        assertThat(PageRequest.from(Map.of("limit", "0")).limit()).isEqualTo(1);
        assertThat(PageRequest.from(Map.of("max_id", "123", "min_id", "100")).maxId()).isEqualTo(123L);
        assertThat(PageRequest.from(Map.of("min_id", "100")).ascending()).isTrue();
        assertThat(PageRequest.from(Map.of("since_id", "100")).ascending()).isFalse();
    }

    @Test
    void badCursorsNameTheirParameter() {
        assertThatThrownBy(() -> PageRequest.from(Map.of("max_id", "abc")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.fieldErrors().getFirst().field()).isEqualTo("max_id"));
        assertThatThrownBy(() -> PageRequest.from(Map.of("since_id", "-4")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.fieldErrors().getFirst().field()).isEqualTo("since_id"));
        assertThatThrownBy(() -> PageRequest.from(Map.of("limit", "many"))).isInstanceOf(ApiException.class);
    }

    @Test
    void linkHeaderPointsOlderWithMaxIdAndNewerWithMinIdKeepingOtherParameters() {
        String link = LinkHeader.forPage("https://x.example/api/v1/things?local=true&max_id=900&limit=2",
                List.of(800L, 700L), 2).orElseThrow();

        assertThat(link).isEqualTo("<https://x.example/api/v1/things?local=true&limit=2&max_id=700>; rel=\"next\", "
                + "<https://x.example/api/v1/things?local=true&limit=2&min_id=800>; rel=\"prev\"");
        assertThat(LinkHeader.forPage("https://x.example/a", List.of(), 20)).isEmpty();
    }

    @Test
    void linkHeaderKeepsRepeatedParametersAndDropsEveryOldCursor() {
        String link = LinkHeader.forPage("https://x.example/api/v1/notifications?types[]=mention&since_id=5"
                + "&types[]=follow&min_id=6&only_media", List.of(9L, 8L), 40).orElseThrow();

        assertThat(link).isEqualTo("<https://x.example/api/v1/notifications?types[]=mention&types[]=follow"
                + "&only_media&limit=40&max_id=8>; rel=\"next\", <https://x.example/api/v1/notifications"
                + "?types[]=mention&types[]=follow&only_media&limit=40&min_id=9>; rel=\"prev\"");
        assertThat(LinkHeader.forPage("https://x.example/a", List.of(3L), 20).orElseThrow())
                .isEqualTo("<https://x.example/a?limit=20&max_id=3>; rel=\"next\", "
                        + "<https://x.example/a?limit=20&min_id=3>; rel=\"prev\"");
    }
}

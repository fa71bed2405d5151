package app.omnia.social.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.omnia.identity.Links;
import app.omnia.platform.IdGenerator;
import app.omnia.social.persistence.Statuses;

/**
 * Mastodon's Tag entity, with its {@code history}: uses and distinct accounts per day for the last week,
 * newest day first, numbers as strings (as Mastodon sends them). One query for all the tags of a page.
 */
@Component
class TagJsons {

    static final int DAYS = 7;
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final Statuses statuses;
    private final Links links;
    private final Clock clock;

    TagJsons(Statuses statuses, Links links, Clock clock) {
        this.statuses = statuses;
        this.links = links;
        this.clock = clock;
    }

    Map<String, Object> one(String tag, Boolean following) {
        return page(List.of(tag), following == null ? Map.of() : Map.of(tag, following)).getFirst();
    }

    /** @param following whether the viewer follows each tag; tags absent from it get no {@code following} field */
    List<Map<String, Object>> page(Collection<String> tags, Map<String, Boolean> following) {
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant firstDay = today.minus(Duration.ofDays(DAYS - 1));
        Map<String, Map<Long, Statuses.TagDay>> byTag = new HashMap<>();
        for (Statuses.TagDay day : statuses.tagDays(tags, IdGenerator.lowestIdAt(firstDay))) {
            byTag.computeIfAbsent(day.tag(), t -> new HashMap<>()).put(day.day(), day);
        }
        long todayIndex = (today.toEpochMilli() - IdGenerator.EPOCH) / DAY_MS;
        List<Map<String, Object>> page = new ArrayList<>();
        for (String tag : tags) {
            List<Map<String, String>> history = new ArrayList<>();
            for (int back = 0; back < DAYS; back++) {
                long index = todayIndex - back;
                Statuses.TagDay day = byTag.getOrDefault(tag, Map.of()).get(index);
                long dayStart = (IdGenerator.EPOCH + index * DAY_MS) / 1000;
                history.add(Map.of("day", String.valueOf(dayStart),
                        "uses", String.valueOf(day == null ? 0 : day.uses()),
                        "accounts", String.valueOf(day == null ? 0 : day.accounts())));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", tag);
            json.put("url", links.tagUrl(tag));
            json.put("history", history);
            if (following.containsKey(tag)) {
                json.put("following", following.get(tag));
            }
            page.add(json);
        }
        return page;
    }
}

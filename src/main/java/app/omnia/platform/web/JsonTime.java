package app.omnia.platform.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times the way Mastodon sends them: ISO 8601 in UTC with milliseconds, e.g. 2026-11-22T23:38:09.123Z. */
public final class JsonTime {

    private JsonTime() {
    }

    public static String of(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
        String text = millis.toString();
        // Instant.toString drops a zero fraction; Mastodon clients expect the milliseconds to be there.
        return millis.getNano() == 0 ? text.replace("Z", ".000Z") : text;
    }
}

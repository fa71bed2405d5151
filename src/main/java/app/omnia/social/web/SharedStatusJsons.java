package app.omnia.social.web;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

import app.omnia.platform.cache.CacheSettings;

/**
 * The viewer-independent members of each status, serialized once and kept per status: a timeline page repeats
 * them for every reader. The kept copy is used only while the members it was made from are still equal to
 * today's (counters, the author's profile, an edit, moderation's notice), so it needs no eviction: any change
 * makes the next page serialize the status again and keep the new copy.
 */
@Component
class SharedStatusJsons {

    private record Serialized(StatusJson.Shared members, SerializableString json) {
    }

    private final JsonMapper json;
    private final Cache<Long, Serialized> byStatus;

    SharedStatusJsons(JsonMapper json, CacheSettings cacheSettings) {
        this.json = json;
        this.byStatus = Caffeine.newBuilder().maximumSize(cacheSettings.statuses()).build();
    }

    /** The members as JSON text to follow other members of the object: {@code ,"id":…,"uri":…} with no braces. */
    SerializableString of(long statusId, StatusJson.Shared members) {
        Serialized kept = byStatus.getIfPresent(statusId);
        if (kept != null && kept.members().equals(members)) {
            return kept.json();
        }
        Serialized fresh = new Serialized(members, membersOf(members));
        byStatus.put(statusId, fresh);
        return fresh.json();
    }

    private SerializableString membersOf(StatusJson.Shared members) {
        String object = json.writeValueAsString(members);
        // {"id":...} -> ,"id":...  (the object always has members: its id at least)
        return new SerializedString("," + object.substring(1, object.length() - 1));
    }
}

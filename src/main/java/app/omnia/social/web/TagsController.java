package app.omnia.social.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.IdGenerator;
import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.PublicEndpoint;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.LinkHeader;
import app.omnia.platform.web.PageRequest;
import app.omnia.platform.web.Params;
import app.omnia.social.FollowedTagsChanged;
import app.omnia.social.persistence.FollowedTags;

/** Mastodon's tags API: a hashtag's page, following it, and the list of followed hashtags. */
@RestController
class TagsController {

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_]{1,100}");

    private final FollowedTags followed;
    private final TagJsons tagJsons;
    private final IdGenerator ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TagsController(FollowedTags followed, TagJsons tagJsons, IdGenerator ids, Clock clock,
                   ApplicationEventPublisher events) {
        this.events = events;
        this.followed = followed;
        this.tagJsons = tagJsons;
        this.ids = ids;
        this.clock = clock;
    }

    @GetMapping("/api/v1/tags/{name}")
    @PublicEndpoint(scopesIfToken = "read:follows")
    Map<String, Object> tag(@PathVariable String name) {
        String tag = normalise(name);
        Long viewer = StatusesController.viewerId();
        return json(tag, viewer != null && followed.follows(viewer, tag));
    }

    @PostMapping("/api/v1/tags/{name}/follow")
    @RequiresScope("write:follows")
    Map<String, Object> follow(@PathVariable String name) {
        String tag = normalise(name);
        followed.add(ids.next(), CurrentViewer.requireAccountId(), tag, clock.instant());
        events.publishEvent(new FollowedTagsChanged(CurrentViewer.requireAccountId()));
        return json(tag, true);
    }

    @PostMapping("/api/v1/tags/{name}/unfollow")
    @RequiresScope("write:follows")
    Map<String, Object> unfollow(@PathVariable String name) {
        String tag = normalise(name);
        followed.remove(CurrentViewer.requireAccountId(), tag);
        events.publishEvent(new FollowedTagsChanged(CurrentViewer.requireAccountId()));
        return json(tag, false);
    }

    @GetMapping("/api/v1/followed_tags")
    @RequiresScope("read:follows")
    List<Map<String, Object>> followedTags(Params params, HttpServletRequest request, HttpServletResponse response) {
        PageRequest page = params.page(100, 200);
        List<FollowedTags.Followed> rows = followed.page(CurrentViewer.requireAccountId(), page);
        LinkHeader.set(request, response, rows.stream().map(FollowedTags.Followed::id).toList(), page.limit());
        Map<String, Boolean> following = new java.util.HashMap<>();
        rows.forEach(r -> following.put(r.tag(), true));
        return tagJsons.page(rows.stream().map(FollowedTags.Followed::tag).toList(), following);
    }

    private Map<String, Object> json(String tag, boolean following) {
        return tagJsons.one(tag, following);
    }

    private static String normalise(String name) {
        String tag = name.startsWith("#") ? name.substring(1) : name;
        if (!TAG.matcher(tag).matches()) {
            throw ApiException.notFound();
        }
        return tag.toLowerCase(Locale.ROOT);
    }
}

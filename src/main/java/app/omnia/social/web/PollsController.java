package app.omnia.social.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.PublicEndpoint;
import app.omnia.platform.security.RequiresScope;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.Params;
import app.omnia.platform.web.PathIds;
import app.omnia.social.PollService;

/** Mastodon's polls API: view a poll, vote on it. */
@RestController
class PollsController {

    private final PollService polls;
    private final PollJsons json;

    PollsController(PollService polls, PollJsons json) {
        this.polls = polls;
        this.json = json;
    }

    @GetMapping("/api/v1/polls/{id}")
    @PublicEndpoint(scopesIfToken = "read:statuses")
    PollJson get(@PathVariable String id) {
        Long viewer = StatusesController.viewerId();
        return json.one(polls.visible(viewer, PathIds.parse(id)), viewer);
    }

    @PostMapping("/api/v1/polls/{id}/votes")
    @RequiresScope("write:statuses")
    PollJson vote(@PathVariable String id, Params params) {
        Viewer viewer = CurrentViewer.require();
        return json.one(polls.vote(viewer, PathIds.parse(id), params.list("choices")), viewer.accountId());
    }
}

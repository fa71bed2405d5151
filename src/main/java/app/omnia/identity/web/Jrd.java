package app.omnia.identity.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import app.omnia.identity.LocalHandle;

/** A JSON Resource Descriptor (RFC 7033 section 4.4), WebFinger's answer. */
record Jrd(String subject, List<String> aliases, List<Link> links) {

    static final String PROFILE_PAGE = "http://webfinger.net/rel/profile-page";

    /** RFC 7033 link; members without a value are left out rather than sent as null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Link(String rel, String type, String href) {}

    static Jrd of(LocalHandle handle, List<String> wantedRels) {
        List<Link> links = List.of(new Link(PROFILE_PAGE, "text/html", handle.profileUrl()));
        if (wantedRels != null && !wantedRels.isEmpty()) {
            links = links.stream().filter(l -> wantedRels.contains(l.rel())).toList();
        }
        return new Jrd(handle.acctUri(), List.of(handle.profileUrl()), links);
    }
}

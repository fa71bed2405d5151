package app.omnia.identity.web;

import app.omnia.identity.Links;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import app.omnia.identity.InstanceFacts;

/**
 * A NodeInfo 2.0 document. Its keys are camelCase by the schema, named explicitly so that an app-wide
 * naming strategy cannot change them.
 */
record NodeInfoDocument(
        String version,
        Software software,
        List<String> protocols,
        Services services,
        Usage usage,
        @JsonProperty("openRegistrations") boolean openRegistrations,
        Metadata metadata) {

    static final String SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.0";

    record Software(String name, String version) {}

    record Services(List<String> inbound, List<String> outbound) {}

    record Usage(Users users, @JsonProperty("localPosts") long localPosts) {}

    record Users(
            long total,
            @JsonProperty("activeMonth") long activeMonth,
            @JsonProperty("activeHalfyear") long activeHalfyear) {}

    record Metadata(@JsonProperty("nodeName") String nodeName,
                    @JsonProperty("nodeDescription") String nodeDescription) {}

    /** Where the document lives, as {@code /.well-known/nodeinfo} lists it. */
    record Links(List<Link> links) {}

    record Link(String rel, String href) {}

    static NodeInfoDocument of(InstanceFacts facts) {
        long users = facts.activeUsers();
        // No protocols: Omnia does not federate yet. Activity is not tracked yet, so every visible account counts.
        return new NodeInfoDocument("2.0",
                new Software("omnia", facts.softwareVersion()),
                List.of(),
                new Services(List.of(), List.of()),
                new Usage(new Users(users, users, users), 0),
                facts.registrations().open(),
                new Metadata(facts.title(), facts.description()));
    }

    static Links linksFor(InstanceFacts facts) {
        return new Links(List.of(new Link(SCHEMA, facts.baseUrl() + "/nodeinfo/2.0")));
    }
}

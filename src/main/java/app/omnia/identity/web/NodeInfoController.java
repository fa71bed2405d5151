package app.omnia.identity.web;

import app.omnia.identity.Links;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.identity.InstanceInfo;
import app.omnia.platform.security.PublicEndpoint;

/** NodeInfo discovery (nodeinfo.diaspora.software), read by server directories and statistics sites. */
@RestController
@PublicEndpoint
class NodeInfoController {

    static final MediaType NODEINFO_JSON =
            MediaType.parseMediaType("application/json; profile=\"" + NodeInfoDocument.SCHEMA + "#\"");
    private static final CacheControl HALF_AN_HOUR = CacheControl.maxAge(Duration.ofMinutes(30)).cachePublic();

    private final InstanceInfo instance;

    NodeInfoController(InstanceInfo instance) {
        this.instance = instance;
    }

    @GetMapping("/.well-known/nodeinfo")
    ResponseEntity<NodeInfoDocument.Links> links() {
        return ResponseEntity.ok().cacheControl(HALF_AN_HOUR).contentType(MediaType.APPLICATION_JSON)
                .body(NodeInfoDocument.linksFor(instance.current()));
    }

    @GetMapping("/nodeinfo/2.0")
    ResponseEntity<NodeInfoDocument> nodeInfo() {
        return ResponseEntity.ok().cacheControl(HALF_AN_HOUR).contentType(NODEINFO_JSON)
                .body(NodeInfoDocument.of(instance.current()));
    }
}

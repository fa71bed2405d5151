package app.omnia.identity.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.identity.InstanceInfo;
import app.omnia.platform.security.PublicEndpoint;

/** Mastodon's instance documents, which apps read before anything else. */
@RestController
class InstanceController {

    private final InstanceInfo instance;

    InstanceController(InstanceInfo instance) {
        this.instance = instance;
    }

    @PublicEndpoint
    @GetMapping("/api/v2/instance")
    InstanceV2 v2() {
        return InstanceV2.of(instance.current());
    }

    @PublicEndpoint
    @GetMapping("/api/v1/instance")
    InstanceV1 v1() {
        return InstanceV1.of(instance.current());
    }
}

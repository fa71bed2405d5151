package app.omnia.platform.streaming;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import app.omnia.platform.security.PublicEndpoint;

/** Mastodon's {@code GET /api/v1/streaming/health}: apps probe it before opening the socket. */
@RestController
class StreamingHealthController {

    @GetMapping("/api/v1/streaming/health")
    @PublicEndpoint
    String health() {
        return "OK";
    }
}

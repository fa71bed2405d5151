package app.omnia.identity.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import app.omnia.identity.WebFinger;
import app.omnia.platform.OmniaProperties;
import app.omnia.platform.security.PublicEndpoint;

/** WebFinger (RFC 7033) and its legacy pointer, host-meta (RFC 6415). */
@RestController
@PublicEndpoint
class WebFingerController {

    static final MediaType JRD_JSON = MediaType.parseMediaType("application/jrd+json");
    static final MediaType XRD_XML = MediaType.parseMediaType("application/xrd+xml");
    private static final CacheControl ONE_HOUR = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final WebFinger webFinger;
    private final OmniaProperties settings;

    WebFingerController(WebFinger webFinger, OmniaProperties settings) {
        this.webFinger = webFinger;
        this.settings = settings;
    }

    @GetMapping("/.well-known/webfinger")
    ResponseEntity<Jrd> webfinger(@RequestParam(required = false) String resource,
                                  @RequestParam(name = "rel", required = false) List<String> rels) {
        return ResponseEntity.ok().cacheControl(ONE_HOUR).contentType(JRD_JSON)
                .body(Jrd.of(webFinger.resolve(resource), rels));
    }

    @GetMapping("/.well-known/host-meta")
    ResponseEntity<String> hostMeta() {
        String template = HtmlUtils.htmlEscape(settings.baseUrlText() + "/.well-known/webfinger?resource={uri}",
                "UTF-8");
        String xrd = """
                <?xml version="1.0" encoding="UTF-8"?>
                <XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0">
                  <Link rel="lrdd" template="%s"/>
                </XRD>
                """.formatted(template);
        return ResponseEntity.ok().cacheControl(ONE_HOUR).contentType(XRD_XML).body(xrd);
    }
}

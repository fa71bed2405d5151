package app.omnia.webclient;

import java.io.IOException;
import java.net.ServerSocket;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real server for browser tests, on a port chosen up front so that its base URL (and therefore the
 * origin the streaming socket accepts, and the media URLs) is the address the browser uses. Browser tests
 * run in their own Maven profile and JVM, so this context never joins the main suite's shared one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
abstract class BrowserServer {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("omnia.base-url", () -> BASE);
        registry.add("omnia.data-dir", () -> "target/browser-test-data");
        registry.add("omnia.database.url", () -> "jdbc:h2:mem:omnia-browser;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        // Every browser signs up from 127.0.0.1: the per-IP sign-up limit is for the open internet.
        // Each sign-up also signs in (logins per IP): the browser suite signs in about 30 people in 5 minutes.
        registry.add("omnia.rate-limits.sign-ups-per-ip", () -> "100/30m");
        registry.add("omnia.rate-limits.logins-per-ip", () -> "200/5m");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

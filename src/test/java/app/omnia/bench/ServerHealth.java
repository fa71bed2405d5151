package app.omnia.bench;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;

/** Waits until a server process started by a benchmark answers its health check, or fails fast if it exits. */
final class ServerHealth {

    private ServerHealth() {
    }

    static void awaitUp(Process process, int port, Duration patience, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        try {
            await().atMost(patience).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server exited with " + process.exitValue() + "; see "
                            + log.toAbsolutePath());
                }
                return healthy(http, health);
            });
        } catch (ConditionTimeoutException timeout) {
            throw new IllegalStateException("the server did not become healthy in " + patience + "; see "
                    + log.toAbsolutePath(), timeout);
        }
    }

    private static boolean healthy(HttpClient http, URI health) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}

package app.omnia.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for integration tests: real requests to the server under test. Each instance
 * presents its own client IP (X-Forwarded-For, trusted from loopback in the test profile) so per-IP
 * rate limits of one test never touch another, and may carry a bearer token and cookies.
 */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    // A random start per run, so that rate-limit counters kept in Redis by an earlier run are not reused.
    private static final AtomicInteger NEXT_IP = new AtomicInteger(new java.util.Random().nextInt(1 << 20) + 1);

    private final String base;
    private final String ip;
    private final String token;
    private final HttpClient http;

    private Api(String base, String ip, String token, HttpClient http) {
        this.base = base;
        this.ip = ip;
        this.token = token;
        this.http = http;
    }

    public static Api at(int port) {
        return new Api("http://localhost:" + port, freshIp(), null,
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
    }

    public static String freshIp() {
        int n = NEXT_IP.getAndIncrement();
        return "10." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
    }

    /** The same client (IP, cookies) presenting this bearer token. */
    public Api withToken(String bearer) {
        return new Api(base, ip, bearer, http);
    }

    /** A new client with its own IP and cookie jar, and no token. */
    public Api stranger() {
        return new Api(base, freshIp(), null, HttpClient.newBuilder().cookieHandler(new CookieManager()).build());
    }

    public String base() {
        return base;
    }

    public String ip() {
        return ip;
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response postJson(String path, Object body) {
        return send("POST", path, "application/json", JSON.writeValueAsString(body));
    }

    public Response patchJson(String path, Object body) {
        return send("PATCH", path, "application/json", JSON.writeValueAsString(body));
    }

    public Response postForm(String path, Map<String, String> form) {
        return send("POST", path, "application/x-www-form-urlencoded", formBody(form));
    }

    public Response patchForm(String path, Map<String, String> form) {
        return send("PATCH", path, "application/x-www-form-urlencoded", formBody(form));
    }

    public Response send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body), Map.of());
    }

    public Response send(String method, String path, String contentType, HttpRequest.BodyPublisher body,
                         Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .method(method, body)
                .header("X-Forwarded-For", ip)
                .header("Accept", "application/json");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static Map<String, String> form(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public record Response(int status, java.net.http.HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}

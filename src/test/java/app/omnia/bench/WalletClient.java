package app.omnia.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallet's HTTP API as the benchmarks use it: transfers and balance reads as the person, credits and the
 * invariant check as an admin. Tokens are the benchmark's own ({@link BenchAccounts#token(long)}). Everything
 * but the invariant check goes through a connection of the calling thread's own ({@link #connect()}, a plain
 * {@link KeepAliveHttp}: the load generator shares the machine with the server, so it should cost little).
 */
final class WalletClient {

    /** What a request got: a 2xx with the transfer's id, or a failure kind ("http 422", "io", "timeout"). */
    record Answer(int status, String transferId, String failure) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        /** No answer, or one that does not say whether the money moved: the request must be retried. */
        boolean unanswered() {
            return status < 0 || status >= 500;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String ID = "\"id\":\"";

    /** Only for the invariant check, whose answer is read as JSON and may take minutes. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String host = "127.0.0.1";
    private final int port;
    private final String base;
    private final String asset;
    private final long admin;

    WalletClient(int port, String asset, long admin) {
        this.port = port;
        this.base = "http://" + host + ":" + port;
        this.asset = asset;
        this.admin = admin;
    }

    String asset() {
        return asset;
    }

    /** A connection to the server for one thread's requests; the caller closes it. */
    KeepAliveHttp connect() {
        return new KeepAliveHttp(host, port, TIMEOUT);
    }

    /** Pays {@code transfer.payee()} from {@code transfer.payer()}'s account, under the transfer's key. */
    Answer transfer(KeepAliveHttp connection, TransferLoad.Transfer transfer) {
        String body = "{\"to\":\"" + transfer.payee() + "\",\"asset\":\"" + asset + "\",\"amount\":\""
                + decimal(transfer.amount()) + "\"}";
        return post(connection, "/api/omnia/v1/wallet/transfers", transfer.payer(), transfer.key(), body);
    }

    /** The caller's own balances ({@code GET /wallet/balances}): the cheapest authenticated wallet request. */
    Answer balances(KeepAliveHttp connection, long as) {
        try {
            int status = connection.get("/api/omnia/v1/wallet/balances", BenchAccounts.token(as));
            return status == 200 ? new Answer(status, null, null) : new Answer(status, null, "http " + status);
        } catch (IOException e) {
            return failed(connection, e);
        }
    }

    /** Credits an account from the issuing system account, as an admin adjustment. */
    Answer credit(KeepAliveHttp connection, long account, long amount, String key) {
        String body = "{\"account_id\":\"" + account + "\",\"direction\":\"credit\",\"asset\":\"" + asset
                + "\",\"amount\":\"" + decimal(amount) + "\",\"note\":\"benchmark funding\"}";
        return post(connection, "/api/omnia/v1/admin/wallet/adjustments", admin, key, body);
    }

    /** The server's own invariant check, as JSON. */
    JsonNode invariants() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/omnia/v1/admin/wallet/invariants"))
                .header("Authorization", "Bearer " + BenchAccounts.token(admin)).timeout(Duration.ofMinutes(5)).GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("invariants answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The API takes amounts as decimals in major units ("12.50"); the benchmarks count minor units. */
    private String decimal(long minor) {
        return BigDecimal.valueOf(minor, Currency.getInstance(asset).getDefaultFractionDigits()).toPlainString();
    }

    private Answer post(KeepAliveHttp connection, String path, long as, String key, String body) {
        try {
            int status = connection.post(path, BenchAccounts.token(as), Map.of("Idempotency-Key", key), body);
            if (status >= 200 && status < 300) {
                return new Answer(status, id(connection.body()), null);
            }
            return new Answer(status, null, "http " + status + problemType(connection.body()));
        } catch (IOException e) {
            return failed(connection, e);
        }
    }

    /** No answer: the connection is dropped (the next request opens another), the request left unanswered. */
    private static Answer failed(KeepAliveHttp connection, IOException e) {
        try {
            connection.close();
        } catch (IOException closing) {
            e.addSuppressed(closing);
        }
        return new Answer(-1, null, e instanceof SocketTimeoutException ? "timeout"
                : "io (" + e.getClass().getSimpleName() + ")");
    }

    /**
     * The entry's id, the first member of the entry the server answers ({@code {"id":"123",...}}), found without
     * parsing the whole body, which would cost the shared cores more than the request; null for an answer
     * without one (a 202 waiting for a confirmation).
     */
    private static String id(String entry) {
        int at = entry.indexOf(ID);
        int end = at < 0 ? -1 : entry.indexOf('"', at + ID.length());
        return end < 0 ? null : entry.substring(at + ID.length(), end);
    }

    /** The problem's type or title, so that error counts say what went wrong. */
    private static String problemType(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            String type = problem.path("type").asString("");
            String title = problem.path("title").asString("");
            return " " + (type.isEmpty() || "about:blank".equals(type) ? title : type);
        } catch (RuntimeException notJson) {
            return "";
        }
    }
}

package app.omnia.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Currency;
import java.util.concurrent.Executors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallet's HTTP API as the benchmarks use it: transfers as the paying person, credits and the invariant
 * check as an admin. Tokens are the benchmark's own ({@link BenchAccounts#token(long)}).
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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String asset;
    private final long admin;

    WalletClient(int port, String asset, long admin) {
        this.base = "http://127.0.0.1:" + port;
        this.asset = asset;
        this.admin = admin;
    }

    String asset() {
        return asset;
    }

    /** Pays {@code transfer.payee()} from {@code transfer.payer()}'s account, under the transfer's key. */
    Answer transfer(TransferLoad.Transfer transfer) {
        String body = "{\"to\":\"" + transfer.payee() + "\",\"asset\":\"" + asset + "\",\"amount\":\""
                + decimal(transfer.amount()) + "\"}";
        return send(post("/api/omnia/v1/wallet/transfers", transfer.payer(), transfer.key(), body));
    }

    /** The caller's own balances ({@code GET /wallet/balances}): the cheapest authenticated wallet request. */
    Answer balances(long as) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/omnia/v1/wallet/balances")).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + BenchAccounts.token(as)).GET().build());
    }

    /** Credits an account from the issuing system account, as an admin adjustment. */
    Answer credit(long account, long amount, String key) {
        String body = "{\"account_id\":\"" + account + "\",\"direction\":\"credit\",\"asset\":\"" + asset
                + "\",\"amount\":\"" + decimal(amount) + "\",\"note\":\"benchmark funding\"}";
        return send(post("/api/omnia/v1/admin/wallet/adjustments", admin, key, body));
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

    private HttpRequest post(String path, long as, String key, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + BenchAccounts.token(as))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                JsonNode answer = JSON.readTree(response.body());
                return new Answer(status, answer.isObject() ? answer.path("id").asString() : null, null);
            }
            return new Answer(status, null, "http " + status + problemType(response.body()));
        } catch (HttpTimeoutException e) {
            return new Answer(-1, null, "timeout");
        } catch (IOException e) {
            return new Answer(-1, null, "io (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null, "interrupted");
        }
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

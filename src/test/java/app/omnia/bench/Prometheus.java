package app.omnia.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server's own meters, scraped from {@code /actuator/prometheus}: a snapshot before and after a phase
 * tells, e.g., how many postings the ledger writer applied per database transaction meanwhile.
 */
final class Prometheus {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    Prometheus(int port) {
        this.port = port;
    }

    /** Every sample whose name contains {@code part}, by series (name and labels). Empty if not reachable. */
    Map<String, Double> samples(String part) {
        Map<String, Double> samples = new TreeMap<>();
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
            for (String line : text.split("\n")) {
                int space = line.lastIndexOf(' ');
                if (!line.startsWith("#") && space > 0 && line.substring(0, space).contains(part)) {
                    try {
                        samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                    } catch (NumberFormatException notANumber) {
                        // NaN and friends: not a figure
                    }
                }
            }
        } catch (IOException e) {
            return samples;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return samples;
    }

    /**
     * For each summary or timer among the samples ({@code x_count} and {@code x_sum}): how many were recorded
     * between the two snapshots and their mean, e.g. "omnia_wallet_batch_size: 1234 x mean 17.2".
     */
    static String means(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Double> count : after.entrySet()) {
            String series = count.getKey();
            int at = series.indexOf("_count");
            if (at < 0) {
                continue;
            }
            String sum = series.substring(0, at) + "_sum" + series.substring(at + "_count".length());
            if (!after.containsKey(sum)) {
                continue;
            }
            double n = count.getValue() - before.getOrDefault(series, 0.0);
            double total = after.get(sum) - before.getOrDefault(sum, 0.0);
            if (n > 0) {
                text.append(text.isEmpty() ? "" : "; ").append(series.substring(0, at))
                        .append(series.substring(at + "_count".length())).append(String.format(": %.0f x mean %.3f",
                                n, total / n));
            }
        }
        return text.isEmpty() ? "no wallet meters exposed" : text.toString();
    }
}

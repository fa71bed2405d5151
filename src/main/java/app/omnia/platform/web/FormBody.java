package app.omnia.platform.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses an {@code application/x-www-form-urlencoded} body, refusing bad percent-encoding with a 400. */
final class FormBody {

    private FormBody() {
    }

    static void parse(byte[] body, Map<String, List<String>> into) {
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            into.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("body", "The form body could not be decoded (bad percent-encoding)");
        }
    }
}

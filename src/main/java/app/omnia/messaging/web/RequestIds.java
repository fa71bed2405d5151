package app.omnia.messaging.web;

import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.Params;

/** Ids in request bodies: unlike ids in paths (404), a malformed one is the caller's mistake, named. */
final class RequestIds {

    private RequestIds() {
    }

    static long required(Params params, String field) {
        String text = params.required(field);
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.validation(field, "ERR_INVALID", field + " must be an id");
        }
    }

    static Long optional(Params params, String field) {
        return params.string(field).filter(s -> !s.isBlank()).map(text -> {
            try {
                return Long.parseLong(text.trim());
            } catch (NumberFormatException e) {
                throw ApiException.validation(field, "ERR_INVALID", field + " must be an id");
            }
        }).orElse(null);
    }
}

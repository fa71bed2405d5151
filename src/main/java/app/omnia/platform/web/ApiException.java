package app.omnia.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An error the caller can act on. Controllers and services throw it; {@link ProblemResponses} turns it into
 * RFC 9457 problem+json with a stable {@code type}, plus Mastodon's {@code error} member so that Mastodon
 * apps show the message too.
 */
public class ApiException extends RuntimeException {

    /** One invalid field: Mastodon's error codes (ERR_BLANK, ERR_INVALID, ERR_TAKEN...) with a message. */
    public record FieldError(String field, String code, String message) {}

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> extra;

    public ApiException(HttpStatus status, String type, String title, String detail,
                        List<FieldError> fieldErrors, Map<String, Object> extra) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.extra = Map.copyOf(extra);
    }

    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", "Record not found", List.of(), Map.of());
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", message,
                List.of(new FieldError(field, "ERR_INVALID", message)), Map.of());
    }

    public static final String VALIDATION_TYPE = "validation-failed";
    static final String VALIDATION_DETAIL = "Validation failed: {0}";

    /** 422: the request was well formed but one or more fields break a rule. */
    public static ApiException validation(List<FieldError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, VALIDATION_TYPE, "Validation failed",
                validationDetail(VALIDATION_DETAIL, errors), errors, Map.of());
    }

    /** Mastodon's wording: the sentence, then every field's message, comma-separated. */
    static String validationDetail(String sentence, List<FieldError> errors) {
        return sentence.replace("{0}", String.join(", ", errors.stream().map(FieldError::message).toList()));
    }

    public static ApiException validation(String field, String code, String message) {
        return validation(List.of(new FieldError(field, code, message)));
    }

    /** 422 for a request that cannot be served as sent, without naming a field (Mastodon's wording kept). */
    public static ApiException unprocessable(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", "Unprocessable", message, List.of(),
                Map.of());
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", message, List.of(), Map.of());
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", message, List.of(), Map.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", "Conflict", message, List.of(), Map.of());
    }

    /** 409 caused by what one field names (e.g. a full group joined by its invite's token), with its error code. */
    public static ApiException conflictOn(String field, String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", "Conflict", message,
                List.of(new FieldError(field, code, message)), Map.of());
    }

    /** An OAuth 2 error (RFC 6749 section 5.2): {@code error} carries the OAuth code, as clients expect. */
    public static ApiException oauth(HttpStatus status, String error, String description) {
        return new ApiException(status, "oauth-" + error.replace('_', '-'), "OAuth error", description, List.of(),
                Map.of("error", error, "error_description", description));
    }

    /** Seconds to wait before retrying, for a 429 (sent as {@code Retry-After}). */
    public java.util.Optional<String> retryAfter() {
        return java.util.Optional.ofNullable(extra.get("retry_after")).map(Object::toString);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> extra() {
        return extra;
    }
}

package app.omnia.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds every error body the server sends: RFC 9457 problem details whose {@code type} is stable
 * ({@code urn:omnia:problem:<slug>}), with Mastodon's {@code error} member (the human message) and, for
 * invalid fields, both {@code errors} (a list naming each field) and Mastodon's {@code details} map.
 * <p>
 * The media type is {@code application/problem+json}, except on Mastodon's own paths for a client that did
 * not ask for it: Mastodon serves errors as {@code application/json}, and client libraries (masto.js)
 * refuse any other type, so there the same document goes out as {@code application/json}.
 */
@Component
public class ProblemResponses {

    public static final String TYPE_PREFIX = "urn:omnia:problem:";

    private final JsonMapper json;
    private final ProblemTexts texts;

    public ProblemResponses(JsonMapper json, ProblemTexts texts) {
        this.json = json;
        this.texts = texts;
    }

    /** The problem for an exception, its texts in the request's language (see {@link ProblemTexts}). */
    public ProblemDetail of(ApiException e, String path) {
        List<ApiException.FieldError> fieldErrors = e.fieldErrors().stream()
                .map(error -> new ApiException.FieldError(error.field(), error.code(), texts.translate(error.message())))
                .toList();
        String detail = e.type().equals(ApiException.VALIDATION_TYPE)
                ? ApiException.validationDetail(texts.translate(ApiException.VALIDATION_DETAIL), fieldErrors)
                : texts.translate(e.getMessage());
        ProblemDetail problem = base(e.status(), e.type(), texts.translate(e.title()), detail, path);
        if (!fieldErrors.isEmpty()) {
            problem.setProperty("errors", fieldErrors);
            problem.setProperty("details", mastodonDetails(fieldErrors));
        }
        e.extra().forEach(problem::setProperty);
        return problem;
    }

    public ProblemDetail of(HttpStatusCode status, String type, String title, String detail, String path) {
        return base(status, type, texts.translate(title), texts.translate(detail), path);
    }

    private static ProblemDetail base(HttpStatusCode status, String type, String title, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        if (path != null) {
            problem.setInstance(URI.create(path.replace(" ", "%20")));
        }
        problem.setProperty("error", detail);
        return problem;
    }

    private static Map<String, List<Map<String, String>>> mastodonDetails(List<ApiException.FieldError> errors) {
        Map<String, List<Map<String, String>>> details = new LinkedHashMap<>();
        for (ApiException.FieldError error : errors) {
            details.computeIfAbsent(error.field(), f -> new java.util.ArrayList<>())
                    .add(Map.of("error", error.code(), "description", error.message()));
        }
        return details;
    }

    /** The problem document for an exception exactly as the server sends it, to be stored and replayed byte for byte. */
    public String text(ApiException e, String path) {
        ProblemDetail problem = of(e, path);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", path);
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return json.writeValueAsString(body);
    }

    /** The media type for a problem answering {@code request} (see the class comment). */
    public static MediaType mediaTypeFor(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            return MediaType.APPLICATION_PROBLEM_JSON;
        }
        Object forwardedFrom = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String path = forwardedFrom != null ? forwardedFrom.toString() : request.getRequestURI();
        boolean mastodonPath = path.startsWith("/api/v1/") || path.startsWith("/api/v2/") || path.startsWith("/oauth/");
        return mastodonPath ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON;
    }

    /** Writes a problem straight to the response, for filters that run before Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(mediaTypeFor(request).toString());
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        json.writeValue(response.getOutputStream(), body);
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        e.retryAfter().ifPresent(seconds -> response.setHeader("Retry-After", seconds));
        write(request, response, of(e, request.getRequestURI()));
    }
}

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
 * Builds every error body the server sends: RFC 9457 problem+json whose {@code type} is stable
 * ({@code urn:omnia:problem:<slug>}), with Mastodon's {@code error} member (the human message) and, for
 * invalid fields, both {@code errors} (a list naming each field) and Mastodon's {@code details} map.
 */
@Component
public class ProblemResponses {

    public static final String TYPE_PREFIX = "urn:omnia:problem:";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public ProblemDetail of(ApiException e, String path) {
        ProblemDetail problem = base(e.status(), e.type(), e.title(), e.getMessage(), path);
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("errors", e.fieldErrors());
            problem.setProperty("details", mastodonDetails(e.fieldErrors()));
        }
        e.extra().forEach(problem::setProperty);
        return problem;
    }

    public ProblemDetail of(HttpStatusCode status, String type, String title, String detail, String path) {
        return base(status, type, title, detail, path);
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

    /** Writes a problem straight to the response, for filters that run before Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
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
        write(request, response, of(e, request.getRequestURI()));
    }
}

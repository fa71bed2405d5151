package app.omnia.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Lets a controller take {@link Params}: query, form and JSON parameters in one place. */
class ParamsResolver implements HandlerMethodArgumentResolver {

    /** JSON and form bodies are small API requests; anything larger is refused before it is parsed. */
    static final int MAX_JSON_BYTES = 1 << 20;

    private final JsonMapper json;

    ParamsResolver(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Params.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) throws IOException {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Map<String, List<String>> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> form.put(k, new java.util.ArrayList<>(Arrays.asList(v))));
        JsonNode body = null;
        MediaType contentType = contentType(request);
        if (contentType != null && contentType.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            body = readJson(request);
        } else if (contentType != null && contentType.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
                && !"POST".equals(request.getMethod())) {
            // The servlet container parses form bodies of POST only; Mastodon clients send PUT/PATCH forms too.
            FormBody.parse(read(request), form);
        }
        return new Params(form, body);
    }

    private static MediaType contentType(HttpServletRequest request) {
        try {
            return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            throw ApiException.badRequest("Content-Type", "The Content-Type header is not a valid media type");
        }
    }

    private static byte[] read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_JSON_BYTES) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_JSON_BYTES + 1);
        }
        if (bytes.length > MAX_JSON_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    private JsonNode readJson(HttpServletRequest request) throws IOException {
        byte[] bytes = read(request);
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node != null && !node.isObject() && !node.isNull() && !node.isMissingNode()) {
                throw ApiException.badRequest("body", "The request body must be a JSON object");
            }
            return node == null || node.isMissingNode() || node.isNull() ? null : node;
        } catch (JacksonException e) {
            throw ApiException.badRequest("body", "The request body is not valid JSON");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content too large",
                "The request body is larger than this server accepts", List.of(), Map.of());
    }
}

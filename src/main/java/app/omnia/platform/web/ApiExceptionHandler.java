package app.omnia.platform.web;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * The one place where exceptions become HTTP answers. Anything the caller got wrong becomes a 4xx problem
 * naming the field; anything else is logged and answered with a bare 500 that reveals nothing.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** server.tomcat.max-http-form-post-size: larger forms are not parsed by the container. */
    private static final long FORM_LIMIT_BYTES = 2L * 1024 * 1024;

    private final ProblemResponses problems;

    ApiExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e, HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        e.retryAfter().ifPresent(seconds -> headers.set(HttpHeaders.RETRY_AFTER, seconds));
        return ResponseEntity.status(e.status()).headers(headers).contentType(ProblemResponses.mediaTypeFor(request))
                .body(problems.of(e, request.getRequestURI()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return api(ApiException.badRequest(e.getName(), e.getName() + " has an invalid value"), request);
    }

    /** Tomcat could not decode the form or query parameters (a stray %): the caller's mistake. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(RuntimeException e, HttpServletRequest request) {
        if (request.getContentLengthLong() > FORM_LIMIT_BYTES) {
            return api(new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content too large",
                    "The request body is larger than this server accepts", List.of(), java.util.Map.of()), request);
        }
        return api(ApiException.badRequest("body", "The parameters could not be decoded (bad percent-encoding)"),
                request);
    }

    /** A multipart body that is cut off or malformed. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<Object> brokenMultipart(RuntimeException e, HttpServletRequest request) {
        return api(ApiException.badRequest("body", "The multipart body could not be read"), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<ApiException.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new ApiException.FieldError(lastNode(v.getPropertyPath().toString()), "ERR_INVALID",
                        lastNode(v.getPropertyPath().toString()) + " " + v.getMessage()))
                .toList();
        return api(ApiException.validation(errors), request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<Object> denied(RuntimeException e, HttpServletRequest request) {
        return api(ApiException.forbidden("This action is outside the authorized scopes"), request);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e, HttpServletRequest request) {
        // Two concurrent requests raced past a uniqueness check: the loser sees a conflict, never a 500.
        log.debug("integrity violation", e);
        return api(ApiException.conflict("The record changed or already exists; retry the request"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side", request.getRequestURI());
        return ResponseEntity.internalServerError().contentType(ProblemResponses.mediaTypeFor(request)).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = fieldOf(ex);
        String detail = field == null ? "The request body is not valid JSON"
                : field + " has an invalid value or type";
        ApiException e = ApiException.badRequest(field == null ? "body" : field, detail);
        return api(e, ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ApiException e = ApiException.validation(ex.getParameterName(), "ERR_BLANK",
                ex.getParameterName() + " is required");
        return api(new ApiException(HttpStatus.BAD_REQUEST, "missing-parameter", "Missing parameter",
                e.getMessage(), e.fieldErrors(), java.util.Map.of()), ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return api(ApiException.badRequest(ex.getRequestPartName(), ex.getRequestPartName() + " is required"),
                ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return api(ApiException.validation(fieldErrors(ex)), ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<ApiException.FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> {
                    String name = r.getMethodParameter().getParameterName();
                    return new ApiException.FieldError(name, "ERR_INVALID", name + " " + err.getDefaultMessage());
                }))
                .toList();
        return api(ApiException.validation(errors), ((ServletWebRequest) request).getRequest());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ApiException e = new ApiException(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content too large",
                "The request body is larger than this server accepts", List.of(), java.util.Map.of());
        return api(e, ((ServletWebRequest) request).getRequest());
    }

    /** Every other Spring MVC exception (405, 406, 415, 404 for unknown paths...) keeps its status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail()
                : HttpStatus.valueOf(statusCode.value()).getReasonPhrase();
        String slug = HttpStatus.valueOf(statusCode.value()).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        ProblemDetail problem = problems.of(statusCode, slug, HttpStatus.valueOf(statusCode.value()).getReasonPhrase(),
                detail, servletRequest.getRequestURI());
        HttpHeaders merged = new HttpHeaders();
        merged.putAll(headers);
        merged.setContentType(ProblemResponses.mediaTypeFor(servletRequest));
        return ResponseEntity.status(statusCode).headers(merged).body(problem);
    }

    static List<ApiException.FieldError> fieldErrors(BindException ex) {
        return ex.getFieldErrors().stream()
                .map(f -> new ApiException.FieldError(f.getField(), "ERR_INVALID",
                        f.getField() + " " + f.getDefaultMessage()))
                .collect(Collectors.toList());
    }

    private static String fieldOf(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException db && !db.getPath().isEmpty()) {
            return db.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
        }
        if (cause instanceof JacksonException) {
            return null;
        }
        return null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}

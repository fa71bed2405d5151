package app.omnia.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers errors raised outside Spring MVC (by the servlet container or a filter) with the same
 * problem+json as everything else, in place of Spring Boot's default error body.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemResponses problems;

    ProblemErrorController(ProblemResponses problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = status.is5xxServerError() ? "Something went wrong on our side" : status.getReasonPhrase();
        String slug = status.is5xxServerError() ? "internal" : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return ResponseEntity.status(status).contentType(ProblemResponses.mediaTypeFor(request))
                .body(problems.of(status, slug, status.getReasonPhrase(), detail, uri == null ? null : uri.toString()));
    }
}

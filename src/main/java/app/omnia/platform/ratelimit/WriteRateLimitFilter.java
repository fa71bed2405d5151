package app.omnia.platform.ratelimit;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import app.omnia.platform.security.CurrentViewer;
import app.omnia.platform.security.Viewer;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.ProblemResponses;

/**
 * Built by the security configuration (not a bean, so the servlet container does not run it a second time,
 * before the caller is known).
 * Every write (POST, PUT, PATCH, DELETE) counts against the caller's IP and, when signed in, account.
 */
public class WriteRateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final ProblemResponses problems;

    public WriteRateLimitFilter(RateLimits limits, ProblemResponses problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isWrite(request.getMethod())) {
            try {
                limits.hit(RateLimits.Name.WRITES_PER_IP, request.getRemoteAddr());
                Long account = CurrentViewer.get().map(Viewer::accountId).orElse(null);
                if (account != null) {
                    limits.hit(RateLimits.Name.WRITES_PER_ACCOUNT, account.toString());
                }
            } catch (ApiException tooMany) {
                response.setHeader("Retry-After", String.valueOf(tooMany.extra().get("retry_after")));
                problems.write(request, response, tooMany);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isWrite(String method) {
        return switch (method) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }
}

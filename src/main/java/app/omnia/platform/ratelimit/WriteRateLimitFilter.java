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
 * Every write (POST, PUT, PATCH, DELETE) counts against the caller's IP and, when signed in, account.
 * Built by the security configuration rather than declared as a bean, so that the servlet container does
 * not also run it on its own, before the caller is known.
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

package app.omnia.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import app.omnia.platform.web.ApiException;

/**
 * Enforces {@link RequiresScope} on every handler, and refuses any {@code /api/} handler that declares
 * neither it nor {@link PublicEndpoint}: forgetting to declare access fails closed.
 */
class ScopeInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiresScope required = annotation(method, RequiresScope.class);
        if (required == null) {
            PublicEndpoint open = annotation(method, PublicEndpoint.class);
            if (open != null) {
                CurrentViewer.get().filter(v -> open.scopesIfToken().length > 0)
                        .ifPresent(viewer -> requireAny(viewer, open.scopesIfToken()));
                return true;
            }
            if (!request.getRequestURI().startsWith("/api/")) {
                return true;
            }
            throw new IllegalStateException("Endpoint declares no access rule: " + method);
        }
        Viewer viewer = CurrentViewer.require();
        requireAny(viewer, required.value());
        if (!required.appTokenAllowed() && !viewer.isUser()) {
            throw ApiException.unprocessable("This method requires an authenticated user");
        }
        return true;
    }

    private static void requireAny(Viewer viewer, String[] scopes) {
        if (scopes.length == 0) {
            return;
        }
        for (String scope : scopes) {
            if (viewer.hasScope(scope)) {
                return;
            }
        }
        throw ApiException.forbidden("This action is outside the authorized scopes");
    }

    private static <A extends java.lang.annotation.Annotation> A annotation(HandlerMethod method, Class<A> type) {
        A onMethod = method.getMethodAnnotation(type);
        return onMethod != null ? onMethod : method.getBeanType().getAnnotation(type);
    }
}

package app.omnia.platform.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring's request mappings, looked up with the request's method read once. A path with a variable in it
 * ({@code /conversations/{id}/messages}) is matched against every mapping of the application, and each
 * check starts with the request's method, read through every wrapper the security filters put around the
 * request, then resolved again: that was 8% of the chat server's CPU under load, more than the send's own
 * logic. Mappings for other methods are now passed over at once.
 */
final class MethodReadOnceHandlerMapping extends RequestMappingHandlerMapping {

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, new MethodReadOnce(request));
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        if (request instanceof MethodReadOnce read && read.plain != null) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(read.plain)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    /** The request as it is, except that its method, which cannot change, is kept at hand. */
    private static final class MethodReadOnce extends HttpServletRequestWrapper {

        private final String method;
        /**
         * The method when a mapping for other methods can never match it; null for HEAD (GET's mappings serve
         * it), OPTIONS (CORS pre-flights match any mapping) and unknown ones: Spring decides those.
         */
        private final RequestMethod plain;

        MethodReadOnce(HttpServletRequest request) {
            super(request);
            this.method = request.getMethod();
            RequestMethod resolved = RequestMethod.resolve(method);
            this.plain = resolved == RequestMethod.HEAD || resolved == RequestMethod.OPTIONS ? null : resolved;
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}

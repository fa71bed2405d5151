package app.omnia.platform.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring's request mappings, with those that cannot match passed over cheaply. A path with a variable in it
 * ({@code /conversations/{id}/messages}) is checked against every mapping of the application, each time
 * reading the request's method through every wrapper the security filters put around the request, then its
 * path: that was 13% of the chat server's CPU under load, twice the send's own logic. Here the method is read
 * once, and a mapping is skipped at once when it takes other methods or when the request's path does not
 * start with the literal beginning of any of its patterns; Spring decides whatever is left, as before.
 */
final class QuickRejectHandlerMapping extends RequestMappingHandlerMapping {

    private static final String[] ANY = new String[0];

    /** Each mapping's patterns up to their first variable or wildcard; {@link #ANY} when it has none. */
    private final Map<RequestMappingInfo, String[]> literalStarts = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, new ReadOnce(request, lookupPath));
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        if (request instanceof ReadOnce read) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (read.plainMethod != null && !methods.isEmpty() && !methods.contains(read.plainMethod)) {
                return null;
            }
            if (read.literalPath != null && !startsWithAny(read.literalPath, literalStarts.computeIfAbsent(info,
                    QuickRejectHandlerMapping::literalStarts))) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    private static boolean startsWithAny(String path, String[] starts) {
        if (starts == ANY) {
            return true;
        }
        for (String start : starts) {
            if (path.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    private static String[] literalStarts(RequestMappingInfo info) {
        PathPatternsRequestCondition patterns = info.getPathPatternsCondition();
        if (patterns == null || patterns.getPatterns().isEmpty()) {
            return ANY;
        }
        return patterns.getPatterns().stream().map(PathPattern::getPatternString).map(pattern -> {
            int end = pattern.length();
            for (char special : new char[] {'{', '*', '?'}) {
                int at = pattern.indexOf(special);
                end = at >= 0 ? Math.min(end, at) : end;
            }
            return pattern.substring(0, end);
        }).toArray(String[]::new);
    }

    /** The request as it is, except that its method and path, which cannot change, are kept at hand. */
    private static final class ReadOnce extends HttpServletRequestWrapper {

        private final String method;
        /**
         * The method when a mapping for other methods can never match it; null for HEAD (GET's mappings serve
         * it), OPTIONS (CORS pre-flights match any mapping) and unknown ones: Spring decides those.
         */
        private final RequestMethod plainMethod;
        /**
         * The path when patterns compare with it as written; null when Spring matches something else than what
         * is written (percent-encoded characters are decoded first, matrix variables after ';' set aside).
         */
        private final String literalPath;

        ReadOnce(HttpServletRequest request, String lookupPath) {
            super(request);
            this.method = request.getMethod();
            RequestMethod resolved = RequestMethod.resolve(method);
            this.plainMethod = resolved == RequestMethod.HEAD || resolved == RequestMethod.OPTIONS ? null : resolved;
            this.literalPath = lookupPath == null || lookupPath.indexOf('%') >= 0 || lookupPath.indexOf(';') >= 0
                    ? null : lookupPath;
        }

        @Override
        public String getMethod() {
            return method;
        }
    }
}

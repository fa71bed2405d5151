package app.omnia.platform.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import app.omnia.platform.ratelimit.RateLimits;
import app.omnia.platform.ratelimit.WriteRateLimitFilter;
import app.omnia.platform.web.ApiException;
import app.omnia.platform.web.ProblemResponses;

/**
 * No server-side HTTP sessions (any copy can serve any request): callers are identified per request by
 * {@link ViewerFilter}; access rules live on the endpoints ({@link RequiresScope}) and in each module's
 * policies. CSRF protection applies to whatever a browser's cookie could authorise: web-session requests
 * and the sign-in forms.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration implements WebMvcConfigurer {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, CredentialResolver resolver, ProblemResponses problems,
                                            RateLimits rateLimits) throws Exception {
        WriteRateLimitFilter writeLimits = new WriteRateLimitFilter(rateLimits, problems);
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        http.cors(c -> c.configurationSource(SecurityConfiguration::cors))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.requireExplicitSave(true))
                .requestCache(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .anonymous(a -> a.disable())
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrf)
                        // The default strategy replaces the token whenever a request is authenticated, which
                        // here is every cookie request (no server session remembers it): each API call would
                        // wipe the token the web client just read. The sign-in pages rotate it instead.
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .headers(h -> h.contentTypeOptions(c -> {})
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()))
                .addFilterBefore(new ViewerFilter(resolver, problems), AnonymousAuthenticationFilter.class)
                .addFilterAfter(writeLimits, ViewerFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problems.write(req, res, ApiException.unauthorized("The access token is invalid")))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res,
                                ex instanceof CsrfException
                                        ? new ApiException(HttpStatus.FORBIDDEN, "csrf", "Forbidden",
                                                "Invalid or missing CSRF token: reload the page and try again",
                                                java.util.List.of(), java.util.Map.of())
                                        : ApiException.forbidden("This action is not allowed"))))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().permitAll());
        return http.build();
    }

    /**
     * Like Mastodon, the API may be called from any origin (browser apps on other sites), but without
     * cookies: only a bearer token authorises a cross-origin call.
     */
    private static CorsConfiguration cors(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!(path.startsWith("/api/") || path.startsWith("/.well-known/") || path.startsWith("/nodeinfo/")
                || path.equals("/oauth/token") || path.equals("/oauth/revoke"))) {
            return null;
        }
        CorsConfiguration config = new CorsConfiguration();
        config.addAllowedOrigin("*");
        config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        config.addAllowedHeader("*");
        config.setExposedHeaders(List.of("Link", "Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining",
                "X-RateLimit-Reset"));
        config.setAllowCredentials(false);
        config.setMaxAge(86_400L);
        return config;
    }

    /** Unsafe methods need a CSRF token when a browser's cookie could be what authorises them. */
    private static boolean needsCsrf(HttpServletRequest request) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")) {
            return false;
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return false;
        }
        String path = request.getRequestURI();
        if (path.equals("/oauth/token") || path.equals("/oauth/revoke")) {
            return false; // authorised by the client secret in the body, never by a cookie
        }
        boolean webForm = path.startsWith("/auth/") || path.equals("/oauth/authorize");
        return webForm || ViewerFilter.sessionCookie(request).isPresent();
    }

    /**
     * No observation (timer, span) per security filter, per authorization and per secured request: nothing
     * reads them (there is no tracing, and http.server.requests already times every request), and their
     * bookkeeping around each of the chain's filters was about 8% of a wallet transfer request's CPU samples.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // Argon2id, memory-hard: 16 MiB, 2 passes, as Spring Security recommends since 5.8.
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ScopeInterceptor());
    }

}

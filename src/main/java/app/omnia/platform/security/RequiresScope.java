package app.omnia.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what an API endpoint needs: a token (or web session) holding any one of these scopes, and
 * unless {@link #appTokenAllowed()}, a signed-in user. Every {@code /api/**} handler must carry this or
 * {@link PublicEndpoint}: {@link ScopeInterceptor} refuses handlers that declare neither.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RequiresScope {

    /** Any one of these scopes suffices (e.g. {@code {"read:accounts", "profile"}}); none listed: any valid token. */
    String[] value();

    boolean appTokenAllowed() default false;
}

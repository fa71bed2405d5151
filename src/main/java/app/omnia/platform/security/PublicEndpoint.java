package app.omnia.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an endpoint that anyone may call without a token (instance info, public profiles...). As in
 * Mastodon, a caller who does present a token must hold one of {@link #scopesIfToken()} when given.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicEndpoint {

    String[] scopesIfToken() default {};
}

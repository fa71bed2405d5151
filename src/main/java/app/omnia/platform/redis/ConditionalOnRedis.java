package app.omnia.platform.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Marks a bean that exists only when {@code omnia.redis.url} is set: the shared hot-state path. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${omnia.redis.url:}'.trim().length() > 0")
public @interface ConditionalOnRedis {
}

package cn.onego.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint whose calls are counted against named limits of {@link cn.onego.platform.RateLimits}: per
 * signed-in account and per client address. Over the limit it answers 429 with {@code Retry-After}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

	/** The limit per signed-in account; empty for none. */
	String perAccount() default "";

	/** The limit per client address; empty for none. */
	String perAddress() default "";
}

package cn.onego.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An answer of an endpoint beyond those every endpoint may give: a refusal its service throws (a 409 of a
 * state, a 422 of a rule, a 429 of a limit taken inside), stated in the OpenAPI description as a
 * problem+json response by {@link ProblemDescriptions}. Several on one endpoint with the same status make one
 * response that names each case.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Refuses.All.class)
public @interface Refuses {

	/** The HTTP status, e.g. 422. */
	int status();

	/** The problem's stable code, e.g. {@code idempotency-key-reused}. */
	String code();

	/** When, for a reader: "the Idempotency-Key was used before for a different request". */
	String when();

	/** The refusals of one endpoint. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@interface All {

		Refuses[] value();
	}
}

package cn.onego.platform.logging;

import org.slf4j.MDC;

/**
 * What every log line of a request carries besides its message (the logging context, SLF4J's MDC): the
 * request id, the case the request concerns, and who acts. The structured (JSON) logs write each as a field
 * of its own; the plain console shows the request id. The request filter sets the id and clears everything
 * when the request ends; the modules add what they learn on the way.
 */
public final class LogContext {

	/** The request's id: the caller's {@code X-Request-Id} when it is a sane one, otherwise a new one. */
	public static final String REQUEST_ID = "request_id";

	/** The number (一事一号) of the case a request concerns. */
	public static final String CASE_NUMBER = "case_number";

	/** Who acts: a staff username, or for an applicant a pseudonymous account id — never a name, ID or mobile number. */
	public static final String ACTOR = "actor";

	private LogContext() {
	}

	/** Notes the case the current request (or job) is about; null is ignored. */
	public static void caseNumber(String number) {
		if (number != null) {
			MDC.put(CASE_NUMBER, number);
		}
	}

	/** Notes who acts in the current request (masked like a message, should a username be a number); null is ignored. */
	public static void actor(String actor) {
		if (actor != null) {
			MDC.put(ACTOR, Masking.mask(actor));
		}
	}

	/** The current request's id, or null outside a request. */
	public static String requestId() {
		return MDC.get(REQUEST_ID);
	}
}

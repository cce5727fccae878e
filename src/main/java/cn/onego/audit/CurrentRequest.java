package cn.onego.audit;

import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import cn.onego.platform.logging.LogContext;

/**
 * The id of the request an audit record was made in — the one its log lines, its answer's {@code X-Request-Id}
 * and any problem+json carry (set by the platform's first filter) — so that a record is found again in the logs
 * and beside the other records of the same request. None outside a request (scheduled jobs, asynchronous
 * listeners).
 */
@Component
class CurrentRequest {

	String id() {
		return MDC.get(LogContext.REQUEST_ID);
	}
}

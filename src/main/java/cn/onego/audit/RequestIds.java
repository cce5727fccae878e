package cn.onego.audit;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The id of the request an audit record was made in, so that the record can be found again in the logs and
 * beside the other records of the same request: the one the logs carry (MDC {@code requestId}) if there is
 * one, else the caller's or the proxy's {@code X-Request-Id} when it is a plain token, else one made here
 * and kept for the rest of the request. None outside a request (scheduled jobs, asynchronous listeners).
 */
@Component
class RequestIds {

	static final String HEADER = "X-Request-Id";
	private static final String ATTRIBUTE = RequestIds.class.getName();
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	String current() {
		for (String key : new String[] { "requestId", "request_id" }) {
			String logged = MDC.get(key);
			if (logged != null && TOKEN.matcher(logged).matches()) {
				return logged;
			}
		}
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			return null;
		}
		Object kept = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (kept != null) {
			return kept.toString();
		}
		String given = attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest().getHeader(HEADER) : null;
		String id = given != null && TOKEN.matcher(given).matches() ? given : UUID.randomUUID().toString();
		attributes.setAttribute(ATTRIBUTE, id, RequestAttributes.SCOPE_REQUEST);
		return id;
	}
}

package cn.onego.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import cn.onego.platform.logging.LogContext;
import cn.onego.platform.logging.Masking;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives every request an id before anything else looks at it: the caller's {@code X-Request-Id} when it is a
 * sane one (1–64 letters, digits, {@code . _ -}; a reverse proxy or another system may set it), otherwise a
 * new one. The id is answered in {@code X-Request-Id}, written into every problem+json ({@code requestId}) and
 * put on every log line of the request ({@link LogContext}); at the end one line ({@code cn.onego.requests},
 * INFO) says what was asked (the route's pattern, not the path: paths may hold numbers), the answer and the
 * time it took.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";
	static final String ATTRIBUTE = RequestIds.class.getName();

	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
	private static final Logger requests = LoggerFactory.getLogger("cn.onego.requests");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = of(request);
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		MDC.put(LogContext.REQUEST_ID, id);
		boolean errorPage = request.getDispatcherType() == DispatcherType.ERROR;
		long started = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (!errorPage && requests.isInfoEnabled()) {
				Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
				requests.info("{} {} answered {} in {} ms", request.getMethod(),
						pattern != null ? pattern : Masking.mask(request.getRequestURI()), response.getStatus(),
						(System.nanoTime() - started) / 1_000_000);
			}
			MDC.remove(LogContext.REQUEST_ID);
			MDC.remove(LogContext.CASE_NUMBER);
			MDC.remove(LogContext.ACTOR);
		}
	}

	/** The container's error page belongs to the same request: it keeps the id (and gets it back on its lines). */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	/** The request's id: the one given to it, the caller's sane one, or a new one. */
	static String of(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof String given) {
			return given;
		}
		String offered = request.getHeader(HEADER);
		return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
	}
}

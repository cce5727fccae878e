package cn.onego.platform.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.onego.platform.DatabaseUnavailable;
import cn.onego.platform.DatabaseWatch;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the database is away ({@link DatabaseWatch}), every request that needs it — the API, the identity
 * provider, signing in and out, the operations endpoints — is answered at once with 503
 * {@code application/problem+json} and {@code Retry-After}, before authentication: not after a 30-second wait,
 * not as a refused password. The pages and their assets are still served (they show the problem their calls
 * get), and so are the health endpoints, which report the outage.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class OutageGate extends OncePerRequestFilter {

	private final DatabaseWatch database;
	private final ProblemResponses problems;

	OutageGate(DatabaseWatch database, ProblemResponses problems) {
		this.database = database;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!database.available() && needsDatabase(request)) {
			problems.problem(request, response, new DatabaseUnavailable());
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean needsDatabase(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/actuator/health") || path.startsWith("/actuator/health/") || path.equals("/actuator/info")) {
			return false;
		}
		boolean reads = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
		return !reads || path.startsWith("/api/") || path.startsWith("/idp/") || path.startsWith("/actuator/")
				|| path.equals("/login") || path.startsWith("/login/") || path.equals("/logout") || path.startsWith("/oauth2/");
	}
}

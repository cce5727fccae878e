package cn.onego.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.onego.platform.RateLimits;
import cn.onego.platform.TooManyRequests;
import cn.onego.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Throttles password guessing per client address, whatever usernames are tried: each failed sign-in takes
 * from the address's bucket, and while it is empty every sign-in attempt from there (the form, or HTTP
 * Basic credentials) is answered 429 with {@code Retry-After} before any password is checked. Requests
 * without credentials are never held back.
 */
@Component
class SignInThrottle {

	static final String LIMIT = "sign-in-failures-per-address";

	private final RateLimits limits;
	private final ProblemResponses problems;

	SignInThrottle(RateLimits limits, ProblemResponses problems) {
		this.limits = limits;
		this.problems = problems;
	}

	/** The filter for the security chain, in front of the sign-in filters (not a bean: it belongs to that chain only). */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (signsIn(request)) {
					Optional<Duration> wait = limits.exhausted(LIMIT, request.getRemoteAddr());
					if (wait.isPresent()) {
						problems.tooManyRequests(request, response, new TooManyRequests(wait.get()));
						return;
					}
				}
				chain.doFilter(request, response);
			}
		};
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
			limits.take(LIMIT, details.getRemoteAddress());
		}
	}

	private static boolean signsIn(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
				|| "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
	}
}

package cn.onego.platform.web;

import java.security.Principal;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import cn.onego.platform.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Applies {@link RateLimited} before the endpoint runs, so a refused call changes nothing. */
@Component
class RateLimitInterceptor implements HandlerInterceptor {

	private final RateLimits limits;

	RateLimitInterceptor(RateLimits limits) {
		this.limits = limits;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(RateLimited.class)) {
			RateLimited limited = method.getMethodAnnotation(RateLimited.class);
			Principal principal = request.getUserPrincipal();
			if (!limited.perAccount().isEmpty() && principal != null) {
				limits.require(limited.perAccount(), principal.getName());
			}
			if (!limited.perAddress().isEmpty()) {
				limits.require(limited.perAddress(), request.getRemoteAddr());
			}
		}
		return true;
	}
}

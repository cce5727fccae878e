package cn.onego.platform.web;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The last rule of a security chain that denies by default: an endpoint no rule above names is refused; an address
 * where there is no endpoint at all is let through, to be answered 404 like any address that does not exist (a
 * static file is served by what the rules above allow).
 */
public final class NoEndpointOnly {

	private NoEndpointOnly() {
	}

	public static AuthorizationManager<RequestAuthorizationContext> of(RequestMappingHandlerMapping endpoints) {
		return (authentication, context) -> new AuthorizationDecision(!isEndpoint(endpoints, context.getRequest()));
	}

	private static boolean isEndpoint(RequestMappingHandlerMapping endpoints, HttpServletRequest request) {
		try {
			return endpoints.getHandler(request) != null;
		}
		catch (Exception e) {
			return true; // when in doubt, an endpoint: refused
		}
	}
}

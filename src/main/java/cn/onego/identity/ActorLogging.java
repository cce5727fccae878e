package cn.onego.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import cn.onego.platform.logging.LogContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts who acts on the request's log lines ({@link LogContext#ACTOR}): a staff member by username; an applicant
 * by a pseudonym of their identity at the provider ({@code applicant:} and 12 hex digits of a SHA-256 hash of
 * issuer and subject), never by name, ID or mobile number. The same person always gets the same pseudonym,
 * so an operator can follow one applicant's requests without learning who they are.
 */
@Configuration(proxyBeanMethods = false)
class ActorLogging implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		LogContext.actor(actor(SecurityContextHolder.getContext().getAuthentication()));
		return true;
	}

	/** The actor as the logs name it, or null when nobody is signed in. */
	static String actor(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated() || "anonymousUser".equals(authentication.getPrincipal())) {
			return null;
		}
		if (authentication instanceof JwtAuthenticationToken token) {
			return pseudonym(String.valueOf(token.getToken().getIssuer()), token.getToken().getSubject());
		}
		if (authentication.getPrincipal() instanceof OidcUser user) {
			return pseudonym(String.valueOf(user.getIssuer()), user.getSubject());
		}
		return authentication.getName();
	}

	static String pseudonym(String issuer, String subject) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest((issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8));
			return "applicant:" + HexFormat.of().formatHex(hash, 0, 6);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

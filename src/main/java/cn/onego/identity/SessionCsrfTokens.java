package cn.onego.identity;

import java.io.IOException;
import java.util.UUID;

import org.springframework.http.ResponseCookie;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * CSRF tokens bound to the session: the token checked is the one stored in the server-side session, and
 * the {@code XSRF-TOKEN} cookie is only a copy for the pages' script to echo in {@code X-XSRF-TOKEN}. A
 * cookie planted by another site or a sibling domain therefore proves nothing.
 */
class SessionCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "XSRF-TOKEN";
	static final String HEADER = "X-XSRF-TOKEN";
	private static final String ATTRIBUTE = SessionCsrfTokens.class.getName() + ".token";
	/** The pages from which one signs in: they need the token before there is a session. */
	private static final java.util.Set<String> SIGN_IN_PAGES = java.util.Set.of("/login.html", "/register.html");

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return new DefaultCsrfToken(HEADER, "_csrf", UUID.randomUUID().toString());
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(ATTRIBUTE);
			}
			response.addHeader("Set-Cookie", cookie("", 0, request.isSecure()));
			return;
		}
		request.getSession().setAttribute(ATTRIBUTE, token);
		response.addHeader("Set-Cookie", cookie(token.getToken(), -1, request.isSecure()));
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : (CsrfToken) session.getAttribute(ATTRIBUTE);
	}

	private static String cookie(String value, long maxAge, boolean secure) {
		return ResponseCookie.from(COOKIE, value).path("/").httpOnly(false).secure(secure).sameSite("Strict").maxAge(maxAge)
			.build()
			.toString();
	}

	/**
	 * Makes the token exist for the requests that will need it — those of a session, and the sign-in page —
	 * so that its cookie copy is there before the page's first change. Anonymous reading creates no session.
	 */
	static OncePerRequestFilter loader() {
		return new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				if (request.getSession(false) != null || SIGN_IN_PAGES.contains(request.getServletPath())) {
					CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
					if (token != null) {
						token.getToken();
					}
				}
				chain.doFilter(request, response);
			}
		};
	}
}

package cn.onego.identity;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.onego.platform.Message;
import cn.onego.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A staff member signed in with a temporary password (an administrator reset it) does nothing with the API but
 * say who they are and choose their own password: the temporary one was seen by somebody else. Only a sign-in made
 * with a temporary password is looked up again (has it been changed since?), so the staff's everyday requests cost no
 * statement.
 */
class PasswordChangeGate extends OncePerRequestFilter {

	private static final Set<String> ALLOWED = Set.of("GET /api/v1/me", "POST /api/v1/me/password", "GET /api/v1/sign-in");

	private final StaffPasswords passwords;
	private final ProblemResponses problems;

	PasswordChangeGate(StaffPasswords passwords, ProblemResponses problems) {
		this.passwords = passwords;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		return !path.startsWith("/api/") || ALLOWED.contains(request.getMethod() + " " + path);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedInWithTemporaryPassword = authentication != null && authentication.isAuthenticated()
				&& authentication.getPrincipal() instanceof StaffPrincipal staff && staff.temporaryPassword();
		if (signedInWithTemporaryPassword && passwords.changeRequired(authentication.getName())) {
			problems.write(request, response, HttpStatus.FORBIDDEN, "password-change-required",
					Message.of("请先修改密码", "Change your password first"),
					Message.of("管理员为您重置了密码：请先设置自己的新密码，再继续办理。",
							"An administrator reset your password: choose your own before you continue."),
					Map.of());
			return;
		}
		chain.doFilter(request, response);
	}
}

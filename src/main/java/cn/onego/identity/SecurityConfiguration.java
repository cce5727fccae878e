package cn.onego.identity;

import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Public reads of the catalogue are open; administration needs the ADMIN role. API clients
 * authenticate with HTTP Basic, the pages with a sign-in form and a session; failures answer as
 * bilingual problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	DemoUsers demoUsers(ResourceLoader resources, PasswordEncoder encoder,
			@Value("${onego.identity.users:classpath:identity/demo-users.yaml}") String location) {
		return new DemoUsers(resources, location, encoder);
	}

	@Bean
	UserDetailsService users(DemoUsers staff, StaffAccounts staffAccounts, Accounts accounts) {
		return username -> staff.details(username)
			.or(() -> staffAccounts.find(username)
				.map(s -> User.withUsername(username).password(s.passwordHash())
					.roles(s.user().roles().stream().map(Enum::name).toArray(String[]::new)).build()))
			.or(() -> accounts.find(username)
				.map(a -> User.withUsername(a.username()).password(a.passwordHash()).roles(Role.APPLICANT.name()).build()))
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	@Bean
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
			.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
			.requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
			.anyRequest().permitAll())
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> problem(request, response,
					HttpStatus.UNAUTHORIZED, "需要登录", "Authentication required",
					"请使用有效的账号登录后再试。", "Sign in with a valid account and try again.")))
			// the pages sign in with a form and a session cookie; their script reads the result as JSON
			.formLogin(form -> form.loginPage("/login.html")
				.loginProcessingUrl("/login")
				.successHandler((request, response, authentication) -> {
					response.setContentType(MediaType.APPLICATION_JSON_VALUE);
					response.setCharacterEncoding("UTF-8");
					response.getWriter().write("{\"home\":\"%s\"}".formatted(home(authentication.getAuthorities())));
				})
				.failureHandler((request, response, e) -> problem(request, response, HttpStatus.UNAUTHORIZED,
						"用户名或密码不正确", "Wrong username or password", "请检查用户名和密码后重试。",
						"Check the username and the password and try again.")))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
			.exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> problem(request,
					response, HttpStatus.FORBIDDEN, "无权操作", "Forbidden", "当前账号没有执行此操作的权限。",
					"Your account is not allowed to do this.")))
			// A session cookie travels with any request a browser makes, so requests that come with one need the
			// CSRF token (cookie XSRF-TOKEN, echoed in X-XSRF-TOKEN by the pages' script), and so does signing in.
			// A request carrying its own Authorization header, or no session at all, has nothing to forge.
			.csrf(csrf -> csrf.spa()
				.requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
						&& request.getHeader(HttpHeaders.AUTHORIZATION) == null
						&& (request.getRequestedSessionId() != null || "/login".equals(request.getServletPath()))));
		return http.build();
	}

	/** The page a user starts from after signing in, by the most specific role. */
	static String home(Collection<? extends GrantedAuthority> authorities) {
		Set<String> roles = authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
		if (roles.contains("ROLE_" + Role.ADMIN)) {
			return "/admin.html";
		}
		if (roles.contains("ROLE_" + Role.SUPERVISOR)) {
			return "/dashboard.html";
		}
		if (roles.contains("ROLE_" + Role.WINDOW_CLERK)) {
			return "/window.html";
		}
		if (roles.contains("ROLE_" + Role.REVIEWER) || roles.contains("ROLE_" + Role.DEPARTMENT_HEAD)) {
			return "/department.html";
		}
		return "/my.html";
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String titleZh, String titleEn, String detailZh, String detailEn) throws IOException {
		// the same choice as the API's: ?lang= first, then Accept-Language, Chinese by default
		String lang = request.getParameter("lang");
		// without an Accept-Language header getLocale() is the server's default locale, not the caller's choice
		String language = lang != null ? lang
				: request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null ? "zh" : request.getLocale().getLanguage();
		boolean english = language.toLowerCase(Locale.ROOT).startsWith(Locale.ENGLISH.getLanguage());
		// a page's script asks with X-Requested-With: the browser must not open its own password dialog
		if (status == HttpStatus.UNAUTHORIZED && request.getHeader("X-Requested-With") == null) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"OneGo\"");
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		String code = status == HttpStatus.UNAUTHORIZED ? "unauthenticated" : "forbidden";
		response.getWriter().write("""
				{"type":"urn:onego:problem:%s","title":"%s","status":%d,"detail":"%s","instance":"%s","code":"%s",\
				"message":{"zh":"%s","en":"%s"}}""".formatted(code, english ? titleEn : titleZh, status.value(),
				english ? detailEn : detailZh, request.getRequestURI().replace("\"", ""), code, detailZh, detailEn));
	}
}

package cn.onego.identity;

import java.io.IOException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Public reads of the catalogue are open; administration needs the ADMIN role. API clients
 * authenticate with HTTP Basic; failures answer as bilingual problem+json like every other error.
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
			.exceptionHandling(handling -> handling.accessDeniedHandler((request, response, e) -> problem(request,
					response, HttpStatus.FORBIDDEN, "无权操作", "Forbidden", "当前账号没有执行此操作的权限。",
					"Your account is not allowed to do this.")))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
		return http.build();
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String titleZh, String titleEn, String detailZh, String detailEn) throws IOException {
		// the same choice as the API's: ?lang= first, then Accept-Language, Chinese by default
		String lang = request.getParameter("lang");
		String language = lang != null ? lang : request.getLocale() == null ? "zh" : request.getLocale().getLanguage();
		boolean english = language.toLowerCase(Locale.ROOT).startsWith(Locale.ENGLISH.getLanguage());
		if (status == HttpStatus.UNAUTHORIZED) {
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

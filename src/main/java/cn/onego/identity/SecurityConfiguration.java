package cn.onego.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.onego.platform.DatabaseUnavailable;
import cn.onego.platform.Message;
import cn.onego.platform.web.NoEndpointOnly;
import cn.onego.platform.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may call what. Every route has an explicit rule below and anything not listed is refused (deny by
 * default), so an endpoint whose module forgets its own check is closed, not open. The rules here only
 * say which roles may call a route at all; whose data a caller reaches (their hall, department, region,
 * their own cases) is decided where the data is read, by each module's access rules.
 * <p>
 * Staff sign in with username and password: the pages with a form and a session, API clients with HTTP
 * Basic. Failures answer as bilingual problem+json like every other error. Wrong passwords lock an
 * account for a while ({@link SignInGuard}) and throttle the address ({@link SignInThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Content of the pages: scripts and styles only from this site, never inline; no framing; no plug-ins. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/** The browsable API (Swagger UI) needs inline styles of its own; it shows no personal data. */
	static final String API_BROWSER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	DemoUsers demoUsers(ResourceLoader resources, PasswordEncoder encoder,
			@Value("${onego.identity.users:classpath:identity/demo-users.yaml}") String location) {
		return new DemoUsers(resources, location, encoder);
	}

	/** Staff only: applicants have no password of OneGo's, they sign in at the identity provider. */
	@Bean
	UserDetailsService users(StaffDirectory staff, SignInGuard guard) {
		return username -> staff.forSignIn(username)
			.<org.springframework.security.core.userdetails.UserDetails>map(s -> {
				SignInGuard.Failures failures = guard.failures(username);
				return new StaffPrincipal(username, s.passwordHash(), !s.disabled(), failures.locked(), failures.count() > 0,
						s.temporaryPassword(), authorities(s.user().roles()));
			})
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}

	static Collection<GrantedAuthority> authorities(Set<Role> roles) {
		return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
	}

	@Bean
	@Order(10)
	SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, SignInThrottle throttle, SignInGuard guard,
			Clock clock, ApplicantSignIn applicants, StaffPasswords passwords,
			@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints,
			org.springframework.security.oauth2.client.userinfo.OAuth2UserService<org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest, org.springframework.security.oauth2.core.oidc.user.OidcUser> oidcUsers)
			throws Exception {
		AuthenticationEntryPoint unauthenticated = (request, response, e) -> signInRefused(problems, request, response, e, guard,
				clock);
		http.authorizeHttpRequests(requests -> routes(requests, endpoints))
			.addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class)
			.addFilterAfter(SessionCsrfTokens.loader(), CsrfFilter.class)
			.addFilterAfter(new PasswordChangeGate(passwords, problems),
					org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
			// applicants: the pages through the identity provider's sign-in, the app and API clients with its tokens;
			// staff through the staff platform when one is configured
			.oauth2Login(login -> login.loginPage("/login.html")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcUsers))
				.successHandler((request, response, authentication) -> {
					if (authentication.getPrincipal() instanceof StaffSignIn.StaffOidcUser) {
						response.sendRedirect(home(authentication.getAuthorities()));
					}
					else {
						ApplicantSignIn.continueAfterSignIn(request, response);
					}
				})
				.failureHandler((request, response, e) -> response.sendRedirect(request.getRequestURI().endsWith("/" + StaffSignIn.REGISTRATION_ID)
						? "/login.html?error=staff" : "/login.html?error=identity")))
			.oauth2ResourceServer(resource -> resource.authenticationEntryPoint(unauthenticated)
				.jwt(jwt -> jwt.decoder(applicants.accessTokens()).jwtAuthenticationConverter(ApplicantSignIn::applicant)))
			// the pages sign in with a form and a session cookie; their script reads the result as JSON
			.formLogin(form -> form.loginPage("/login.html")
				.loginProcessingUrl("/login")
				.successHandler((request, response, authentication) -> {
					// signing in renews the CSRF token: hand the new one out with this answer
					if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken renewed) {
						renewed.getToken();
					}
					response.setContentType(MediaType.APPLICATION_JSON_VALUE);
					response.setCharacterEncoding("UTF-8");
					response.getWriter().write("{\"home\":\"%s\"}".formatted(home(authentication.getAuthorities())));
				})
				.failureHandler((request, response, e) -> signInRefused(problems, request, response, e, guard, clock)))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler((request, response, e) -> problems.write(request,
					response, HttpStatus.FORBIDDEN, "forbidden", Message.of("无权操作", "Forbidden"),
					Message.of("当前账号没有执行此操作的权限。", "Your account is not allowed to do this."), Map.of())))
			// A session cookie travels with any request a browser makes, so requests that come with one need the
			// CSRF token, and so does signing in. The token lives in the session (a cookie an attacker plants
			// cannot match it); the pages' script reads a copy from the XSRF-TOKEN cookie and echoes it in
			// X-XSRF-TOKEN. A request carrying its own Authorization header, or no session at all, has nothing
			// to forge.
			.csrf(csrf -> csrf.csrfTokenRepository(new SessionCsrfTokens())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
						&& request.getHeader(HttpHeaders.AUTHORIZATION) == null
						&& (request.getRequestedSessionId() != null || "/login".equals(request.getServletPath()))))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.disable())
				.addHeaderWriter(frameOptions())
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
		return http.build();
	}

	/**
	 * No framing, except a case's submitted file by this site's own pages (the previews of the window's and the
	 * departments' pages); the file's own policy says {@code frame-ancestors 'self'} too.
	 */
	private static org.springframework.security.web.header.HeaderWriter frameOptions() {
		var previews = org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults()
			.matcher(HttpMethod.GET, "/api/v1/cases/*/files/*");
		var sameOrigin = new org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter(
				org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN);
		var deny = new org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter(
				org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY);
		return (request, response) -> (previews.matches(request) ? sameOrigin : deny).writeHeaders(request, response);
	}

	/**
	 * Swagger UI and the OpenAPI description: public reading, with the inline styles Swagger UI needs, in a
	 * chain of their own so that the pages' stricter policy stays as it is.
	 */
	@Bean
	@Order(5)
	SecurityFilterChain apiBrowser(HttpSecurity http) throws Exception {
		http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET).permitAll().anyRequest().denyAll())
			.csrf(csrf -> csrf.disable()) // nothing here changes state
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(API_BROWSER_POLICY))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/**
	 * The protocol between OneGo instances ({@code /federation/**}, docs/FEDERATION.md): each message carries its own
	 * SM2 signature, checked by the crossregion module's inbox, so this chain keeps no session, reads none and asks
	 * for no CSRF token (a partner has no session to forge); the route rules are the same {@link Routes#RULES}.
	 */
	@Bean
	@Order(6)
	SecurityFilterChain federationProtocol(HttpSecurity http, ProblemResponses problems,
			@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints)
			throws Exception {
		http.securityMatcher("/federation/**")
			.authorizeHttpRequests(requests -> routes(requests, endpoints))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session
				.sessionCreationPolicy(org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(handling -> handling
				.authenticationEntryPoint((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
						Message.of("无权操作", "Forbidden"), Message.of("该地址不对外开放。", "This address is not open."), Map.of()))
				.accessDeniedHandler((request, response, e) -> problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden",
						Message.of("无权操作", "Forbidden"), Message.of("该地址不对外开放。", "This address is not open."), Map.of())))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	/**
	 * The rule of every route, from {@link Routes#RULES} in order; the last line refuses every endpoint no rule
	 * names.
	 */
	static void routes(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry r,
			RequestMappingHandlerMapping endpoints) {
		for (Routes.Rule rule : Routes.RULES) {
			String[] patterns = rule.patterns().toArray(String[]::new);
			var matched = rule.method() == null ? r.requestMatchers(patterns) : r.requestMatchers(rule.method(), patterns);
			if (rule.access() instanceof Routes.Access.Roles roles) {
				matched.hasAnyRole(roles.roles().stream().map(Role::name).sorted().toArray(String[]::new));
			}
			else if (rule.access() instanceof Routes.Access.SignedIn) {
				matched.authenticated();
			}
			else {
				matched.permitAll();
			}
		}
		r.anyRequest().access(NoEndpointOnly.of(endpoints));
	}

	/** The page a user starts from after signing in, by the most specific role. */
	static String home(Collection<? extends GrantedAuthority> authorities) {
		Set<String> roles = authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
		if (roles.contains("ROLE_" + Role.CATALOGUE_ADMIN) || roles.contains("ROLE_" + Role.SYSTEM_ADMIN)) {
			return "/admin.html";
		}
		if (roles.contains("ROLE_" + Role.SUPERVISOR)) {
			return "/dashboard.html";
		}
		if (roles.contains("ROLE_" + Role.CREDIT_ADMIN)) {
			return "/credit-admin.html";
		}
		if (roles.contains("ROLE_" + Role.WINDOW_CLERK)) {
			return "/window.html";
		}
		if (roles.contains("ROLE_" + Role.REVIEWER) || roles.contains("ROLE_" + Role.DEPARTMENT_HEAD)) {
			return "/department.html";
		}
		return "/my.html";
	}

	/** Sign-in refused: a locked or disabled account says so (a locked one with when to retry); anything else is 401. */
	private static void signInRefused(ProblemResponses problems, HttpServletRequest request, HttpServletResponse response,
			AuthenticationException e, SignInGuard guard, Clock clock) throws IOException {
		if (DatabaseUnavailable.isCause(e)
				|| e instanceof org.springframework.security.authentication.InternalAuthenticationServiceException
						&& problems.databaseAway()) {
			// the accounts could not be read: not a wrong password, a moment to wait
			problems.problem(request, response, new DatabaseUnavailable());
			return;
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "invalid-token", Message.of("登录凭证无效", "Invalid token"),
					Message.of("访问令牌无效或已过期，请重新登录统一身份认证。", "The access token is invalid or has expired; sign in again."),
					Map.of());
			return;
		}
		// a page's script asks with X-Requested-With: the browser must not open its own password dialog
		if (request.getHeader("X-Requested-With") == null && authorization != null) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"OneGo\"");
		}
		if (e instanceof LockedException) {
			String username = request.getParameter("username") != null ? request.getParameter("username") : basicUsername(request);
			Duration wait = guard.failures(username == null ? "" : username).lockedUntil() == null ? Duration.ofMinutes(1)
					: Duration.between(clock.instant(), guard.failures(username).lockedUntil());
			long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "locked", Message.of("账号已锁定", "Account locked"),
					Message.of("密码连续输错次数过多，账号已锁定，请 " + minutes + " 分钟后再试，或联系管理员。",
							"Too many wrong passwords in a row: the account is locked; try again in " + minutes
									+ " minutes or ask an administrator."),
					Map.of(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, wait.toSeconds()))));
			return;
		}
		if (e instanceof DisabledException) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "disabled", Message.of("账号已停用", "Account disabled"),
					Message.of("该账号已被管理员停用。", "This account has been disabled by an administrator."), Map.of());
			return;
		}
		boolean triedToSignIn = "/login".equals(request.getServletPath()) || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		problems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated",
				triedToSignIn ? Message.of("用户名或密码不正确", "Wrong username or password") : Message.of("需要登录", "Authentication required"),
				triedToSignIn ? Message.of("请检查用户名和密码后重试。", "Check the username and the password and try again.")
						: Message.of("请使用有效的账号登录后再试。", "Sign in with a valid account and try again."),
				Map.of());
	}

	private static String basicUsername(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
					java.nio.charset.StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}

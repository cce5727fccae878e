package cn.onego.idp;

import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import cn.onego.platform.DatabaseProperties;
import cn.onego.platform.web.NoEndpointOnly;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Authorization Server under {@code /idp}, in two filter chains ordered before the application's:
 * <ol>
 * <li>the protocol endpoints — discovery {@code /idp/.well-known/openid-configuration}, authorization
 * {@code /idp/oauth2/authorize}, token {@code /idp/oauth2/token}, JWKS {@code /idp/oauth2/jwks}, userinfo
 * {@code /idp/userinfo}, revocation, introspection, logout {@code /idp/connect/logout} — with the issuer taken
 * from the request (path-based issuers, {@code multipleIssuersAllowed}) unless {@code onego.idp.issuer} is set;</li>
 * <li>everything else under {@code /idp/}: the sign-in form {@code /idp/login}, the registration pages and
 * their JSON API {@code /idp/api/…}, with CSRF protection and a strict Content-Security-Policy.</li>
 * </ol>
 * A person signed in at the provider is kept in the HTTP session under a key of its own, so that OneGo's
 * pages on the same host do not take them for signed in to OneGo, nor the provider OneGo's staff.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfiguration.class);
	static final String PREFIX = DemoIdentityProvider.ISSUER_PATH;
	static final String LOGIN = PREFIX + "/login";

	private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
	private final HttpSessionRequestCache requests = new HttpSessionRequestCache();

	AuthorizationServerConfiguration() {
		contexts.setSpringSecurityContextKey("ONEGO_IDP_SECURITY_CONTEXT");
		requests.setSessionAttrName("ONEGO_IDP_SAVED_REQUEST");
	}

	/** The key set tokens are signed with; the relying party in the same JVM verifies with it. */
	@Bean
	JWKSource<SecurityContext> idpJwkSource(DatabaseProperties database, JdbcClient jdbc) {
		boolean external = database.url() != null && !database.url().isBlank();
		RSAKey key = external ? SigningKey.keptIn(jdbc)
				: database.ephemeral() ? SigningKey.inMemory() : SigningKey.keptIn(database.dataDir().resolve("idp"));
		return new ImmutableJWKSet<>(new JWKSet(key));
	}

	@Bean
	DemoIdentityProvider demoIdentityProvider(IdpProperties properties, JWKSource<SecurityContext> idpJwkSource) {
		String secret = properties.portalClientSecret();
		if (secret == null) {
			secret = Secrets.handle();
			log.info("Generated the secret of the demo identity provider's client {} (set onego.idp.portal-client-secret to fix it)",
					DemoClients.PORTAL);
		}
		JWKSet keys = idpJwkSource instanceof ImmutableJWKSet<SecurityContext> set ? set.getJWKSet() : new JWKSet();
		return new DemoIdentityProvider(secret, Optional.ofNullable(properties.issuer()), keys);
	}

	@Bean
	DemoClients idpClients(DemoIdentityProvider provider, ObjectProvider<PasswordEncoder> encoders,
			@Value("${onego.public-url:}") String publicUrl) {
		// the authorization server checks client secrets with the application's PasswordEncoder when there is one
		PasswordEncoder encoder = encoders.getIfUnique(PasswordEncoderFactories::createDelegatingPasswordEncoder);
		return new DemoClients(encoder.encode(provider.portalClient().clientSecret()), publicUrl);
	}

	@Bean
	SealedAuthorizations idpSealedAuthorizations(cn.onego.platform.crypto.PersonalData data) {
		return new SealedAuthorizations(data);
	}

	@Bean
	OAuth2AuthorizationService idpAuthorizations(JdbcOperations jdbc, DemoClients clients, SealedAuthorizations sealed) {
		return sealed.service(jdbc, clients);
	}

	@Bean
	AuthorizationServerSettings idpSettings() {
		// the issuer comes from the request ("/idp" + what follows is an endpoint) or, when configured, from the
		// filter below; both ways the endpoints sit under the issuer's path
		return AuthorizationServerSettings.builder().multipleIssuersAllowed(true).build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	SecurityFilterChain idpEndpointsChain(HttpSecurity http, DemoClients clients, OAuth2AuthorizationService authorizations,
			AuthorizationServerSettings settings, JWKSource<SecurityContext> idpJwkSource, People people,
			IdpProperties properties) throws Exception {
		PersonClaims claims = new PersonClaims(people);
		JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(idpJwkSource));
		jwt.setJwtCustomizer(claims::customize);
		OAuth2TokenGenerator<?> tokens = new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(),
				new OAuth2RefreshTokenGenerator());
		JwtDecoder decoder = NimbusJwtDecoder.withJwkSource(idpJwkSource).build();

		http.oauth2AuthorizationServer(server -> {
			http.securityMatcher(new AndRequestMatcher(server.getEndpointsMatcher(), directlyUnderPrefix(settings)));
			server.registeredClientRepository(clients)
				.authorizationService(authorizations)
				.authorizationServerSettings(settings)
				.tokenGenerator(tokens)
				.oidc(oidc -> oidc
					.providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(document -> document
						.scopes(scopes -> scopes.addAll(List.of(OidcScopes.PROFILE, OidcScopes.PHONE, PersonClaims.ONEGO_SCOPE)))
						.claim("acr_values_supported", List.of(PersonClaims.ACR))
						.claim("claims_supported", List.of("sub", "acr", "amr", "name", "preferred_username", "phone_number",
								"phone_number_verified", PersonClaims.ID_NUMBER))))
					.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo)));
		});
		http.authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
			.oauth2ResourceServer(resourceServer -> resourceServer.jwt(token -> token.decoder(decoder)))
			.securityContext(context -> context.securityContextRepository(contexts))
			.requestCache(cache -> cache.requestCache(requests))
			// a person who is not signed in at the provider is sent to its sign-in page, whatever the client accepts
			.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
					new LoginUrlAuthenticationEntryPoint(LOGIN),
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, PREFIX + settings.getAuthorizationEndpoint())));
		if (properties.issuer() != null) {
			http.addFilterBefore(new ConfiguredIssuer(properties.issuer(), settings), HeaderWriterFilter.class);
		}
		return http.build();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 11)
	SecurityFilterChain idpPagesChain(HttpSecurity http, People people, Attempts attempts, Clock clock,
			PlatformTransactionManager transactions, IdpProperties properties, JsonMapper json,
			@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints) throws Exception {
		SignIn signIn = new SignIn(people, attempts, clock, transactions, properties);
		SignInAnswers answers = new SignInAnswers(requests, json);
		http.securityMatcher(PREFIX, PREFIX + "/**")
			// deny by default: the provider's pages, its sign-in and sign-out, and registration are open to anyone
			// (that is what they are for); another endpoint under the prefix is refused, an address without one is 404
			.authorizeHttpRequests(authorize -> authorize
				.requestMatchers(HttpMethod.GET, PREFIX, PREFIX + "/", LOGIN, PREFIX + "/*.html", PREFIX + "/assets/**",
						PREFIX + "/demo/**", PREFIX + "/api/about", PREFIX + "/api/demo/sms")
				.permitAll()
				.requestMatchers(HttpMethod.POST, LOGIN, PREFIX + "/logout", PREFIX + "/api/registrations",
						PREFIX + "/api/registrations/*/code", PREFIX + "/api/registrations/*/resend",
						PREFIX + "/api/registrations/*/password")
				.permitAll()
				.anyRequest()
				.access(NoEndpointOnly.of(endpoints)))
			// only the provider's own people: never OneGo's staff or demo users
			.authenticationManager(new ProviderManager(signIn))
			.formLogin(form -> form.loginPage(LOGIN)
				.loginProcessingUrl(LOGIN)
				.successHandler(answers.success())
				.failureHandler(answers.failure()))
			.logout(logout -> logout.logoutUrl(PREFIX + "/logout")
				// only the provider's sign-in ends; the session (and a sign-in at OneGo's pages) stays
				.invalidateHttpSession(false)
				.clearAuthentication(true)
				.addLogoutHandler((request, response, authentication) -> contexts.saveContext(
						org.springframework.security.core.context.SecurityContextHolder.createEmptyContext(), request, response))
				.logoutSuccessUrl(PREFIX + "/login?signedOut"))
			.securityContext(context -> context.securityContextRepository(contexts))
			.requestCache(cache -> cache.requestCache(requests))
			// the pages' script echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN, as OneGo's own pages do
			.csrf(csrf -> csrf.spa())
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(answers.forbidden()))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)));
		return http.build();
	}

	/**
	 * The protocol endpoints exactly at {@code /idp/<endpoint>}: path-based issuers would otherwise make
	 * {@code /idp/anything/oauth2/token} an endpoint of the issuer {@code /idp/anything}.
	 */
	private static RequestMatcher directlyUnderPrefix(AuthorizationServerSettings settings) {
		Set<String> paths = new HashSet<>();
		paths.add(PREFIX + "/.well-known/openid-configuration");
		paths.add(PREFIX + "/.well-known/oauth-authorization-server");
		settings.getSettings().forEach((name, value) -> {
			if (name.endsWith("-endpoint") && value instanceof String endpoint) {
				paths.add(PREFIX + endpoint);
			}
		});
		return request -> paths.contains(request.getRequestURI().substring(request.getContextPath().length()));
	}

	/** Publishes the configured issuer instead of the one the request came to (after Spring's own resolution). */
	static final class ConfiguredIssuer extends OncePerRequestFilter {

		private final String issuer;
		private final AuthorizationServerSettings settings;

		ConfiguredIssuer(String issuer, AuthorizationServerSettings settings) {
			this.issuer = issuer;
			this.settings = settings;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			AuthorizationServerContextHolder.setContext(new AuthorizationServerContext() {
				@Override
				public String getIssuer() {
					return issuer;
				}

				@Override
				public AuthorizationServerSettings getAuthorizationServerSettings() {
					return settings;
				}
			});
			chain.doFilter(request, response);
		}
	}
}

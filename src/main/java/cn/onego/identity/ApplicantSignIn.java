package cn.onego.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;

import cn.onego.idp.DemoIdentityProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Applicants sign in at an OpenID Connect provider, never with a password of OneGo's: the pages through
 * the authorization-code flow ({@code /login/citizen} → the provider → back to the page they came from),
 * the app and API clients with the provider's access tokens (Bearer). With no issuer configured the
 * provider is OneGo's demo one under {@code /idp}, reached at whatever address the visitor used and
 * verified with its keys in-process (its port is only known once the server runs, and it is the same JVM).
 * With {@code onego.identity.oidc.issuer-uri} the province's platform is used, discovered at the first
 * sign-in so that OneGo starts even while it is down.
 * <p>
 * Either way a person is let in only with the required level of assurance and a valid ID number, and the
 * account is the one of that verified person ({@link Accounts#signedIn}).
 */
@Configuration(proxyBeanMethods = false)
class ApplicantSignIn {

	private static final Logger log = LoggerFactory.getLogger(ApplicantSignIn.class);

	static final String REGISTRATION_ID = DemoIdentityProvider.REGISTRATION_ID;
	/** Where the page asked to continue after signing in, kept in the session by {@code /login/citizen}. */
	static final String CONTINUE = ApplicantSignIn.class.getName() + ".continue";
	private static final String EMBEDDED = "onego-embedded";

	private final OidcSettings settings;
	private final ObjectProvider<DemoIdentityProvider> demo;

	ApplicantSignIn(OidcSettings settings, ObjectProvider<DemoIdentityProvider> demo) {
		this.settings = settings;
		this.demo = demo;
	}

	// ------------------------------------------------------------------ the pages: authorization code

	@Bean
	ClientRegistrationRepository clientRegistrations(StaffSignIn staffSignIn) {
		Supplier<ClientRegistration> external = memoized(() -> ClientRegistrations.fromIssuerLocation(settings.issuerUri())
			.registrationId(REGISTRATION_ID)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.scope(settings.scopes().split("\\s+"))
			.build());
		return registrationId -> {
			if (StaffSignIn.REGISTRATION_ID.equals(registrationId)) {
				return staffSignIn.registration();
			}
			if (!REGISTRATION_ID.equals(registrationId)) {
				return null;
			}
			return settings.embedded() ? embeddedRegistration() : external.get();
		};
	}

	/**
	 * The demo provider as reached through the address of the current request: the browser is sent to the
	 * same host it came from, and the code is exchanged there.
	 */
	private ClientRegistration embeddedRegistration() {
		DemoIdentityProvider provider = demo.getObject();
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		String issuer = provider.issuer(base);
		DemoIdentityProvider.Client client = provider.portalClient();
		return ClientRegistration.withRegistrationId(REGISTRATION_ID)
			.clientId(client.clientId())
			.clientSecret(client.clientSecret())
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(settings.scopes().split("\\s+"))
			.authorizationUri(issuer + "/oauth2/authorize")
			.tokenUri(issuer + "/oauth2/token")
			.jwkSetUri(issuer + "/oauth2/jwks")
			.issuerUri(issuer)
			.userNameAttributeName("sub")
			.providerConfigurationMetadata(Map.of(EMBEDDED, true))
			.clientName("统一身份认证（演示）")
			.build();
	}

	/** ID tokens of the demo provider are checked with its keys in-process; others' through their JWKS. */
	@Bean
	JwtDecoderFactory<ClientRegistration> idTokenDecoders() {
		OidcIdTokenDecoderFactory standard = new OidcIdTokenDecoderFactory();
		return registration -> {
			if (!Boolean.TRUE.equals(registration.getProviderDetails().getConfigurationMetadata().get(EMBEDDED))) {
				return standard.createDecoder(registration);
			}
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<SecurityContext>(demo.getObject().publicKeys()))
				.build();
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(), new OidcIdTokenValidator(registration)));
			return decoder;
		};
	}

	/**
	 * The signed-in person: an applicant verified enough, with their account created or brought up to date;
	 * or, through the staff platform, the staff member of that account.
	 */
	@Bean
	OAuth2UserService<OidcUserRequest, OidcUser> oidcUsers(Accounts accounts, StaffDirectory staff, StaffSignIn staffSignIn,
			Clock clock) {
		OidcUserService standard = new OidcUserService();
		return request -> {
			OidcUser user = standard.loadUser(request);
			if (StaffSignIn.REGISTRATION_ID.equals(request.getClientRegistration().getRegistrationId())) {
				return staffSignIn.signedIn(user);
			}
			VerifiedPerson person = verified(issuerOf(user.getIssuer() == null ? null : user.getIssuer().toString()),
					user.getClaims());
			accounts.signedIn(person, staff, clock.instant());
			return new DefaultOidcUser(Set.of(new SimpleGrantedAuthority("ROLE_" + Role.APPLICANT)), user.getIdToken(),
					user.getUserInfo(), "sub");
		};
	}

	/** After signing in: the page the visitor was on (a path of this site only), or their cases. */
	static void continueAfterSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpSession session = request.getSession(false);
		Object next = session == null ? null : session.getAttribute(CONTINUE);
		if (session != null) {
			session.removeAttribute(CONTINUE);
		}
		response.sendRedirect(next instanceof String path && sitePath(path) ? path : "/my.html");
	}

	/** A path of this site, never another site in disguise ({@code //host}, {@code /\host}). */
	static boolean sitePath(String path) {
		return path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") && path.length() < 2000
				&& path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
	}

	// ------------------------------------------------------------------ the API: access tokens

	/**
	 * Access tokens of the app and API clients: signed by the provider, not expired, issued for one of
	 * OneGo's clients, and stating the required level of assurance and a valid ID number.
	 */
	JwtDecoder accessTokens() {
		OAuth2TokenValidator<Jwt> person = jwt -> {
			StringBuilder why = new StringBuilder();
			return VerifiedPerson.of("check", jwt.getClaims(), settings, why).isPresent() ? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why.toString(), null));
		};
		OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null
				&& jwt.getAudience().stream().anyMatch(settings.audiences()::contains) ? OAuth2TokenValidatorResult.success()
						: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not issued for OneGo", null));
		if (settings.embedded()) {
			OAuth2TokenValidator<Jwt> issuer = jwt -> jwt.getIssuer() != null && ISSUED_HERE.equals(jwt.getIssuer().getPath())
					? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "not issued by the demo provider", null));
			AtomicReference<JwtDecoder> decoder = new AtomicReference<>();
			return token -> decoder.updateAndGet(d -> d != null ? d : validated(NimbusJwtDecoder
				.withJwkSource(new ImmutableJWKSet<SecurityContext>(demo.getObject().publicKeys()))
				.build(), issuer, audience, person)).decode(token);
		}
		Supplier<JwtDecoder> external = memoized(() -> {
			JwtDecoder discovered = JwtDecoders.fromIssuerLocation(settings.issuerUri());
			if (discovered instanceof NimbusJwtDecoder nimbus) {
				return validated(nimbus, new org.springframework.security.oauth2.jwt.JwtIssuerValidator(settings.issuerUri()),
						audience, person);
			}
			return discovered;
		});
		return token -> external.get().decode(token);
	}

	/** The demo provider's issuer path: its tokens name the address they were asked at, plus this path. */
	private static final String ISSUED_HERE = DemoIdentityProvider.ISSUER_PATH;

	@SafeVarargs
	private static JwtDecoder validated(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt>... validators) {
		List<OAuth2TokenValidator<Jwt>> all = new java.util.ArrayList<>(List.of(new JwtTimestampValidator()));
		all.addAll(List.of(validators));
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(all));
		return decoder;
	}

	/** An access token as an authenticated applicant; its subject is the person at the provider. */
	static JwtAuthenticationToken applicant(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, Set.of(new SimpleGrantedAuthority("ROLE_" + Role.APPLICANT)), jwt.getSubject());
	}

	// ------------------------------------------------------------------ the person

	/** The issuer as recorded: the demo provider under one name, whichever address it was reached at. */
	String issuerOf(String iss) {
		return settings.embedded() ? VerifiedPerson.DEMO_ISSUER : iss;
	}

	VerifiedPerson verified(String issuer, Map<String, Object> claims) {
		StringBuilder why = new StringBuilder();
		return VerifiedPerson.of(issuer, claims, settings, why).orElseThrow(() -> {
			log.warn("Sign-in refused: {}", why);
			return new OAuth2AuthenticationException(new OAuth2Error("insufficient_user_authentication", why.toString(), null));
		});
	}

	private static <T> Supplier<T> memoized(Supplier<T> supplier) {
		AtomicReference<T> value = new AtomicReference<>();
		return () -> value.updateAndGet(v -> v != null ? v : supplier.get());
	}
}

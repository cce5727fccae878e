package cn.onego.identity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.stereotype.Component;

import cn.onego.platform.web.ProblemDescriptions;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Who may call each operation, in the OpenAPI description, read from {@link Routes} — the rules the security
 * configuration enforces — never written by hand: a public operation gets {@code security: []}; one for staff
 * HTTP Basic ({@value #STAFF}) or the browser session ({@value #SESSION}); one for applicants their provider's
 * access token ({@value #APPLICANT}) or the session; one for both, or for anybody signed in, all three. The
 * roles are written into the operation's description, and an operation that needs a sign-in answers 401 and
 * 403 (a public one that changes state 403 too: the CSRF token of a session), and one that takes staff
 * passwords 429 when the address has failed to sign in too often ({@link SignInThrottle}). An operation no
 * rule covers is refused to everybody: it is left without security and logged, and the description's test
 * fails on it.
 */
@Component
class AccessDescription implements GlobalOpenApiCustomizer {

	static final String STAFF = "staffBasic";
	static final String SESSION = "session";
	static final String APPLICANT = "applicantToken";
	static final String OPEN_ID_CONNECT = "openIdConnect";

	/** Why any call with staff passwords may answer 429 ({@link SignInThrottle}). */
	private static final String THROTTLED = "With HTTP Basic credentials also when the address has failed to sign in too often "
			+ "(`too-many-requests`, with `Retry-After`).";

	/** The demo provider's discovery document, relative to OneGo's own address. */
	static final String DEMO_DISCOVERY = "/idp/.well-known/openid-configuration";

	private static final Logger log = LoggerFactory.getLogger(AccessDescription.class);

	private final OidcSettings oidc;

	AccessDescription(OidcSettings oidc) {
		this.oidc = oidc;
	}

	@Override
	public void customise(OpenAPI api) {
		schemes(api);
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			Optional<Routes.Access> access = Routes.of(method.name(), path);
			if (access.isEmpty()) {
				log.warn("No route rule covers {} {}: it is refused to everybody and described without security", method, path);
				return;
			}
			describe(api, method, operation, access.get());
		}));
	}

	/** The schemes an operation of that access may be called with, in the order a client should try them. */
	static List<String> schemes(Routes.Access access) {
		if (access instanceof Routes.Access.Public) {
			return List.of();
		}
		if (access instanceof Routes.Access.Roles roles) {
			boolean applicants = roles.roles().contains(Role.APPLICANT);
			boolean staff = roles.roles().stream().anyMatch(role -> role != Role.APPLICANT);
			List<String> schemes = new ArrayList<>();
			if (staff) {
				schemes.add(STAFF);
			}
			if (applicants) {
				schemes.add(APPLICANT);
			}
			schemes.add(SESSION);
			return List.copyOf(schemes);
		}
		return List.of(STAFF, APPLICANT, SESSION);
	}

	/** The line of the description that says who may call. */
	static String rolesLine(Routes.Access access) {
		if (access instanceof Routes.Access.Roles roles) {
			return "Roles: " + roles.roles().stream().sorted(Comparator.naturalOrder()).map(Role::name).collect(Collectors.joining(", "));
		}
		return access instanceof Routes.Access.SignedIn ? "Roles: any signed-in user" : "Public: no sign-in needed";
	}

	private static void describe(OpenAPI api, PathItem.HttpMethod method, Operation operation, Routes.Access access) {
		List<String> schemes = schemes(access);
		operation.setSecurity(schemes.stream().map(scheme -> new SecurityRequirement().addList(scheme)).toList());
		String line = rolesLine(access);
		String description = operation.getDescription();
		if (description == null || description.isBlank()) {
			operation.setDescription(line);
		}
		else if (!description.contains(line)) {
			operation.setDescription(description + "\n\n" + line);
		}
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		operation.setResponses(responses);
		boolean safe = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD
				|| method == PathItem.HttpMethod.OPTIONS;
		if (!schemes.isEmpty()) {
			responses.putIfAbsent("401", ProblemDescriptions.response(api, 401));
		}
		if (!schemes.isEmpty() || !safe) {
			responses.putIfAbsent("403", ProblemDescriptions.response(api, 403));
		}
		if (schemes.contains(STAFF)) {
			ApiResponse tooMany = responses.get("429");
			if (tooMany == null) {
				responses.addApiResponse("429", ProblemDescriptions.response(api, 429));
			}
			else if (tooMany.get$ref() == null && !tooMany.getDescription().contains(THROTTLED)) {
				tooMany.setDescription(tooMany.getDescription() + " " + THROTTLED);
			}
		}
		ProblemDescriptions.sort(operation);
	}

	private void schemes(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		Components components = api.getComponents();
		components.addSecuritySchemes(STAFF, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("basic")
			.description("""
					Staff: username and password with every request (HTTP Basic). Wrong passwords lock the account for \
					a while (401 `locked` with `Retry-After`), and an address with too many failures waits (429)."""));
		components.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.COOKIE)
			.name("JSESSIONID")
			.description("""
					The browser session of OneGo's pages: staff sign in with the form (`POST /login`), applicants \
					through the identity provider (`/login/citizen`). State-changing calls (POST, PUT, PATCH, DELETE) \
					with the session cookie also need the `X-XSRF-TOKEN` header echoing the `XSRF-TOKEN` cookie; \
					without it they are refused with 403."""));
		components.addSecuritySchemes(APPLICANT, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("""
					Applicants (the app, mini-programs, API clients): `Authorization: Bearer` with an access token of \
					the applicants' OpenID Connect provider (see `openIdConnect`), of audience %s and, unless configured \
					otherwise, of the real-name level of assurance (`acr` %s). Applicants have no password of OneGo's.""".formatted(
					String.join(" or ", oidc.audiences()), oidc.requiredAssurance().isEmpty() ? "any" : oidc.requiredAssurance())));
		String discovery = oidc.issuerUri().isEmpty() ? DEMO_DISCOVERY
				: oidc.issuerUri().replaceAll("/+$", "") + "/.well-known/openid-configuration";
		components.addSecuritySchemes(OPEN_ID_CONNECT, new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
			.openIdConnectUrl(discovery)
			.description("""
					Where applicants get the access tokens of `applicantToken`: the OpenID Connect provider. Here \
					the demo provider that OneGo runs under `/idp` (authorization code with PKCE for apps, client \
					`onego-app`); a real deployment points at the province's unified identity platform \
					(统一身份认证平台), the issuer set in `onego.identity.oidc.issuer-uri`, and this link names its \
					discovery document."""));
	}
}

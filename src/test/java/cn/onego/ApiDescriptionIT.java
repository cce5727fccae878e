package cn.onego;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.onego.ApiClient.Response;
import cn.onego.identity.Role;
import cn.onego.identity.Routes;
import cn.onego.identity.Routes.Access;
import cn.onego.platform.web.RateLimited;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description integrators generate their clients from, as served at {@code /v3/api-docs}: every
 * operation states who may call it — the security the route rules ({@link Routes}) enforce — and its
 * problem+json error answers; and the description passes Redocly's recommended rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiDescriptionIT {

	/**
	 * The Redocly CLI that lints the description: a version that runs on Node.js 18 (Debian's) and 20; .ci/run
	 * downloads the same one beforehand and passes it as ONEGO_REDOCLY_CLI.
	 */
	static final String REDOCLY_CLI = Optional.ofNullable(System.getenv("ONEGO_REDOCLY_CLI")).orElse("@redocly/cli@1.34.20");

	/** The operations whose services refuse with 422 (the Problem subclasses of that status). */
	static final Set<String> UNPROCESSABLE = Set.of("POST /api/v1/admin/catalog/imports", "POST /api/v1/cases/{id}/acceptance",
			"POST /api/v1/applications", "POST /api/v1/drafts/{id}/submission", "GET /api/v1/calendar/{year}",
			"GET /api/v1/calendar/working-days/after", "GET /api/v1/calendar/working-days/between",
			"POST /api/v1/admin/catalog/matter-drafts/{id}/submission", "POST /api/v1/admin/catalog/matter-drafts/{id}/approval");

	/**
	 * Public for the session rules, authenticated by their own signature (a partner instance's message, signed with
	 * SM2): these answer 401 when the signature does not verify.
	 */
	static final Set<String> SIGNED = Set.of("PUT /federation/v1/messages/{messageId}");

	/** Rate-limited, but not by annotation: the public look-up and the uploads' quota are counted inside. */
	static final Set<String> LIMITED_INSIDE = Set.of("GET /api/v1/progress", "POST /api/v1/attachments");

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Map<String, Object> description;

	@BeforeEach
	void fetch() {
		Response docs = new ApiClient(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		description = JSON.readValue(docs.body(), Map.class);
	}

	@Test
	void statesForEveryOperationTheSecurityItsRouteRuleEnforces() {
		List<String> wrong = new ArrayList<>();
		operations().forEach((operation, body) -> {
			String method = operation.substring(0, operation.indexOf(' '));
			String path = operation.substring(operation.indexOf(' ') + 1);
			Optional<Access> access = Routes.of(method, path);
			if (access.isEmpty()) {
				wrong.add(operation + ": no route rule covers it, so it is refused to everybody");
				return;
			}
			Object security = body.get("security");
			if (!(security instanceof List<?> requirements)) {
				wrong.add(operation + ": no security stated");
				return;
			}
			// each requirement is one alternative with one scheme
			Set<String> schemes = new TreeSet<>();
			for (Object requirement : requirements) {
				Map<?, ?> alternative = (Map<?, ?>) requirement;
				if (alternative.size() != 1) {
					wrong.add(operation + ": a requirement of several schemes at once: " + alternative.keySet());
				}
				alternative.keySet().forEach(name -> schemes.add((String) name));
			}
			Set<String> expected = expectedSchemes(access.get());
			if (!schemes.equals(expected)) {
				wrong.add(operation + ": security " + schemes + ", the route rule " + access.get() + " means " + expected);
			}
			if (access.get() instanceof Access.Roles roles) {
				String line = "Roles: " + roles.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", "));
				if (!String.valueOf(body.get("description")).contains(line)) {
					wrong.add(operation + ": the description does not say \"" + line + "\"");
				}
			}
		});
		assertThat(wrong).isEmpty();
		assertThat(operations()).as("OneGo's API, not the container's error page or the demo identity provider")
			.isNotEmpty()
			.allSatisfy((operation, body) -> assertThat(operation).doesNotContain(" /error").doesNotContain(" /idp"));
	}

	@Test
	void describesTheSecuritySchemes() {
		Map<String, Map<String, Object>> schemes = map(map(description.get("components")).get("securitySchemes"));
		assertThat(schemes.get("staffBasic")).containsEntry("type", "http").containsEntry("scheme", "basic");
		assertThat(schemes.get("session")).containsEntry("type", "apiKey").containsEntry("in", "cookie")
			.containsEntry("name", "JSESSIONID");
		assertThat((String) schemes.get("session").get("description")).contains("X-XSRF-TOKEN", "XSRF-TOKEN");
		assertThat(schemes.get("applicantToken")).containsEntry("type", "http").containsEntry("scheme", "bearer")
			.containsEntry("bearerFormat", "JWT");
		assertThat(schemes.get("openIdConnect")).containsEntry("type", "openIdConnect")
			.containsEntry("openIdConnectUrl", "/idp/.well-known/openid-configuration");
		assertThat((String) schemes.get("openIdConnect").get("description")).contains("province");
	}

	@Test
	void statesTheProblemAnswersOfEveryOperation() {
		Map<String, HandlerMethod> handlers = handlers();
		List<String> wrong = new ArrayList<>();
		operations().forEach((operation, body) -> {
			String method = operation.substring(0, operation.indexOf(' '));
			Optional<Access> rule = Routes.of(method, operation.substring(operation.indexOf(' ') + 1));
			if (rule.isEmpty()) {
				return; // refused to everybody: the security test names it
			}
			Access access = rule.get();
			boolean open = access instanceof Access.Public;
			Set<String> expected = new TreeSet<>(Set.of("400", "404", "500", "503"));
			if (!open) {
				expected.addAll(Set.of("401", "403"));
			}
			if (open && !method.equals("GET")) {
				expected.add("403"); // the CSRF token of a session
			}
			Map<String, Object> requestBody = map(body.get("requestBody"));
			if (requestBody != null) {
				expected.addAll(Set.of("413", "415"));
			}
			if (sendsVersion(body)) {
				expected.add("409");
			}
			if (UNPROCESSABLE.contains(operation)) {
				expected.add("422");
			}
			if (SIGNED.contains(operation)) {
				expected.addAll(Set.of("401", "409", "422"));
			}
			HandlerMethod handler = handlers.get(operation);
			if (handler != null && handler.hasMethodAnnotation(RateLimited.class) || LIMITED_INSIDE.contains(operation)
					|| expectedSchemes(access).contains("staffBasic")) {
				expected.add("429");
			}
			Map<String, Object> responses = map(body.get("responses"));
			Set<String> missing = new TreeSet<>(expected);
			missing.removeAll(responses.keySet());
			if (!missing.isEmpty()) {
				wrong.add(operation + ": no " + missing);
			}
			if (open && responses.containsKey("401") && !SIGNED.contains(operation)) {
				wrong.add(operation + ": public, but answers 401");
			}
			responses.forEach((status, response) -> {
				if (status.startsWith("4") || status.startsWith("5")) {
					Map<String, Object> resolved = resolve(map(response));
					if (!"#/components/schemas/Problem".equals(at(resolved, "content", "application/problem+json", "schema", "$ref"))) {
						wrong.add(operation + " " + status + ": not application/problem+json of the schema Problem");
					}
					if ((status.equals("429") || status.equals("503")) && at(resolved, "headers", "Retry-After") == null) {
						wrong.add(operation + " " + status + ": without Retry-After");
					}
				}
			});
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void describesTheAuditTrailsVerificationAnchoringAndPublicKey() {
		Map<String, Map<String, Object>> operations = operations();
		assertThat(operations).containsKeys("GET /api/v1/audit/verification", "POST /api/v1/audit/anchors",
				"GET /api/v1/audit/anchor-key");
		assertThat((List<?>) operations.get("GET /api/v1/audit/anchor-key").get("security")).as("a public key is public").isEmpty();
		assertThat(String.valueOf(operations.get("GET /api/v1/audit/verification").get("description")))
			.contains("Roles: SUPERVISOR, SYSTEM_ADMIN");
		assertThat(String.valueOf(operations.get("POST /api/v1/audit/anchors").get("description"))).contains("Roles: SYSTEM_ADMIN");
		Map<String, Object> refused = resolve(map(map(operations.get("GET /api/v1/audit/verification").get("responses")).get("403")));
		assertThat(String.valueOf(refused.get("description"))).as("a supervisor below the province is refused")
			.contains("province-supervisors-only");
	}

	@Test
	void describesTheProblemSchema() {
		Map<String, Map<String, Object>> schemas = map(map(description.get("components")).get("schemas"));
		Map<String, Object> problem = map(schemas.get("Problem").get("properties"));
		assertThat(problem).containsOnlyKeys("type", "title", "status", "detail", "instance", "code", "message", "requestId",
				"errors");
		assertThat(map(problem.get("message"))).containsEntry("$ref", "#/components/schemas/Message");
		assertThat(map(schemas.get("Message").get("properties"))).containsOnlyKeys("zh", "en");
		assertThat(map(map(problem.get("errors")).get("items"))).containsEntry("$ref", "#/components/schemas/FieldProblem");
		assertThat(map(schemas.get("FieldProblem").get("properties"))).containsOnlyKeys("field", "code", "message");
	}

	@Test
	void namesEveryOperationOnceAndStably() {
		List<String> ids = operations().values().stream().map(body -> (String) body.get("operationId")).toList();
		assertThat(ids).doesNotHaveDuplicates().doesNotContainNull();
		// springdoc numbers a method name it has seen already (mine_1, mine_2) in the order it finds them
		assertThat(ids).noneMatch(id -> id.matches(".*_\\d+"));
	}

	/**
	 * Redocly's recommended rules, on the description as served. Skipped where Node.js is not installed, unless
	 * ONEGO_LINT_REQUIRED is set (as .ci/run does): there it fails.
	 */
	@Test
	void passesTheRecommendedLintRules() throws Exception {
		boolean npx = runs("npx", "--version");
		if (System.getenv("ONEGO_LINT_REQUIRED") == null) {
			Assumptions.assumeTrue(npx, "npx is not installed (apt-get install nodejs npm)");
		}
		assertThat(npx).as("npx is installed").isTrue();
		Path file = Path.of("target", "openapi.json");
		Files.createDirectories(file.getParent());
		Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(description), StandardCharsets.UTF_8);
		Process lint = new ProcessBuilder("npx", "--yes", REDOCLY_CLI, "lint", file.toString(), "--format=stylish",
				"--max-problems=1000").redirectErrorStream(true).start();
		String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(lint.waitFor(5, TimeUnit.MINUTES)).as("the linter finished").isTrue();
		assertThat(lint.exitValue()).as("%s lint %s:%n%s", REDOCLY_CLI, file, output).isZero();
	}

	// ------------------------------------------------------------------ reading the description

	/** "GET /api/v1/cases/{id}" → the operation. */
	private Map<String, Map<String, Object>> operations() {
		Map<String, Map<String, Object>> operations = new java.util.TreeMap<>();
		map(description.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
			if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
				operations.put(method.toUpperCase() + " " + path, map(operation));
			}
		}));
		return operations;
	}

	/**
	 * The schemes each kind of access is called with: none for the public; HTTP Basic for staff, the access token
	 * for applicants, and the session for both.
	 */
	private static Set<String> expectedSchemes(Access access) {
		if (access instanceof Access.Public) {
			return Set.of();
		}
		if (access instanceof Access.Roles roles) {
			Set<String> schemes = new HashSet<>(Set.of("session"));
			if (roles.roles().contains(Role.APPLICANT)) {
				schemes.add("applicantToken");
			}
			if (roles.roles().stream().anyMatch(role -> role != Role.APPLICANT)) {
				schemes.add("staffBasic");
			}
			return new TreeSet<>(schemes);
		}
		return new TreeSet<>(Set.of("staffBasic", "applicantToken", "session"));
	}

	/** A version sent for optimistic locking: a query parameter, or a property of the JSON body. */
	private boolean sendsVersion(Map<String, Object> operation) {
		List<Map<String, Object>> parameters = operation.get("parameters") == null ? List.of() : list(operation.get("parameters"));
		if (parameters.stream().anyMatch(p -> "version".equals(p.get("name")) && "query".equals(p.get("in")))) {
			return true;
		}
		Map<String, Object> content = operation.get("requestBody") == null ? Map.of() : map(map(operation.get("requestBody")).get("content"));
		return content.values().stream().anyMatch(media -> {
			Map<String, Object> schema = resolve(map(map(media).get("schema")));
			return schema != null && schema.get("properties") != null && map(schema.get("properties")).containsKey("version");
		});
	}

	/** The value at the path of keys, or null where there is none. */
	private static Object at(Object object, String... keys) {
		Object value = object;
		for (String key : keys) {
			if (!(value instanceof Map<?, ?> inner)) {
				return null;
			}
			value = inner.get(key);
		}
		return value;
	}

	/** The object a local $ref points at, or the object itself. */
	private Map<String, Object> resolve(Map<String, Object> object) {
		if (object == null || !(object.get("$ref") instanceof String ref)) {
			return object;
		}
		Map<String, Object> target = description;
		for (String part : ref.substring(2).split("/")) {
			target = map(target.get(part));
		}
		return target;
	}

	/** "GET /api/v1/cases/{id}" → OneGo's handler method. */
	private Map<String, HandlerMethod> handlers() {
		Map<String, HandlerMethod> handlers = new HashMap<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (info.getPathPatternsCondition() == null) {
				return;
			}
			for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
				info.getMethodsCondition().getMethods().forEach(method -> handlers.put(method.name() + " " + pattern, handler));
			}
		});
		return handlers;
	}

	private static boolean runs(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(1, TimeUnit.MINUTES) && process.exitValue() == 0;
		}
		catch (IOException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> Map<String, T> map(Object value) {
		return (Map<String, T>) value;
	}

	@SuppressWarnings("unchecked")
	private static <T> List<T> list(Object value) {
		return (List<T>) value;
	}
}

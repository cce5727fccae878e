package cn.onego.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * The role × endpoint × ownership matrix. The endpoints are the application's own route list (every
 * mapping of every OneGo controller); each has a row below saying, for every kind of caller, the exact
 * outcome: {@code OK} (2xx), {@code UNAUTHENTICATED} (401), {@code FORBIDDEN} (403), {@code NOT_FOUND} (404:
 * somebody else's case, task, draft … is not revealed), or {@code ADMITTED} for changes that must not
 * really happen here: the caller got past every access rule and the request was then refused on its
 * merits (a stale version, an invalid body: 400, 409 or 422). An endpoint without a row, or a row without
 * an endpoint, fails the test: a new endpoint is not open until someone decided who may call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

	/** Who calls. "Own" means: the scope the fixture case lies in (芙蓉区, its hall, its market regulator). */
	enum Caller {
		ANONYMOUS, APPLICANT_OWNER, AGENT, APPLICANT_OTHER, CLERK_OWN, CLERK_OTHER, REVIEWER_OWN, REVIEWER_OTHER, HEAD_OWN,
		SUPERVISOR_OWN, SUPERVISOR_OTHER, CREDIT_ADMIN_OWN, CREDIT_ADMIN_OTHER, CATALOGUE_ADMIN, SYSTEM_ADMIN, METRICS_READER
	}

	enum Outcome {
		OK, REDIRECT, ADMITTED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND;

		boolean matches(int status) {
			return switch (this) {
				case OK -> status >= 200 && status < 300;
				case REDIRECT -> status >= 300 && status < 400;
				case ADMITTED -> status == 400 || status == 409 || status == 422;
				case UNAUTHENTICATED -> status == 401;
				case FORBIDDEN -> status == 403;
				case NOT_FOUND -> status == 404;
			};
		}
	}

	static final String PASSWORD = "matrix-test-123";
	static final Set<Caller> APPLICANTS = Set.of(Caller.APPLICANT_OWNER, Caller.AGENT, Caller.APPLICANT_OTHER);
	static final Set<Caller> STAFF_ROLES_BUT_ADMINS = Set.of(Caller.CLERK_OWN, Caller.CLERK_OTHER, Caller.REVIEWER_OWN,
			Caller.REVIEWER_OTHER, Caller.HEAD_OWN, Caller.SUPERVISOR_OWN, Caller.SUPERVISOR_OTHER);

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Clock clock;

	final Map<Caller, Session> sessions = new EnumMap<>(Caller.class);
	final Map<String, String> ids = new LinkedHashMap<>();

	/** One row of the matrix: a route, a concrete request for it, and the outcome for every caller. */
	record Row(String route, String method, String path, String body, Map<Caller, Outcome> outcomes) {
	}

	// ------------------------------------------------------------------ fixtures

	@BeforeAll
	void aCaseAndEverythingAroundIt() throws Exception {
		ApiClient api = new ApiClient(port);
		CaseWorld owner = new CaseWorld(api);
		CaseWorld agent = new CaseWorld(api);
		CaseWorld other = new CaseWorld(api);

		// the owner's case, accepted on a commitment, its first item approved: a task to decide, a verification
		String caseId = owner.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of("PREMISES_USE_PROOF"));
		String clerk = owner.clerkOf(caseId);
		assertThat(owner.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", owner.caseVersion(caseId)))
			.status()).isEqualTo(200);
		assertThat(owner.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).isEqualTo(200);
		Map<String, Object> task = owner.task(caseId, "HN-SCJG-FOOD-LICENCE");
		String department = (String) task.get("department");
		String reviewer = owner.reviewerOf(department, "-matrix");
		List<String> verifications = owner.as(reviewer, "GET", "/api/v1/departments/" + department + "/verifications", null)
			.json("$[?(@.caseId == '" + caseId + "')].id");
		ids.put("case", caseId);
		ids.put("number", owner.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number"));
		ids.put("application", owner.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.applicationId"));
		ids.put("task", (String) task.get("id"));
		ids.put("department", department);
		ids.put("verification", verifications.get(0));
		ids.put("code", owner.as(owner.applicant, "GET", "/api/v1/cases/" + caseId + "/receipt", null).json("$.queryCode"));
		ids.put("file", owner.as(owner.applicant, "GET", "/api/v1/cases/" + caseId + "/files", null).json("$[0].id"));
		ids.put("document", acceptanceNotice(owner, caseId));

		// the owner's second case, refused at the window and rated badly: a closed case, a rating, a rectification
		String refused = owner.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		assertThat(owner.as(clerk, "POST", "/api/v1/cases/" + refused + "/refusal", Map.of("version", owner.caseVersion(refused),
				"reason", "经营场所不符合要求", "legalBasis", "《中华人民共和国食品安全法》第三十三条")).status()).isEqualTo(200);
		assertThat(owner.as(owner.applicant, "POST", "/api/v1/cases/" + refused + "/rating",
				Map.of("level", 5, "channel", "MOBILE", "comment", "矩阵测试差评")).status()).isEqualTo(201);
		String hall = owner.view(CaseWorld.OBSERVER, refused).json("$.caseFile.hall");
		List<String> rectifications = owner.as(clerk, "GET", "/api/v1/rectifications?responsible=" + hall, null)
			.json("$[?(@.caseId == '" + refused + "')].id");
		ids.put("closed", refused);
		ids.put("hall", hall);
		ids.put("rectification", rectifications.get(0));

		// the owner's drafts, consents and authorisations (the agent holds two: one to keep, one to revoke)
		ids.put("draft", owner.as(owner.applicant, "POST", "/api/v1/drafts", Map.of("matter", "HN-CATERING")).json("$.id"));
		ids.put("draft2", owner.as(owner.applicant, "POST", "/api/v1/drafts", Map.of("matter", "HN-CATERING")).json("$.id"));
		ids.put("consent2", owner.as(owner.applicant, "POST", "/api/v1/consents",
				Map.of("matter", "HN-RETIREMENT", "purpose", "矩阵测试")).json("$.id"));
		for (String key : List.of("representation", "representation2")) {
			Response given = owner.as(owner.applicant, "POST", "/api/v1/representations", Map.of("subject", owner.idNumber,
					"subjectName", "陈创业", "username", agent.applicant, "capacity", "RELATIVE", "authorisation",
					owner.upload("AUTHORISATION"), "validUntil", LocalDate.now(clock).plusMonths(6).toString()));
			assertThat(given.status()).as(given.body()).isEqualTo(201);
			ids.put(key, given.json("$.id"));
		}
		ids.put("owner-id", owner.idNumber);
		// the owner's electronic licence, from the licence feed
		String licenceNumber = Identities.licenceNumber("JY7");
		Response licence = api.send("POST", "/api/v1/admin/e-licences", "admin", "onego-admin", Map.of("holder", owner.idNumber,
				"licenceType", "FOOD_BUSINESS_LICENCE", "number", licenceNumber, "name", "食品经营许可证", "issuer", "长沙市芙蓉区市场监督管理局"));
		assertThat(licence.status()).as(licence.body()).isEqualTo(201);
		ids.put("licence", licence.json("$.id"));
		ids.put("licence-number", licenceNumber);

		// every caller signs in once; their session then carries every request
		sessions.put(Caller.ANONYMOUS, new Session(null, null));
		// applicants call as the app does, with the identity provider's access token
		sessions.put(Caller.APPLICANT_OWNER, new Session(owner.citizen.accessToken()));
		sessions.put(Caller.AGENT, new Session(agent.citizen.accessToken()));
		sessions.put(Caller.APPLICANT_OTHER, new Session(other.citizen.accessToken()));
		sessions.put(Caller.CLERK_OWN, new Session(staff(api, "WINDOW_CLERK", "430102", hall, null), PASSWORD));
		sessions.put(Caller.CLERK_OTHER, new Session(staff(api, "WINDOW_CLERK", "430100", "430100-HALL", null), PASSWORD));
		sessions.put(Caller.REVIEWER_OWN, new Session(staff(api, "REVIEWER", "430102", null, department), PASSWORD));
		sessions.put(Caller.REVIEWER_OTHER,
				new Session(staff(api, "REVIEWER", "430103", null, "430103-MARKET_REGULATION"), PASSWORD));
		sessions.put(Caller.HEAD_OWN, new Session(staff(api, "DEPARTMENT_HEAD", "430102", null, department), PASSWORD));
		sessions.put(Caller.SUPERVISOR_OWN, new Session(staff(api, "SUPERVISOR", "430100", null, null), PASSWORD));
		sessions.put(Caller.SUPERVISOR_OTHER, new Session(staff(api, "SUPERVISOR", "431200", null, null), PASSWORD));
		sessions.put(Caller.CREDIT_ADMIN_OWN, new Session(staff(api, "CREDIT_ADMIN", "430100", null, null), PASSWORD));
		sessions.put(Caller.CREDIT_ADMIN_OTHER, new Session(staff(api, "CREDIT_ADMIN", "431200", null, null), PASSWORD));
		sessions.put(Caller.CATALOGUE_ADMIN, new Session(staff(api, "CATALOGUE_ADMIN", "430000", null, null), PASSWORD));
		sessions.put(Caller.SYSTEM_ADMIN, new Session(staff(api, "SYSTEM_ADMIN", "430000", null, null), PASSWORD));
		sessions.put(Caller.METRICS_READER, new Session(staff(api, "METRICS_READER", "430000", null, null), PASSWORD));

		// the owner listed in credit on the evidence of their first case, by the credit administrator of its city
		HttpResponse<String> listed = sessions.get(Caller.CREDIT_ADMIN_OWN).send("POST", "/api/v1/credit/listings",
				"{\"subject\":\"" + owner.idNumber + "\",\"reason\":\"矩阵测试\",\"evidenceCase\":\"" + ids.get("number")
						+ "\",\"lifetime\":true}");
		assertThat(listed.statusCode()).as(listed.body()).isEqualTo(201);
		ids.put("listing", listed.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1"));
		// the market regulator asks the health commission for a conditional resource: a request to answer
		Response asked = api.send("POST", "/api/v1/shared-resources/HEALTH-DEATH-CERTIFICATE/access-requests",
				staff(api, "REVIEWER", "430102", null, department), PASSWORD, Map.of("purpose", "矩阵测试", "legalBasis", "矩阵测试依据"));
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		ids.put("access-request", asked.json("$.id"));
		// a what-if draft of the own supervisor's city, which the other city's supervisor does not find
		HttpResponse<String> drafted = sessions.get(Caller.SUPERVISOR_OWN).send("POST", "/api/v1/reform/drafts",
				"{\"name\":\"矩阵测试草案\",\"region\":\"430102\",\"operations\":[{\"kind\":\"SHORTEN_LIMIT\","
						+ "\"item\":\"HN-SCJG-FOOD-LICENCE\",\"days\":3}]}");
		assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
		ids.put("reform-draft", drafted.body().replaceAll("(?s).*?\"id\":\"([0-9a-f-]{36})\".*", "$1"));
	}

	private static String staff(ApiClient api, String role, String region, String hall, String department) {
		String username = "mx-" + role.toLowerCase().replace('_', '-').substring(0, 4) + "-" + UUID.randomUUID().toString().substring(0, 6);
		Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "password", PASSWORD, "name", "矩阵测试人员",
				"roles", List.of(role), "region", region));
		if (hall != null) {
			body.put("hall", hall);
		}
		if (department != null) {
			body.put("department", department);
		}
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	// ------------------------------------------------------------------ the test

	@Test
	void everyEndpointAnswersEveryKindOfCallerExactlyAsDecided() throws Exception {
		List<Row> rows = rows();
		// OneGo's own controllers; the demo identity provider under /idp stands for the province's identity
		// platform, a system of its own with its own filter chains (its rules are tested by the Idp*IT tests)
		Set<String> routes = mappings.getHandlerMethods().entrySet().stream()
			.filter(e -> e.getValue().getBeanType().getPackageName().startsWith("cn.onego"))
			.filter(e -> !e.getValue().getBeanType().getPackageName().startsWith("cn.onego.idp"))
			.map(e -> route(e.getKey().toString()))
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> decided = rows.stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
		assertThat(decided).as("every endpoint has a row, and every row an endpoint").isEqualTo(routes);

		List<String> wrong = new ArrayList<>();
		int cells = 0;
		for (Row row : rows) {
			// the callers refused first, so that an admitted change cannot take away what the others were to find
			List<Caller> order = new ArrayList<>(List.of(Caller.values()));
			order.sort((a, b) -> Boolean.compare(admits(row.outcomes().get(a)), admits(row.outcomes().get(b))));
			for (Caller caller : order) {
				Outcome expected = row.outcomes().get(caller);
				HttpResponse<String> answer = sessions.get(caller).send(row.method(), row.path(), row.body());
				cells++;
				if (!expected.matches(answer.statusCode())) {
					wrong.add("%s %s as %s: expected %s, got %d %s".formatted(row.method(), row.path(), caller, expected,
							answer.statusCode(), answer.body().length() > 200 ? answer.body().substring(0, 200) : answer.body()));
				}
				if (answer.statusCode() >= 400) {
					assertThat(answer.headers().firstValue("Content-Type").orElse(""))
						.as("%s %s as %s answers problem+json", row.method(), row.path(), caller)
						.startsWith("application/problem+json");
				}
			}
		}
		assertThat(wrong).as("cells that answered otherwise than decided (of %d)", cells).isEmpty();
		assertThat(cells).isEqualTo(rows.size() * Caller.values().length);
	}

	@Test
	void theOperationsEndpointsTheApiDescriptionAndUnlistedPathsFollowTheSameRules() throws Exception {
		Map<String, Map<Caller, Outcome>> rows = new LinkedHashMap<>();
		rows.put("/actuator/health", everyone(Outcome.OK));
		// an operations endpoint that is not exposed: only a system administrator gets as far as learning that
		rows.put("/actuator/env", only(Outcome.NOT_FOUND, Caller.SYSTEM_ADMIN));
		// the metrics: the monitoring system's account and system administrators, nobody else
		rows.put("/actuator/prometheus", only(Outcome.OK, Caller.SYSTEM_ADMIN, Caller.METRICS_READER));
		// the keys of personal data and their rotation (tools/rotate-keys): system administrators only
		rows.put("/actuator/datakeys", only(Outcome.OK, Caller.SYSTEM_ADMIN));
		rows.put("/v3/api-docs", everyone(Outcome.OK));
		rows.put("/swagger-ui/index.html", everyone(Outcome.OK));
		// where there is no endpoint there is nothing to refuse: not found, for everybody
		rows.put("/api/v1/no-such-endpoint", everyone(Outcome.NOT_FOUND));
		rows.put("/internal/anything", everyone(Outcome.NOT_FOUND));
		List<String> wrong = new ArrayList<>();
		for (var row : rows.entrySet()) {
			for (Caller caller : Caller.values()) {
				int status = sessions.get(caller).send("GET", row.getKey(), null).statusCode();
				if (!row.getValue().get(caller).matches(status)) {
					wrong.add("GET %s as %s: expected %s, got %d".formatted(row.getKey(), caller, row.getValue().get(caller), status));
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static boolean admits(Outcome outcome) {
		return outcome == Outcome.OK || outcome == Outcome.ADMITTED;
	}

	/** "{POST [/api/v1/cases/{id}/acceptance]}" → "POST /api/v1/cases/{id}/acceptance", with params when they select. */
	private static String route(String mapping) {
		String inner = mapping.substring(1, mapping.length() - 1);
		String method = inner.substring(0, inner.indexOf(' '));
		String rest = inner.substring(inner.indexOf('[') + 1);
		String path = rest.substring(0, rest.indexOf(']'));
		int params = inner.indexOf("params [");
		String selector = params < 0 ? "" : " params " + inner.substring(params + 8, inner.indexOf(']', params));
		return method + " " + path + selector;
	}

	// ------------------------------------------------------------------ the rows

	List<Row> rows() {
		String c = ids.get("case");
		String closed = ids.get("closed");
		String task = ids.get("task");
		String today = LocalDate.now(clock).toString();
		String stale = "{\"version\":999}";
		List<Row> rows = new ArrayList<>();

		// public reading: the catalogue, lists, calendar, questionnaire, progress look-up
		for (String[] r : new String[][] { { "/api/v1/matters", "/api/v1/matters" },
				{ "/api/v1/matters/{code}", "/api/v1/matters/HN-CATERING" },
				{ "/api/v1/matters/suggestions", "/api/v1/matters/suggestions?q=%E5%AD%A9%E5%AD%90%E8%AF%BB%E4%B9%A6" },
				{ "/api/v1/items/{code}", "/api/v1/items/HN-SCJG-FOOD-LICENCE" },
				{ "/api/v1/department-types", "/api/v1/department-types" },
				{ "/api/v1/data-elements", "/api/v1/data-elements" }, { "/api/v1/materials", "/api/v1/materials" },
				{ "/api/v1/regions", "/api/v1/regions?level=PROVINCE" }, { "/api/v1/regions/{code}", "/api/v1/regions/430102" },
				{ "/api/v1/departments", "/api/v1/departments?region=430102" },
				{ "/api/v1/departments/{code}", "/api/v1/departments/430102-MARKET_REGULATION" },
				{ "/api/v1/parks", "/api/v1/parks" }, { "/api/v1/national-key-matters", "/api/v1/national-key-matters?region=430100" },
				{ "/api/v1/public-lists/{region}/one-thing", "/api/v1/public-lists/430100/one-thing" },
				{ "/api/v1/public-lists/{region}/cross-region", "/api/v1/public-lists/430100/cross-region" },
				{ "/api/v1/public-lists/{region}/powers", "/api/v1/public-lists/430100/powers" },
				{ "/api/v1/matters/{code}/metrics", "/api/v1/matters/HN-CATERING/metrics" },
				{ "/api/v1/metrics/regions/{region}", "/api/v1/metrics/regions/430100" },
				{ "/api/v1/matters/{code}/consent-scope", "/api/v1/matters/HN-CATERING/consent-scope" },
				{ "/api/v1/calendar/today", "/api/v1/calendar/today" }, { "/api/v1/calendar/{year}", "/api/v1/calendar/2026" },
				{ "/api/v1/calendar/working-days/after", "/api/v1/calendar/working-days/after?from=2026-03-02&days=3" },
				{ "/api/v1/calendar/working-days/between", "/api/v1/calendar/working-days/between?from=2026-03-02&to=2026-03-09" },
				{ "/api/v1/progress", "/api/v1/progress?number=" + ids.get("number") + "&code=" + ids.get("code") },
				{ "/api/v1/halls", "/api/v1/halls?region=430100" }, { "/api/v1/window-categories", "/api/v1/window-categories" },
				{ "/api/v1/matters/{code}/guide", "/api/v1/matters/HN-CATERING/guide?region=430102" },
				{ "/api/v1/matters/{code}/guide.pdf", "/api/v1/matters/HN-CATERING/guide.pdf" } }) {
			rows.add(row("GET " + r[0], "GET", r[1], null, everyone(Outcome.OK)));
		}
		rows.add(row("POST /api/v1/matters/{code}/guidance", "POST", "/api/v1/matters/HN-CATERING/guidance", "{\"answers\":{}}",
				everyone(Outcome.OK)));

		// the servlet container's error page, when called directly
		rows.add(row(" /error", "GET", "/error", null, everyone(Outcome.NOT_FOUND)));

		// signing in and the signed-in actor
		rows.add(row("GET /login/citizen", "GET", "/login/citizen?continue=/my.html", null, everyone(Outcome.REDIRECT)));
		rows.add(row("GET /login/staff", "GET", "/login/staff", null, everyone(Outcome.REDIRECT)));
		rows.add(row("GET /api/v1/sign-in", "GET", "/api/v1/sign-in", null, everyone(Outcome.OK)));
		rows.add(row("GET /api/v1/me", "GET", "/api/v1/me", null, signedIn(Outcome.OK)));
		rows.add(row("GET /api/v1/my/notifications", "GET", "/api/v1/my/notifications", null, signedIn(Outcome.OK)));
		// staff choose their own password (an empty body is refused on its merits); applicants have none of OneGo's
		rows.add(row("POST /api/v1/me/password", "POST", "/api/v1/me/password", "{}",
				with(signedIn(Outcome.ADMITTED), Outcome.FORBIDDEN, Caller.APPLICANT_OWNER, Caller.AGENT, Caller.APPLICANT_OTHER)));

		// administration
		rows.add(row("POST /api/v1/admin/catalog/imports", "POST", "/api/v1/admin/catalog/imports", "multipart",
				only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		rows.add(row("GET /api/v1/admin/catalog/versions", "GET", "/api/v1/admin/catalog/versions", null,
				only(Outcome.OK, Caller.CATALOGUE_ADMIN)));
		rows.add(row("GET /api/v1/admin/catalog/items.xlsx", "GET", "/api/v1/admin/catalog/items.xlsx", null,
				only(Outcome.OK, Caller.CATALOGUE_ADMIN)));
		rows.add(row("GET /api/v1/admin/catalog/items-template.xlsx", "GET", "/api/v1/admin/catalog/items-template.xlsx", null,
				only(Outcome.OK, Caller.CATALOGUE_ADMIN)));
		rows.add(row("GET /api/v1/admin/catalog/versions/{version}/files.zip", "GET", "/api/v1/admin/catalog/versions/1/files.zip",
				null, only(Outcome.OK, Caller.CATALOGUE_ADMIN)));
		// the matter composer: drafts, their review and the live preview (the id of no draft: 404 for the administrator)
		String matterDraft = "/api/v1/admin/catalog/matter-drafts/" + java.util.UUID.randomUUID();
		rows.add(row("GET /api/v1/admin/catalog/composer-choices", "GET", "/api/v1/admin/catalog/composer-choices", null,
				only(Outcome.OK, Caller.CATALOGUE_ADMIN)));
		rows.add(row("GET /api/v1/admin/catalog/matter-drafts", "GET", "/api/v1/admin/catalog/matter-drafts", null,
				only(Outcome.OK, Caller.CATALOGUE_ADMIN)));
		rows.add(row("POST /api/v1/admin/catalog/matter-drafts", "POST", "/api/v1/admin/catalog/matter-drafts", "{}",
				only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		rows.add(row("POST /api/v1/admin/catalog/matter-drafts/preview", "POST", "/api/v1/admin/catalog/matter-drafts/preview", "{}",
				only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		rows.add(row("GET /api/v1/admin/catalog/matter-drafts/{id}", "GET", matterDraft, null, only(Outcome.NOT_FOUND, Caller.CATALOGUE_ADMIN)));
		rows.add(row("PUT /api/v1/admin/catalog/matter-drafts/{id}", "PUT", matterDraft, "{}", only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		for (String step : List.of("submission", "approval", "send-back")) {
			rows.add(row("POST /api/v1/admin/catalog/matter-drafts/{id}/" + step, "POST", matterDraft + "/" + step, "{}",
					only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		}
		rows.add(row("POST /api/v1/admin/calendar/years", "POST", "/api/v1/admin/calendar/years", "{}",
				only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		rows.add(row("POST /api/v1/admin/calendar/days", "POST", "/api/v1/admin/calendar/days", "{}",
				only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		rows.add(row("GET /api/v1/admin/calendar/changes", "GET", "/api/v1/admin/calendar/changes", null,
				only(Outcome.OK, Caller.CATALOGUE_ADMIN)));
		rows.add(row("GET /api/v1/admin/halls", "GET", "/api/v1/admin/halls", null, only(Outcome.OK, Caller.CATALOGUE_ADMIN)));
		rows.add(row("GET /api/v1/admin/halls/changes", "GET", "/api/v1/admin/halls/changes", null,
				only(Outcome.OK, Caller.CATALOGUE_ADMIN)));
		rows.add(row("POST /api/v1/admin/halls", "POST", "/api/v1/admin/halls", "{}", only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		rows.add(row("PUT /api/v1/admin/halls/{code}", "PUT", "/api/v1/admin/halls/430102-HALL", "{}",
				only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		rows.add(row("PUT /api/v1/admin/halls/{code}/closed", "PUT", "/api/v1/admin/halls/430102-HALL/closed", stale,
				only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		rows.add(row("POST /api/v1/admin/window-categories", "POST", "/api/v1/admin/window-categories", "{}",
				only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		rows.add(row("PUT /api/v1/admin/window-categories/{code}", "PUT", "/api/v1/admin/window-categories/BUSINESS", "{}",
				only(Outcome.ADMITTED, Caller.CATALOGUE_ADMIN)));
		rows.add(row("POST /api/v1/admin/staff", "POST", "/api/v1/admin/staff", "{}", only(Outcome.ADMITTED, Caller.SYSTEM_ADMIN)));
		rows.add(row("GET /api/v1/admin/staff", "GET", "/api/v1/admin/staff", null, only(Outcome.OK, Caller.SYSTEM_ADMIN)));
		rows.add(row("PUT /api/v1/admin/staff/{username}/disabled", "PUT", "/api/v1/admin/staff/nobody-here/disabled", "{}",
				only(Outcome.ADMITTED, Caller.SYSTEM_ADMIN)));
		rows.add(row("PUT /api/v1/admin/staff/{username}", "PUT", "/api/v1/admin/staff/supervisor", "{}",
				only(Outcome.ADMITTED, Caller.SYSTEM_ADMIN)));
		rows.add(row("POST /api/v1/admin/staff/{username}/password-reset", "POST", "/api/v1/admin/staff/supervisor/password-reset",
				"{}", only(Outcome.ADMITTED, Caller.SYSTEM_ADMIN)));
		rows.add(row("PUT /api/v1/admin/registries/{registry}/records/{subject}", "PUT",
				"/api/v1/admin/registries/NO_SUCH_REGISTRY/records/x", "{}", only(Outcome.ADMITTED, Caller.SYSTEM_ADMIN)));
		rows.add(row("POST /api/v1/admin/e-licences", "POST", "/api/v1/admin/e-licences", "{}",
				only(Outcome.ADMITTED, Caller.SYSTEM_ADMIN)));
		rows.add(row("GET /api/v1/admin/document-templates", "GET", "/api/v1/admin/document-templates", null,
				only(Outcome.OK, Caller.SYSTEM_ADMIN)));
		rows.add(row("PUT /api/v1/admin/document-templates/{kind}/{scope}", "PUT", "/api/v1/admin/document-templates/ACCEPTANCE_NOTICE/default",
				"{}", only(Outcome.ADMITTED, Caller.SYSTEM_ADMIN)));

		// the applicant's own data; a window clerk files for visitors
		rows.add(row("POST /api/v1/drafts", "POST", "/api/v1/drafts", "{\"matter\":\"HN-CATERING\"}",
				with(only(Outcome.OK, Caller.APPLICANT_OWNER, Caller.AGENT, Caller.APPLICANT_OTHER), Outcome.ADMITTED,
						Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		String draft = "/api/v1/drafts/" + ids.get("draft");
		rows.add(row("PUT /api/v1/drafts/{id}", "PUT", draft + "?version=999", "{}", ownDraft(Outcome.ADMITTED)));
		rows.add(row("POST /api/v1/drafts/{id}/prefill", "POST", draft + "/prefill?version=999", null, ownDraft(Outcome.ADMITTED)));
		rows.add(row("POST /api/v1/drafts/{id}/submission", "POST", draft + "/submission", "{}", ownDraft(Outcome.ADMITTED)));
		rows.add(row("DELETE /api/v1/drafts/{id}", "DELETE", "/api/v1/drafts/" + ids.get("draft2"), null, ownDraft(Outcome.OK)));
		rows.add(row("POST /api/v1/applications", "POST", "/api/v1/applications", "{}",
				only(Outcome.ADMITTED, Caller.APPLICANT_OWNER, Caller.AGENT, Caller.APPLICANT_OTHER, Caller.CLERK_OWN,
						Caller.CLERK_OTHER)));
		rows.add(row("GET /api/v1/applications", "GET", "/api/v1/applications", null,
				only(Outcome.OK, Caller.APPLICANT_OWNER, Caller.AGENT, Caller.APPLICANT_OTHER, Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		rows.add(row("GET /api/v1/applications/{id}", "GET", "/api/v1/applications/" + ids.get("draft"), null,
				with(only(Outcome.OK, Caller.APPLICANT_OWNER, Caller.AGENT), Outcome.NOT_FOUND, Caller.APPLICANT_OTHER,
						Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		rows.add(row("GET /api/v1/applications/{id}/accepting-halls", "GET",
				"/api/v1/applications/" + ids.get("draft") + "/accepting-halls", null,
				with(only(Outcome.OK, Caller.APPLICANT_OWNER, Caller.AGENT), Outcome.NOT_FOUND, Caller.APPLICANT_OTHER,
						Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		rows.add(row("POST /api/v1/attachments", "POST", "/api/v1/attachments", "multipart",
				only(Outcome.OK, Caller.APPLICANT_OWNER, Caller.AGENT, Caller.APPLICANT_OTHER, Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		rows.add(row("POST /api/v1/consents", "POST", "/api/v1/consents", "{}", only(Outcome.ADMITTED, APPLICANTS)));
		rows.add(row("GET /api/v1/consents", "GET", "/api/v1/consents", null, only(Outcome.OK, APPLICANTS)));
		rows.add(row("DELETE /api/v1/consents/{id}", "DELETE", "/api/v1/consents/" + ids.get("consent2"), null,
				with(only(Outcome.OK, Caller.APPLICANT_OWNER), Outcome.NOT_FOUND, Caller.AGENT, Caller.APPLICANT_OTHER)));
		rows.add(row("GET /api/v1/data-access", "GET", "/api/v1/data-access", null, only(Outcome.OK, APPLICANTS)));
		rows.add(row("POST /api/v1/representations", "POST", "/api/v1/representations", "{\"subject\":\"" + ids.get("owner-id")
				+ "\",\"capacity\":\"RELATIVE\",\"username\":\"nobody-here\"}",
				with(with(only(Outcome.ADMITTED, Caller.APPLICANT_OWNER), Outcome.FORBIDDEN, Caller.AGENT,
						Caller.APPLICANT_OTHER), Outcome.FORBIDDEN, Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		rows.add(row("GET /api/v1/representations", "GET", "/api/v1/representations", null,
				only(Outcome.OK, Caller.APPLICANT_OWNER, Caller.AGENT, Caller.APPLICANT_OTHER, Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		rows.add(row("DELETE /api/v1/representations/{id}", "DELETE", "/api/v1/representations/" + ids.get("representation2"),
				null, with(only(Outcome.OK, Caller.APPLICANT_OWNER, Caller.AGENT), Outcome.NOT_FOUND, Caller.APPLICANT_OTHER,
						Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		rows.add(row("GET /api/v1/my/cases", "GET", "/api/v1/my/cases", null, only(Outcome.OK, APPLICANTS)));

		// reading a case: whoever has a part in it; what was submitted: not the supervisors
		Map<Caller, Outcome> partInTheCase = with(only(Outcome.OK, Caller.APPLICANT_OWNER, Caller.AGENT, Caller.CLERK_OWN,
				Caller.REVIEWER_OWN, Caller.HEAD_OWN, Caller.SUPERVISOR_OWN), Outcome.NOT_FOUND, Caller.APPLICANT_OTHER,
				Caller.CLERK_OTHER, Caller.REVIEWER_OTHER, Caller.SUPERVISOR_OTHER);
		rows.add(row("GET /api/v1/cases/{id}", "GET", "/api/v1/cases/" + c, null, partInTheCase));
		rows.add(row("GET /api/v1/cases params number", "GET", "/api/v1/cases?number=" + ids.get("number"), null, partInTheCase));
		rows.add(row("GET /api/v1/cases params application", "GET", "/api/v1/cases?application=" + ids.get("application"), null,
				partInTheCase));
		Map<Caller, Outcome> handlesTheCase = with(partInTheCase, Outcome.NOT_FOUND, Caller.SUPERVISOR_OWN);
		rows.add(row("GET /api/v1/cases/{id}/receipt", "GET", "/api/v1/cases/" + c + "/receipt", null, handlesTheCase));
		// where a case forwarded to a partner platform stands: for those who read the case; this one was not forwarded
		rows.add(row("GET /api/v1/cases/{id}/partner", "GET", "/api/v1/cases/" + c + "/partner", null, with(partInTheCase,
				Outcome.NOT_FOUND, Caller.APPLICANT_OWNER, Caller.AGENT, Caller.CLERK_OWN, Caller.REVIEWER_OWN, Caller.HEAD_OWN,
				Caller.SUPERVISOR_OWN)));
		rows.add(row("GET /api/v1/cases/{id}/application", "GET", "/api/v1/cases/" + c + "/application", null, handlesTheCase));
		// the files submitted: as what was submitted, and supervisors are refused by their role
		Map<Caller, Outcome> openTheFiles = with(handlesTheCase, Outcome.FORBIDDEN, Caller.SUPERVISOR_OWN, Caller.SUPERVISOR_OTHER);
		rows.add(row("GET /api/v1/cases/{id}/files", "GET", "/api/v1/cases/" + c + "/files", null, openTheFiles));
		rows.add(row("GET /api/v1/cases/{id}/files/{fileId}", "GET", "/api/v1/cases/" + c + "/files/" + ids.get("file")
				+ "?download=true", null, openTheFiles));
		// the case's official documents: those who handle it or applied; supervisors follow progress, not papers
		Map<Caller, Outcome> papers = with(handlesTheCase, Outcome.FORBIDDEN, Caller.SUPERVISOR_OWN, Caller.SUPERVISOR_OTHER);
		rows.add(row("GET /api/v1/cases/{id}/documents", "GET", "/api/v1/cases/" + c + "/documents", null, papers));
		rows.add(row("GET /api/v1/cases/{id}/documents/{number}", "GET", "/api/v1/cases/" + c + "/documents/" + ids.get("document"), null,
				papers));
		rows.add(row("GET /api/v1/cases/{id}/rating", "GET", "/api/v1/cases/" + closed + "/rating", null,
				with(only(Outcome.OK, Caller.APPLICANT_OWNER, Caller.AGENT, Caller.CLERK_OWN, Caller.SUPERVISOR_OWN),
						Outcome.NOT_FOUND, Caller.APPLICANT_OTHER, Caller.CLERK_OTHER, Caller.REVIEWER_OWN, Caller.REVIEWER_OTHER,
						Caller.HEAD_OWN, Caller.SUPERVISOR_OTHER)));

		// the window: only the case's hall
		for (String action : List.of("acceptance", "refusal", "supplement-request", "issue")) {
			rows.add(row("POST /api/v1/cases/{id}/" + action, "POST", "/api/v1/cases/" + c + "/" + action, stale,
					with(only(Outcome.ADMITTED, Caller.CLERK_OWN), Outcome.NOT_FOUND, Caller.CLERK_OTHER)));
		}
		rows.add(row("POST /api/v1/cases/{id}/supplement", "POST", "/api/v1/cases/" + closed + "/supplement", "{\"attachments\":{}}",
				with(only(Outcome.ADMITTED, Caller.APPLICANT_OWNER, Caller.AGENT, Caller.CLERK_OWN), Outcome.NOT_FOUND,
						Caller.APPLICANT_OTHER, Caller.CLERK_OTHER)));
		// 撤回申请: the applicant's side only (the closed case: refused on its merits, nothing changes)
		rows.add(row("POST /api/v1/cases/{id}/withdrawal", "POST", "/api/v1/cases/" + closed + "/withdrawal", "{}",
				with(only(Outcome.ADMITTED, Caller.APPLICANT_OWNER, Caller.AGENT), Outcome.NOT_FOUND, Caller.APPLICANT_OTHER)));
		rows.add(row("POST /api/v1/cases/{id}/rating", "POST", "/api/v1/cases/" + closed + "/rating", "{\"level\":9}",
				with(with(only(Outcome.ADMITTED, Caller.APPLICANT_OWNER), Outcome.FORBIDDEN, Caller.AGENT), Outcome.NOT_FOUND,
						Caller.APPLICANT_OTHER)));
		rows.add(row("GET /api/v1/window/cases", "GET", "/api/v1/window/cases", null,
				only(Outcome.OK, Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		// 原件流转: a hall's list for its own clerks only; a transfer is sent and signed for by clerks of its two halls
		// (PaperTransferIT), and a transfer of no hall of theirs is not found
		rows.add(row("GET /api/v1/halls/{hall}/transfers", "GET", "/api/v1/halls/" + ids.get("hall") + "/transfers?direction=incoming",
				null, only(Outcome.OK, Caller.CLERK_OWN)));
		for (String step : List.of("dispatch", "receipt")) {
			rows.add(row("POST /api/v1/transfers/{id}/" + step, "POST", "/api/v1/transfers/" + UUID.randomUUID() + "/" + step,
					"{\"courier\":\"EMS\",\"trackingNumber\":\"EA123456789CN\",\"version\":0}",
					only(Outcome.NOT_FOUND, Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		}

		// delivery: the results' way, read like the case; handed over at the case's hall only (an invalid code: refused on
		// its merits); the hall's problems for clerks, the cost of free mail for supervisors; the providers' callbacks
		// are open to the network and refused without the provider's signature
		rows.add(row("GET /api/v1/cases/{id}/delivery", "GET", "/api/v1/cases/" + c + "/delivery", null, partInTheCase));
		rows.add(row("POST /api/v1/cases/{id}/pick-up", "POST", "/api/v1/cases/" + c + "/pick-up", "{\"code\":\"x\"}",
				with(only(Outcome.ADMITTED, Caller.CLERK_OWN), Outcome.NOT_FOUND, Caller.CLERK_OTHER)));
		rows.add(row("GET /api/v1/delivery/problems", "GET", "/api/v1/delivery/problems", null,
				only(Outcome.OK, Caller.CLERK_OWN, Caller.CLERK_OTHER)));
		rows.add(row("GET /api/v1/delivery/statistics", "GET", "/api/v1/delivery/statistics", null,
				only(Outcome.OK, Caller.SUPERVISOR_OWN, Caller.SUPERVISOR_OTHER)));
		for (String callback : List.of("sms-receipts", "courier-events")) {
			rows.add(row("POST /api/v1/delivery/" + callback, "POST", "/api/v1/delivery/" + callback, "{}",
					everyone(Outcome.FORBIDDEN)));
		}

		// the departments: only the task's department decides; queues for the department and its supervisors
		for (String action : List.of("claim", "release", "approval", "refusal", "supplement-request", "suspension", "resumption")) {
			rows.add(row("POST /api/v1/tasks/{id}/" + action, "POST", "/api/v1/tasks/" + task + "/" + action, stale,
					with(only(Outcome.ADMITTED, Caller.REVIEWER_OWN, Caller.HEAD_OWN), Outcome.NOT_FOUND, Caller.REVIEWER_OTHER)));
		}
		rows.add(row("GET /api/v1/departments/{department}/tasks", "GET", "/api/v1/departments/" + ids.get("department") + "/tasks",
				null, with(only(Outcome.OK, Caller.REVIEWER_OWN, Caller.HEAD_OWN, Caller.SUPERVISOR_OWN), Outcome.FORBIDDEN)));
		rows.add(row("GET /api/v1/departments/{department}/verifications", "GET",
				"/api/v1/departments/" + ids.get("department") + "/verifications", null,
				only(Outcome.OK, Caller.REVIEWER_OWN, Caller.HEAD_OWN)));
		rows.add(row("POST /api/v1/verifications/{id}", "POST", "/api/v1/verifications/" + ids.get("verification"),
				"{\"passed\":true,\"finding\":\"\"}",
				with(only(Outcome.ADMITTED, Caller.REVIEWER_OWN, Caller.HEAD_OWN), Outcome.NOT_FOUND, Caller.REVIEWER_OTHER)));

		// 好差评 rectifications, statistics, supervision
		rows.add(row("GET /api/v1/rectifications", "GET", "/api/v1/rectifications?responsible=" + ids.get("hall"), null,
				only(Outcome.OK, Caller.CLERK_OWN, Caller.SUPERVISOR_OWN, Caller.SUPERVISOR_OTHER)));
		for (String step : List.of("verification", "rectification", "callback")) {
			rows.add(row("POST /api/v1/rectifications/{id}/" + step, "POST",
					"/api/v1/rectifications/" + ids.get("rectification") + "/" + step, "{\"version\":999,\"justified\":false}",
					only(Outcome.ADMITTED, Caller.CLERK_OWN)));
		}
		rows.add(row("GET /api/v1/evaluation/statistics", "GET",
				"/api/v1/evaluation/statistics?region=430102&from=" + today + "&to=" + today, null,
				only(Outcome.OK, Caller.SUPERVISOR_OWN)));
		rows.add(row("GET /api/v1/supervision/dashboard", "GET", "/api/v1/supervision/dashboard?region=430102", null,
				only(Outcome.OK, Caller.SUPERVISOR_OWN)));
		rows.add(row("GET /api/v1/supervision/export/{table}", "GET", "/api/v1/supervision/export/volumes?region=430102", null,
				only(Outcome.OK, Caller.SUPERVISOR_OWN)));

		// the reform office's what-if drafts: supervisors of their region (another region's draft is not found) and the
		// catalogue administrators
		String reformDraft = "/api/v1/reform/drafts/" + ids.get("reform-draft");
		rows.add(row("POST /api/v1/reform/drafts", "POST", "/api/v1/reform/drafts", "{\"name\":\"\",\"operations\":[]}",
				only(Outcome.ADMITTED, Caller.SUPERVISOR_OWN, Caller.SUPERVISOR_OTHER, Caller.CATALOGUE_ADMIN)));
		rows.add(row("GET /api/v1/reform/drafts", "GET", "/api/v1/reform/drafts", null,
				only(Outcome.OK, Caller.SUPERVISOR_OWN, Caller.SUPERVISOR_OTHER, Caller.CATALOGUE_ADMIN)));
		for (String[] route : new String[][] { { "", "" }, { "/comparison", "/comparison" }, { "/report", "/report?format=xlsx" } }) {
			rows.add(row("GET /api/v1/reform/drafts/{id}" + route[0], "GET", reformDraft + route[1], null,
					with(only(Outcome.OK, Caller.SUPERVISOR_OWN, Caller.CATALOGUE_ADMIN), Outcome.NOT_FOUND, Caller.SUPERVISOR_OTHER)));
		}

		// credit: the subject's own listings; a region's credit administrators, who do not find another region's
		String listing = "/api/v1/credit/listings/" + ids.get("listing");
		rows.add(row("GET /api/v1/my/credit", "GET", "/api/v1/my/credit", null, only(Outcome.OK, APPLICANTS)));
		rows.add(row("POST /api/v1/my/credit/{id}/appeal", "POST", "/api/v1/my/credit/" + ids.get("listing") + "/appeal",
				"{\"statement\":\"\"}", with(only(Outcome.ADMITTED, Caller.APPLICANT_OWNER), Outcome.NOT_FOUND, Caller.AGENT,
						Caller.APPLICANT_OTHER)));
		rows.add(row("GET /api/v1/credit/listings", "GET", "/api/v1/credit/listings?subject=" + ids.get("owner-id"), null,
				only(Outcome.OK, Caller.CREDIT_ADMIN_OWN, Caller.CREDIT_ADMIN_OTHER)));
		rows.add(row("POST /api/v1/credit/listings", "POST", "/api/v1/credit/listings", "{}",
				only(Outcome.ADMITTED, Caller.CREDIT_ADMIN_OWN, Caller.CREDIT_ADMIN_OTHER)));
		rows.add(row("GET /api/v1/credit/listings/{id}", "GET", listing, null,
				with(only(Outcome.OK, Caller.CREDIT_ADMIN_OWN), Outcome.NOT_FOUND, Caller.CREDIT_ADMIN_OTHER)));
		for (String action : List.of("lifting", "appeal-decision")) {
			rows.add(row("POST /api/v1/credit/listings/{id}/" + action, "POST", listing + "/" + action, "{}",
					with(only(Outcome.ADMITTED, Caller.CREDIT_ADMIN_OWN), Outcome.NOT_FOUND, Caller.CREDIT_ADMIN_OTHER)));
		}

		// the audit trail: verified by a province's supervisors — the fixture's are a city's and a prefecture's,
		// refused by the module (403) where the route admitted them — and the system administrators
		rows.add(row("GET /api/v1/audit/verification", "GET", "/api/v1/audit/verification?from=" + today + "&to=" + today, null,
				only(Outcome.OK, Caller.SYSTEM_ADMIN)));
		rows.add(row("POST /api/v1/audit/anchors", "POST", "/api/v1/audit/anchors", null, only(Outcome.OK, Caller.SYSTEM_ADMIN)));
		rows.add(row("GET /api/v1/audit/anchor-key", "GET", "/api/v1/audit/anchor-key", null, everyone(Outcome.OK)));

		// between OneGo instances: who this instance is, for anyone; a partner's message is open to the network and
		// refused without a partner's signature (a session proves nothing there); the messages sent to partners for the
		// staff who follow cases, the overdue ones for those who are warned
		rows.add(row("GET /federation/v1/instance", "GET", "/federation/v1/instance", null, everyone(Outcome.OK)));
		rows.add(row("PUT /federation/v1/messages/{messageId}", "PUT", "/federation/v1/messages/matrix-1",
				"{\"kind\":\"test.echo\",\"payload\":{}}", everyone(Outcome.UNAUTHENTICATED)));
		rows.add(row("GET /api/v1/federation/messages", "GET", "/api/v1/federation/messages?subject=" + c, null,
				only(Outcome.OK, Caller.CLERK_OWN, Caller.CLERK_OTHER, Caller.SUPERVISOR_OWN, Caller.SUPERVISOR_OTHER, Caller.SYSTEM_ADMIN)));
		rows.add(row("GET /api/v1/federation/messages/overdue", "GET", "/api/v1/federation/messages/overdue", null,
				only(Outcome.OK, Caller.SUPERVISOR_OWN, Caller.SUPERVISOR_OTHER, Caller.SYSTEM_ADMIN)));
		rows.add(row("GET /api/v1/admin/federation/partners", "GET", "/api/v1/admin/federation/partners", null,
				only(Outcome.OK, Caller.SYSTEM_ADMIN)));

		// the shared-resource catalogue: public; departments ask for and read its resources, and only the head of the
		// providing department answers (the fixture's request is the market regulator's own: its head may not answer it)
		rows.add(row("GET /api/v1/shared-resources", "GET", "/api/v1/shared-resources?sharing=CONDITIONAL", null, everyone(Outcome.OK)));
		rows.add(row("GET /api/v1/shared-resources/{code}", "GET", "/api/v1/shared-resources/POPULATION-HOUSEHOLD", null,
				everyone(Outcome.OK)));
		Set<Caller> departments = Set.of(Caller.REVIEWER_OWN, Caller.REVIEWER_OTHER, Caller.HEAD_OWN);
		rows.add(row("POST /api/v1/shared-resources/{code}/access-requests", "POST",
				"/api/v1/shared-resources/POPULATION-HOUSEHOLD/access-requests", "{}", only(Outcome.ADMITTED, departments)));
		rows.add(row("POST /api/v1/shared-resources/{code}/reads", "POST", "/api/v1/shared-resources/POPULATION-HOUSEHOLD/reads", "{}",
				only(Outcome.ADMITTED, departments)));
		rows.add(row("GET /api/v1/access-requests", "GET", "/api/v1/access-requests", null, only(Outcome.OK, departments)));
		for (String answer : List.of("approval", "refusal", "revocation")) {
			rows.add(row("POST /api/v1/access-requests/{id}/" + answer, "POST",
					"/api/v1/access-requests/" + ids.get("access-request") + "/" + answer, "{}", signedIn(Outcome.FORBIDDEN)));
		}
		// electronic licences: verified by anyone; the holder's own wallet; revoked by an administrator or the issuing
		// department's head (a feed's licence has no department: the route admits the head, the module finds nothing)
		rows.add(row("GET /api/v1/e-licences/verification", "GET", "/api/v1/e-licences/verification?type=FOOD_BUSINESS_LICENCE&number="
				+ ids.get("licence-number"), null, everyone(Outcome.OK)));
		rows.add(row("GET /api/v1/e-licences/types", "GET", "/api/v1/e-licences/types", null, everyone(Outcome.OK)));
		rows.add(row("GET /api/v1/e-licences/issuer-keys", "GET", "/api/v1/e-licences/issuer-keys", null, everyone(Outcome.OK)));
		rows.add(row("GET /api/v1/my/e-licences", "GET", "/api/v1/my/e-licences", null, only(Outcome.OK, APPLICANTS)));
		String licence = "/api/v1/my/e-licences/" + ids.get("licence");
		for (String part : new String[] { "qr.svg", "pdf" }) {
			rows.add(row("GET /api/v1/my/e-licences/{id}/" + part, "GET", licence + "/" + part, null,
					with(only(Outcome.OK, Caller.APPLICANT_OWNER), Outcome.NOT_FOUND, Caller.AGENT, Caller.APPLICANT_OTHER)));
		}
		// official documents: verified by anyone, by QR or by uploading the PDF (an unknown one is simply not found)
		rows.add(row("GET /api/v1/documents/verification", "GET", "/api/v1/documents/verification?n=430102-SL-2026-99999999&c=0123456789ABCDEF",
				null, everyone(Outcome.OK)));
		rows.add(row("POST /api/v1/documents/verification", "POST", "/api/v1/documents/verification", "multipart", everyone(Outcome.OK)));
		rows.add(row("POST /api/v1/e-licences/{id}/revocation", "POST", "/api/v1/e-licences/" + ids.get("licence") + "/revocation",
				"{}", with(only(Outcome.ADMITTED, Caller.SYSTEM_ADMIN), Outcome.NOT_FOUND, Caller.HEAD_OWN)));
		return rows;
	}

	/** The number of the case's acceptance notice, made after the acceptance's commit. */
	private static String acceptanceNotice(CaseWorld world, String caseId) {
		for (int attempt = 0; attempt < 200; attempt++) {
			List<String> made = world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/documents", null)
				.json("$[?(@.kind == 'ACCEPTANCE_NOTICE')].number");
			if (!made.isEmpty()) {
				return made.get(0);
			}
			CaseWorld.sleep(150);
		}
		throw new AssertionError("no acceptance notice for case " + caseId);
	}

	private static Row row(String route, String method, String path, String body, Map<Caller, Outcome> outcomes) {
		assertThat(outcomes).as(route).hasSize(Caller.values().length);
		return new Row(route, method, path, body, outcomes);
	}

	/** The same outcome for everybody, signed in or not. */
	private static Map<Caller, Outcome> everyone(Outcome outcome) {
		Map<Caller, Outcome> outcomes = new EnumMap<>(Caller.class);
		for (Caller caller : Caller.values()) {
			outcomes.put(caller, outcome);
		}
		return outcomes;
	}

	/** The outcome for everyone signed in; 401 for the anonymous. */
	private static Map<Caller, Outcome> signedIn(Outcome outcome) {
		return with(everyone(outcome), Outcome.UNAUTHENTICATED, Caller.ANONYMOUS);
	}

	/** The outcome for these callers; 403 for every other signed-in caller, 401 for the anonymous. */
	private static Map<Caller, Outcome> only(Outcome outcome, Caller... callers) {
		return only(outcome, Set.of(callers));
	}

	private static Map<Caller, Outcome> only(Outcome outcome, Set<Caller> callers) {
		Map<Caller, Outcome> outcomes = signedIn(Outcome.FORBIDDEN);
		callers.forEach(caller -> outcomes.put(caller, outcome));
		return outcomes;
	}

	/** The same map with these callers' outcome replaced. */
	private static Map<Caller, Outcome> with(Map<Caller, Outcome> outcomes, Outcome outcome, Caller... callers) {
		Map<Caller, Outcome> changed = new EnumMap<>(outcomes);
		for (Caller caller : callers) {
			changed.put(caller, outcome);
		}
		return changed;
	}

	/** A draft: its author only; other applicants and clerks do not find it. */
	private static Map<Caller, Outcome> ownDraft(Outcome outcome) {
		return with(only(outcome, Caller.APPLICANT_OWNER), Outcome.NOT_FOUND, Caller.AGENT, Caller.APPLICANT_OTHER,
				Caller.CLERK_OWN, Caller.CLERK_OTHER);
	}

	// ------------------------------------------------------------------ callers

	/**
	 * A caller: staff signed in through the sign-in form, whose session (and CSRF token) carries every
	 * request; an applicant with the identity provider's access token.
	 */
	final class Session {

		private final CookieManager cookies = new CookieManager();
		private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
		private String bearer;

		Session(String accessToken) {
			this.bearer = accessToken;
		}

		Session(String username, String password) throws IOException, InterruptedException {
			if (username == null) {
				return;
			}
			send("GET", "/login.html", null);
			String form = "username=" + username + "&password=" + password;
			HttpResponse<String> signedIn = send("POST", "/login", "form:" + form);
			assertThat(signedIn.statusCode()).as(username + " signs in: " + signedIn.body()).isEqualTo(200);
		}

		HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("X-Requested-With", "matrix");
			token().ifPresent(token -> request.header("X-XSRF-TOKEN", token));
			if (bearer != null) {
				request.header("Authorization", "Bearer " + bearer);
			}
			if (body == null) {
				request.method(method, BodyPublishers.noBody());
			}
			else if (body.startsWith("form:")) {
				request.header("Content-Type", "application/x-www-form-urlencoded").method(method, BodyPublishers.ofString(body.substring(5)));
			}
			else if (body.equals("multipart")) {
				String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
				String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload.pdf\"\r\n"
						+ "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n% matrix " + UUID.randomUUID() + "\n%%EOF\n\r\n--" + boundary
						+ "--\r\n";
				request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.method(method, BodyPublishers.ofByteArray(part.getBytes(StandardCharsets.UTF_8)));
			}
			else {
				request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(body));
			}
			return http.send(request.build(), BodyHandlers.ofString());
		}

		private java.util.Optional<String> token() {
			return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
				.map(HttpCookie::getValue);
		}
	}
}

package cn.onego.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.onego.ApiClient;
import cn.onego.Citizens;
import cn.onego.Identities;
import cn.onego.application.Attachments;
import cn.onego.cases.CaseWorld;
import cn.onego.security.Exchange.Answer;
import cn.onego.security.Route.Leaf;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hostile-input corpus: every route of the API, read from Spring MVC's own mappings, is sent what an
 * attacker or a broken client sends — malformed JSON, wrong types and media types, bodies and fields of
 * megabytes, 50,000 keys, NUL, control, bidirectional and invisible characters, lone surrogates, numbers and
 * dates out of range, SQL and LIKE metacharacters, path traversal in ids, file names and references, unknown
 * ids — and then the hand-made cases that need the world: someone else's upload, files that lie about their
 * type, alias bombs and zip bombs for the catalogue, staff for places that do not exist.
 * <p>
 * Every case must be refused with a 4xx {@code application/problem+json} that has a message in both languages
 * and names the field where there is one, within five seconds, without a stack trace or SQL, and without a row
 * written to any table the request could write (script and markup may instead be stored inert: given back as
 * the very same JSON string, never as HTML). Real HTTP against the running platform on its embedded PostgreSQL;
 * callers have the right to call each route, so that the validation is what answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

	/**
	 * The tables not compared before and after each case, and why none of them can show a request's write: the
	 * event publication registry (a refused request publishes nothing, while publications of other tests'
	 * contexts complete and are archived asynchronously), the supervision tables (every 200 ms the fold moves
	 * deltas into the aggregates), the nonces of partner instances' requests (forgotten on a schedule after ten minutes)
	 * and Flyway's history.
	 */
	private static final Set<String> UNWATCHED = Set.of("event_publication", "event_publication_archive", "case_fact",
			"supervision_case_day", "supervision_task_day", "supervision_department_day", "supervision_region_day", "supervision_processed",
			"federation_nonce", "flyway_schema_history");

	/**
	 * The attempt log of the identity provider, and the data-access log and audit trail it writes a real-name
	 * check to.
	 */
	private static final Set<String> IDP_LOGS = Set.of("idp_attempt", "data_access", "audit_record");

	private static final String MATTER = "HN-RETIREMENT";
	private static final Map<String, List<String>> RETIREMENT = Map.of("RETIREMENT_KIND", List.of("STATUTORY_AGE"),
			"HAS_HOUSING_FUND", List.of("NO"));
	private static final String WINDOW = "window.frq";
	private static final String REVIEWER = "reviewer.scjg.frq";
	private static final String SCRIPT = "<script>alert(1)</script>";
	private static final String IMG = "\"><img src=x onerror=alert(1)>";
	private static final String SQL = "' OR 1=1 --";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Attachments attachments;

	@Autowired
	Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private List<String> tables;
	private Applicant alice;
	private Applicant bob;
	private String aliceFile;
	private String bobFile;
	private String draftId;
	private String consentId;
	private String caseId;

	// ------------------------------------------------------------------ applicants: the one place their credentials are used

	/** A citizen registered at the identity provider, nobody else's, with the app's access token. */
	record Applicant(String username, String password, String idNumber, String accessToken) {
	}

	private Applicant newApplicant() {
		Citizens.Citizen citizen = Citizens.register(new ApiClient(port), "陈测试", Identities.idNumber());
		return new Applicant(citizen.username(), citizen.password(), citizen.idNumber(), citizen.accessToken());
	}

	/** How an applicant proves who they are on a request: the identity provider's access token, as the app sends it. */
	private String[] credentialsOf(Applicant applicant) {
		return new String[] { "Authorization", "Bearer " + applicant.accessToken() };
	}

	private final Map<String, String[]> sessions = new java.util.concurrent.ConcurrentHashMap<>();

	/** The headers of a signed-in session of the user, signing in through the form the pages use once. */
	private String[] session(String username, String password) {
		return sessions.computeIfAbsent(username, u -> {
			// the sign-in page gives the visitor a session and its CSRF token, as a browser gets them
			Answer page = send(Exchange.of("GET", "/login.html", null));
			String token = cookie(page, "XSRF-TOKEN");
			String visit = cookie(page, "JSESSIONID");
			Answer signedIn = send(Exchange.of("POST", "/login", ("username=" + encode(username) + "&password=" + encode(password))
				.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded", "Cookie",
					"JSESSIONID=" + visit + "; XSRF-TOKEN=" + token, "X-XSRF-TOKEN", token, "X-Requested-With", "XMLHttpRequest"));
			assertThat(signedIn.status()).as("signing in as " + username + ": " + signedIn.body()).isEqualTo(200);
			String session = cookie(signedIn, "JSESSIONID");
			String csrf = cookie(signedIn, "XSRF-TOKEN");
			return new String[] { "Cookie", "JSESSIONID=" + session + "; XSRF-TOKEN=" + csrf, "X-XSRF-TOKEN", csrf, "X-Requested-With",
					"XMLHttpRequest" };
		});
	}

	/**
	 * The refusals the identity provider names a field for; a name or ID number that does not pass the
	 * real-name check gets one neutral answer that names none (it must not tell which part was wrong).
	 */
	private static final java.util.Set<String> REGISTRATION_FIELDS = java.util.Set.of("a password of 25 Chinese characters",
			"a username of SQL", "a username with a path");

	/** The headers of a visitor of the identity provider's pages: its session and CSRF token. */
	private String[] idpVisitor() {
		Answer page = send(Exchange.of("GET", "/idp/login", null));
		String token = cookie(page, "XSRF-TOKEN");
		String cookies = page.header("Set-Cookie").stream().map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c)
			.reduce((a, b) -> a + "; " + b).orElse("");
		return new String[] { "Cookie", cookies, "X-XSRF-TOKEN", token };
	}

	private static String cookie(Answer answer, String name) {
		return answer.header("Set-Cookie").stream()
			.filter(c -> c.startsWith(name + "=") && !c.startsWith(name + "=;"))
			.map(c -> c.substring(name.length() + 1, c.contains(";") ? c.indexOf(';') : c.length()))
			.reduce((first, second) -> second)
			.orElseThrow(() -> new AssertionError("no cookie " + name + " in " + answer.headers()));
	}

	// ------------------------------------------------------------------ the world the cases need

	@BeforeAll
	void aWorldWithAnApplicationACaseADraftAndUploads() {
		alice = newApplicant();
		bob = newApplicant();
		aliceFile = upload(alice, "alice's letter");
		bobFile = upload(bob, "bob's letter");
		// both files referred to, so that the clean-up test never removes them from under the corpus
		Answer bobsDraft = send(asApplicant(bob, json("POST", "/api/v1/drafts", Map.of("matter", MATTER, "applicant",
				Map.of("kind", "PERSON", "id", bob.idNumber(), "name", "陈测试"), "attachments", Map.of("PERSONNEL_FILE", bobFile)))));
		assertThat(bobsDraft.status()).as(bobsDraft.body()).isEqualTo(201);
		Answer draft = send(asApplicant(alice, json("POST", "/api/v1/drafts", Map.of("matter", MATTER, "answers", RETIREMENT,
				"attachments", Map.of("PERSONNEL_FILE", aliceFile)))));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		draftId = draft.json("$.id");
		Answer consent = send(asApplicant(alice, json("POST", "/api/v1/consents", Map.of("matter", MATTER, "purpose", "退休一件事申请"))));
		assertThat(consent.status()).as(consent.body()).isEqualTo(201);
		consentId = consent.json("$.id");
		Answer submitted = send(asApplicant(alice, json("POST", "/api/v1/applications", application(alice, MATTER, RETIREMENT)))
			.with("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String application = submitted.json("$.id");
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (caseId == null && System.nanoTime() < deadline) {
			List<Map<String, Object>> mine = send(asApplicant(alice, Exchange.of("GET", "/api/v1/my/cases", null))).json("$");
			caseId = mine.stream().filter(c -> application.equals(c.get("applicationId"))).map(c -> (String) c.get("id"))
				.findFirst().orElse(null);
			pause(100);
		}
		assertThat(caseId).as("the case of the world's application").isNotNull();
		tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
			.query(String.class)
			.list()
			.stream()
			.filter(t -> !UNWATCHED.contains(t))
			.sorted()
			.toList();
		awaitQuiet();
	}

	/**
	 * Until no event publication and no document order is pending: the asynchronous listeners and the documents of this
	 * and earlier tests are done.
	 */
	private void awaitQuiet() {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		Map<String, Long> last = null;
		while (System.nanoTime() < deadline) {
			long pending = jdbc.sql("""
					SELECT (SELECT count(*) FROM event_publication WHERE completion_date IS NULL)
					     + (SELECT count(*) FROM document_order WHERE attempts = 0)""").query(Long.class).single();
			Map<String, Long> now = counts();
			if (pending == 0 && now.equals(last)) {
				return;
			}
			last = now;
			pause(300);
		}
	}

	// ------------------------------------------------------------------ the corpus

	@TestFactory
	Stream<DynamicTest> refusesHostileInputWithAProblemAndStoresNothing() {
		return corpus().stream().map(c -> dynamicTest(c.name(), () -> check(c)));
	}

	@Test
	void coversEveryRouteThatTakesInputWithAtLeastThreeHundredCases() {
		List<Case> corpus = corpus();
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
		for (Route route : Route.of(mappings)) {
			boolean takesInput = !route.pathVariables().isEmpty() || !route.parameters().isEmpty() || route.body() != null
					|| route.multipart();
			if (takesInput) {
				assertThat(corpus).as("cases for " + route).anyMatch(c -> c.name().contains(route.toString()));
			}
		}
	}

	/** A hostile request and what must come of it. */
	record Case(String name, Supplier<Exchange> request, Set<Integer> statuses, String field, Consumer<Answer> inert) {

		static Case refused(String name, Supplier<Exchange> request, String field, Integer... statuses) {
			return new Case(name, request, Set.of(statuses), field, null);
		}

		/** Refused, or stored and given back as the very JSON string it was, checked by {@code inert}. */
		static Case refusedOrInert(String name, Supplier<Exchange> request, Consumer<Answer> inert, Integer... statuses) {
			return new Case(name, request, Set.of(statuses), null, inert);
		}
	}

	private void check(Case c) {
		Exchange exchange = c.request().get();
		Map<String, Long> before = counts();
		Answer answer = exchange.send(port);
		Map<String, Long> after = counts();
		String what = c.name() + " — " + exchange + " → " + answer.status() + " " + answer.contentType() + " "
				+ (answer.body().length() > 600 ? answer.body().substring(0, 600) + "…" : answer.body());
		assertThat(answer.took()).as("answered within 5 s: " + what).isLessThan(Exchange.LIMIT);
		if (c.inert() != null && answer.status() < 300) {
			assertThat(answer.contentType()).as("never served as a page: " + what).doesNotContain("html");
			assertThat(answer.header("X-Content-Type-Options")).as("nosniff: " + what).contains("nosniff");
			c.inert().accept(answer);
			return;
		}
		assertThat(answer.status()).as(what).isIn(c.statuses());
		assertThat(answer.problem()).as("problem+json: " + what).isTrue();
		assertThat((String) answer.json("$.message.zh")).as("message in Chinese: " + what).isNotBlank();
		assertThat((String) answer.json("$.message.en")).as("message in English: " + what).isNotBlank();
		assertThat(answer.body()).as("no stack trace, SQL or HTML: " + what)
			.doesNotContain("Exception", "at cn.onego", "org.postgresql", "SQL", "<html", "tools.jackson", "java.lang");
		if (c.field() != null) {
			List<String> fields = answer.json("$.errors[*].field");
			assertThat(fields).as("the field named: " + what)
				.anyMatch(f -> f.equals(c.field()) || f.startsWith(c.field() + ".") || f.startsWith(c.field() + "["));
		}
		if (c.name().startsWith("POST /idp/")) {
			// the identity provider logs every refused registration, and the real-name check as a read of the
			// person's record, on purpose: those are the only rows such a refusal may write
			IDP_LOGS.forEach(table -> {
				before.remove(table);
				after.remove(table);
			});
		}
		assertThat(after).as("no row written: " + what).isEqualTo(before);
	}

	private Map<String, Long> counts() {
		String sql = String.join(" UNION ALL ", tables.stream().map(t -> "SELECT '" + t + "', count(*) FROM " + t).toList());
		Map<String, Long> counts = new LinkedHashMap<>();
		jdbc.sql(sql).query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	private List<Case> corpus;

	private List<Case> corpus() {
		if (corpus == null) {
			List<Case> cases = new ArrayList<>();
			for (Route route : Route.of(mappings)) {
				cases.addAll(pathCases(route));
				cases.addAll(parameterCases(route));
				cases.addAll(bodyCases(route));
			}
			cases.addAll(applicationCases());
			cases.addAll(uploadCases());
			cases.addAll(caseHandlingCases());
			cases.addAll(identityCases());
			cases.addAll(sharingCases());
			cases.addAll(queryCases());
			cases.addAll(catalogueCases());
			cases.addAll(containerCases());
			corpus = List.copyOf(cases);
		}
		return corpus;
	}

	// ------------------------------------------------------------------ generated from the routes

	/** Each path variable: NUL, a bidi override, traversal, a path too long, SQL, and an id that does not exist. */
	private List<Case> pathCases(Route route) {
		List<Case> cases = new ArrayList<>();
		for (Route.Slot variable : route.pathVariables()) {
			Map<String, String> hostile = new LinkedHashMap<>();
			hostile.put("NUL", "a%00b");
			hostile.put("bidi override", "a%E2%80%AEb");
			hostile.put("encoded traversal", "..%2F..%2Fetc%2Fpasswd");
			hostile.put("dot segments", "..");
			hostile.put("1,200 characters", "a".repeat(1_200));
			hostile.forEach((kind, value) -> cases.add(Case.refused(route + " path {" + variable.name() + "}: " + kind,
					() -> request(route, Map.of(variable.name(), value), null), null, 400, 404)));
			cases.add(Case.refused(route + " path {" + variable.name() + "}: SQL", () -> request(route,
					Map.of(variable.name(), encode(SQL)), null), null, 400, 403, 404));
			if (Number.class.isAssignableFrom(box(variable.raw()))) {
				cases.add(Case.refused(route + " path {" + variable.name() + "}: out of range",
						() -> request(route, Map.of(variable.name(), "99999999999999999999"), null), variable.name(), 400));
			}
			String unknown = unknownValue(route, variable);
			if (unknown != null) {
				boolean scoped = variable.name().equals("department");
				cases.add(Case.refused(route + " path {" + variable.name() + "}: unknown id",
						() -> request(route, Map.of(variable.name(), unknown), null), null, scoped ? new Integer[] { 403, 404 }
								: new Integer[] { 404 }));
			}
		}
		return cases;
	}

	/** Each request parameter: NUL, bidi, control characters, 600 characters, SQL and LIKE metacharacters, wrong types. */
	private List<Case> parameterCases(Route route) {
		List<Case> cases = new ArrayList<>();
		for (Route.Slot parameter : route.parameters()) {
			boolean search = parameter.name().equals("q");
			Map<String, String> hostile = new LinkedHashMap<>();
			hostile.put("NUL", "a%00b");
			hostile.put("bidi override", "a%E2%80%AEb");
			hostile.put("escape character", "a%1Bb");
			hostile.put("600 characters", "a".repeat(600));
			hostile.forEach((kind, value) -> cases.add(Case.refused(route + " ?" + parameter.name() + ": " + kind,
					() -> request(route, Map.of(), Map.of(parameter.name(), value)), parameter.name(), 400)));
			Map<String, String> meta = new LinkedHashMap<>();
			meta.put("SQL", encode(SQL));
			meta.put("LIKE %", "%25");
			meta.put("LIKE _", "_");
			meta.put("backslash", "%5C");
			meta.put("traversal", encode("../../etc/passwd"));
			Class<?> type = parameter.raw();
			meta.forEach((kind, value) -> {
				String name = route + " ?" + parameter.name() + ": " + kind;
				Supplier<Exchange> request = () -> request(route, Map.of(), Map.of(parameter.name(), value));
				if (search) {
					// searched in memory: a metacharacter is just a character and finds nothing
					cases.add(Case.refusedOrInert(name, request,
							answer -> assertThat(found(answer)).as("the metacharacter matches itself only").isEmpty(), 400));
				}
				else if (type == String.class && kind.equals("LIKE _")) {
					// '_' is a character codes may hold: compared for equality, it finds nothing (or nothing of the caller's)
					cases.add(Case.refusedOrInert(name, request, answer -> assertThat(answer.body()).isNotEmpty(), 400, 403, 404));
				}
				else if (!parameter.name().equals("note") && !parameter.name().equals("delete")) {
					cases.add(Case.refused(name, request, parameter.name(), type == String.class ? new Integer[] { 400, 404 } : new Integer[] { 400 }));
				}
			});
			if (type == LocalDate.class) {
				for (String date : List.of("9999-12-31", "0000-01-01", "%2B999999999-12-31", "2026-02-30")) {
					cases.add(Case.refused(route + " ?" + parameter.name() + ": date " + date,
							() -> request(route, Map.of(), Map.of(parameter.name(), date)), parameter.name(), 400));
				}
			}
			if (type == int.class || type == Integer.class) {
				cases.add(Case.refused(route + " ?" + parameter.name() + ": 2147483648",
						() -> request(route, Map.of(), Map.of(parameter.name(), "2147483648")), parameter.name(), 400));
				cases.add(Case.refused(route + " ?" + parameter.name() + ": 1e309",
						() -> request(route, Map.of(), Map.of(parameter.name(), "1e309")), parameter.name(), 400));
			}
			if (type.isEnum()) {
				cases.add(Case.refused(route + " ?" + parameter.name() + ": not a constant",
						() -> request(route, Map.of(), Map.of(parameter.name(), "NOPE")), parameter.name(), 400));
			}
		}
		return cases;
	}

	/** Each JSON body: the document malformed, mistyped, too large, too deep, with too many keys; then each value. */
	private List<Case> bodyCases(Route route) {
		if (route.body() == null) {
			return List.of();
		}
		List<Case> cases = new ArrayList<>();
		List<Leaf> leaves = new ArrayList<>();
		Object template = Route.template(route.body().type(), this::plausible, leaves);
		cases.add(Case.refused(route + " body: malformed JSON", () -> request(route, raw("{\"a\": [1, 2"), "application/json"), null, 400));
		cases.add(Case.refused(route + " body: plain text", () -> request(route, raw("hello"), "text/plain"), null, 415));
		cases.add(Case.refused(route + " body: XML", () -> request(route, raw("<a>&xxe;</a>"), "application/xml"), null, 415));
		cases.add(Case.refused(route + " body: an array", () -> request(route, raw("[1, 2, 3]"), "application/json"), null, 400));
		cases.add(Case.refused(route + " body: 100 levels deep",
				() -> request(route, raw("{\"a\":".repeat(100) + "1" + "}".repeat(100)), "application/json"), null, 400));
		cases.add(Case.refused(route + " body: 50,000 keys", () -> request(route, raw(manyKeys(50_000)), "application/json"), null, 413));
		cases.add(Case.refused(route + " body: 1.5 MB", () -> request(route, raw("{\"a\":\"" + "x".repeat(1_500_000) + "\"}"),
				"application/json"), null, 413));
		for (Leaf leaf : leaves) {
			String field = leaf.field();
			switch (leaf.kind()) {
				case STRING -> {
					Map<String, String> hostile = new LinkedHashMap<>();
					hostile.put("NUL", "\"a\\u0000b\"");
					hostile.put("escape character", "\"a\\u001bb\"");
					hostile.put("bidi override", "\"a\\u202eb\"");
					hostile.put("lone surrogate", "\"a\\ud800b\"");
					hostile.put("20,000 characters", "\"" + "a".repeat(20_000) + "\"");
					hostile.forEach((kind, literal) -> cases.add(Case.refused(route + " body " + field + ": " + kind,
							() -> request(route, raw(withLiteral(template, leaf.at(), false, literal)), "application/json"), field, 400)));
				}
				case KEY -> {
					String parent = leaf.at().size() > 1 ? new Leaf(leaf.at().subList(0, leaf.at().size() - 1), leaf.kind()).field() : "body";
					cases.add(Case.refused(route + " body " + field + ": NUL in the key",
							() -> request(route, raw(withLiteral(template, leaf.at(), true, "\"K\\u0000Y\"")), "application/json"),
							parent, 400));
				}
				case INT, LONG -> {
					String big = leaf.kind() == Leaf.Kind.INT ? "2147483648" : "9223372036854775808";
					cases.add(Case.refused(route + " body " + field + ": " + big,
							() -> request(route, raw(withLiteral(template, leaf.at(), false, big)), "application/json"), field, 400));
					cases.add(Case.refused(route + " body " + field + ": 1e309",
							() -> request(route, raw(withLiteral(template, leaf.at(), false, "1e309")), "application/json"), field, 400));
				}
				case BOOLEAN -> cases.add(Case.refused(route + " body " + field + ": not a boolean",
						() -> request(route, raw(withLiteral(template, leaf.at(), false, "\"maybe\"")), "application/json"), field, 400));
				case ENUM -> cases.add(Case.refused(route + " body " + field + ": not a constant",
						() -> request(route, raw(withLiteral(template, leaf.at(), false, "\"NOPE\"")), "application/json"), field, 400));
				case UUID -> cases.add(Case.refused(route + " body " + field + ": traversal",
						() -> request(route, raw(withLiteral(template, leaf.at(), false, "\"../../etc/passwd\"")), "application/json"),
						field, 400));
				case DATE -> {
					for (String date : List.of("9999-12-31", "0000-01-01")) {
						cases.add(Case.refused(route + " body " + field + ": " + date,
								() -> request(route, raw(withLiteral(template, leaf.at(), false, "\"" + date + "\"")), "application/json"),
								field, 400));
					}
				}
				case DECIMAL -> cases.add(Case.refused(route + " body " + field + ": 1e309",
						() -> request(route, raw(withLiteral(template, leaf.at(), false, "1e309")), "application/json"), field, 400));
			}
		}
		return cases;
	}

	/** The request for a route with plausible values everywhere except those given (already encoded). */
	private Exchange request(Route route, Map<String, String> pathValues, Map<String, String> parameterValues) {
		return request(route, pathValues, parameterValues, null, null);
	}

	private Exchange request(Route route, byte[] body, String contentType) {
		return request(route, Map.of(), null, body, contentType);
	}

	private Exchange request(Route route, Map<String, String> pathValues, Map<String, String> parameterValues, byte[] body,
			String contentType) {
		Map<String, String> path = new HashMap<>();
		for (Route.Slot variable : route.pathVariables()) {
			path.put(variable.name(), pathValues.getOrDefault(variable.name(), encode(validPathValue(route, variable))));
		}
		StringBuilder target = new StringBuilder(route.path(path));
		Map<String, String> query = new LinkedHashMap<>();
		for (Route.Slot parameter : route.parameters()) {
			String value = validParameter(parameter);
			if (value != null && parameter.required()) {
				query.put(parameter.name(), encode(value));
			}
		}
		if (parameterValues != null) {
			query.putAll(parameterValues);
		}
		String separator = "?";
		for (Map.Entry<String, String> p : query.entrySet()) {
			target.append(separator).append(p.getKey()).append('=').append(p.getValue());
			separator = "&";
		}
		byte[] payload = body;
		String type = contentType;
		if (payload == null && route.body() != null) {
			payload = body(Route.template(route.body().type(), this::plausible, new ArrayList<>()));
			type = "application/json";
		}
		if (payload == null && route.multipart()) {
			Multipart parts = new Multipart().file("file", "letter.pdf", "application/pdf", pdf("a letter"));
			payload = parts.bytes();
			type = parts.contentType();
		}
		Exchange exchange = Exchange.of(route.method(), target.toString(), payload);
		if (type != null) {
			exchange = exchange.with("Content-Type", type);
		}
		for (Route.Slot header : route.headers()) {
			if (header.name().equals("Idempotency-Key")) {
				exchange = exchange.with("Idempotency-Key", UUID.randomUUID().toString());
			}
		}
		return as(route, exchange);
	}

	/** What a search found: its list, or the items of its page. */
	private static List<?> found(Answer answer) {
		Object found = answer.json("$");
		return found instanceof Map<?, ?> page ? (List<?>) page.get("items") : (List<?>) found;
	}

	private String head;

	/** A head of the reviewer's department, made once: only heads answer requests for shared resources. */
	private String head() {
		if (head == null) {
			head = "hostile-head-" + UUID.randomUUID().toString().substring(0, 8);
			ApiClient.Response created = new ApiClient(port).send("POST", "/api/v1/admin/staff", "admin", "onego-admin",
					Map.of("username", head, "password", "onego-reviewer", "name", "测试负责人", "roles", List.of("DEPARTMENT_HEAD"),
							"region", "430102", "department", "430102-MARKET_REGULATION"));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}
		return head;
	}

	/** The caller who may call the route, so that what answers is the validation, not the access control. */
	private Exchange as(Route route, Exchange exchange) {
		String p = route.pattern();
		if (p.startsWith("/api/v1/admin/") || p.startsWith("/api/v1/calendar") && !route.method().equals("GET")
				|| p.startsWith("/api/v1/e-licences/") && !route.method().equals("GET")) {
			return staff("admin", "onego-admin", exchange);
		}
		if (p.equals("/api/v1/me/password")) {
			return staff(WINDOW, "onego-window", exchange);
		}
		if (p.startsWith("/api/v1/credit/")) {
			return staff("credit.cs", "onego-credit", exchange);
		}
		if (p.startsWith("/api/v1/supervision/") || p.startsWith("/api/v1/evaluation/") || p.startsWith("/api/v1/audit/")
				|| p.startsWith("/api/v1/reform/")
				|| p.startsWith("/api/v1/federation/")
				|| p.equals("/api/v1/delivery/statistics")) {
			return staff("supervisor", "onego-supervisor", exchange);
		}
		if (p.matches("/api/v1/cases/\\{id}/(acceptance|refusal|supplement-request|issue|pick-up)") || p.startsWith("/api/v1/window/")
				|| p.startsWith("/api/v1/rectifications") || p.startsWith("/api/v1/transfers/") || p.matches("/api/v1/halls/\\{hall}/.*")) {
			return staff(WINDOW, "onego-window", exchange);
		}
		if (p.startsWith("/api/v1/access-requests/")) {
			return staff(head(), "onego-reviewer", exchange);
		}
		if (p.startsWith("/api/v1/shared-resources/") && !route.method().equals("GET") || p.equals("/api/v1/access-requests")) {
			return staff(REVIEWER, "onego-reviewer", exchange);
		}
		if (p.startsWith("/api/v1/tasks/") || p.startsWith("/api/v1/verifications/") || p.matches("/api/v1/departments/\\{department}/.*")) {
			return staff(REVIEWER, "onego-reviewer", exchange);
		}
		return asApplicant(alice, exchange);
	}

	private Exchange asApplicant(Applicant applicant, Exchange exchange) {
		return with(exchange, credentialsOf(applicant));
	}

	/** A staff member of the demo users, signed in. */
	private Exchange staff(String user, String password, Exchange exchange) {
		return with(exchange, session(user, password));
	}

	private static Exchange with(Exchange exchange, String[] headers) {
		Exchange with = exchange;
		for (int i = 0; i + 1 < headers.length; i += 2) {
			with = with.with(headers[i], headers[i + 1]);
		}
		return with;
	}

	private String validPathValue(Route route, Route.Slot variable) {
		String p = route.pattern();
		return switch (variable.name()) {
			case "id" -> p.startsWith("/api/v1/cases/") ? caseId
					: p.startsWith("/api/v1/drafts/") || p.startsWith("/api/v1/applications/") ? draftId
							: p.startsWith("/api/v1/consents/") ? consentId : UUID.randomUUID().toString();
			case "code" -> p.startsWith("/api/v1/matters/") ? MATTER : p.startsWith("/api/v1/items/") ? "HN-RS-RETIREMENT"
					: p.startsWith("/api/v1/regions/") ? "430102" : p.startsWith("/api/v1/shared-resources/") ? "POPULATION-HOUSEHOLD"
							: "430102-MARKET_REGULATION";
			case "region" -> "430102";
			// the demo clerk's own hall
			case "hall" -> "430102-HALL";
			case "department" -> "430102-MARKET_REGULATION";
			case "year" -> "2026";
			case "version" -> "1";
			case "table" -> "volumes";
			case "registry" -> "POPULATION";
			case "subject" -> alice.idNumber();
			// an account nobody has: a well-formed request changes nothing either
			case "username" -> "nobody-here";
			// a well-formed file id (a SHA-256) that is no file of the case
			case "fileId" -> "0".repeat(64);
			// a document's kind and the text's scope (never stored here: every body sent is refused); a number nobody has
			case "kind" -> "ACCEPTANCE_NOTICE";
			case "scope" -> "default";
			case "number" -> "430102-SL-2026-99999999";
			default -> throw new IllegalStateException("no value for path variable " + variable.name() + " of " + route);
		};
	}

	/** An id of the right shape that names nothing, or null where any well-formed value is a legitimate one. */
	private static String unknownValue(Route route, Route.Slot variable) {
		if (variable.raw() == UUID.class) {
			return UUID.randomUUID().toString();
		}
		return switch (variable.name()) {
			case "code" -> route.pattern().startsWith("/api/v1/regions/") ? "999999" : "NO-SUCH-CODE";
			case "region" -> "999999";
			case "department" -> "430102-NO_SUCH";
			case "version" -> "999999";
			case "fileId" -> "f".repeat(64);
			default -> null;
		};
	}

	private String validParameter(Route.Slot parameter) {
		Class<?> type = parameter.raw();
		String chosen = switch (parameter.name()) {
			case "region", "parent" -> "430102";
			case "from" -> "2026-01-01";
			case "to" -> "2026-02-01";
			case "dueBy" -> "2026-03-31";
			case "q" -> "退休";
			case "number" -> "430102-20260302-00000001-0";
			case "application" -> UUID.randomUUID().toString();
			case "subject" -> alice.idNumber();
			case "responsible" -> "430102-HALL";
			case "direction" -> "outgoing";
			case "format" -> "csv";
			case "limit" -> "10";
			case "days" -> "3";
			case "version" -> "0";
			case "type" -> "TAXATION";
			case "park" -> "HN-P-CSJK";
			case "hall" -> "430102-HALL";
			case "department" -> "430102-MARKET_REGULATION";
			case "matter" -> MATTER;
			case "channel" -> "ONLINE";
			case "note" -> "测试导入";
			default -> null;
		};
		if (chosen != null) {
			return chosen;
		}
		if (type.isEnum()) {
			return ((Enum<?>) type.getEnumConstants()[0]).name();
		}
		return null;
	}

	/** Plausible values by field name, so that a body passes every check but the one a case breaks. */
	private Object plausible(String name, Class<?> type) {
		if (type == String.class) {
			return switch (name) {
				case "matter" -> MATTER;
				case "region" -> "430102";
				case "id", "subject", "holder", "idNumber" -> alice.idNumber();
				case "username" -> alice.username();
				case "password" -> "hostile-pass-2";
				case "mobile" -> "13800138000";
				case "procedure" -> "EXPERT_REVIEW";
				case "purpose" -> "退休一件事申请";
				case "hall" -> "430102-HALL";
				case "department" -> "430102-MARKET_REGULATION";
				case "trackingNumber" -> "EA123456789CN";
				case "authorisation" -> aliceFile;
				case "attachments.value" -> aliceFile;
				default -> null;
			};
		}
		if (Map.class.isAssignableFrom(type)) {
			return switch (name) {
				case "form", "corrections" -> "EMPLOYER_NAME";
				case "answers" -> "RETIREMENT_KIND";
				case "attachments" -> "PERSONNEL_FILE";
				case "body" -> "APPLICANT_NAME";
				default -> "KEY";
			};
		}
		if (type == int.class || type == Integer.class) {
			return switch (name) {
				case "version" -> 0;
				case "level" -> 1;
				case "maxWorkingDays" -> 5;
				case "validDays" -> 30;
				case "year" -> 2026;
				default -> 1;
			};
		}
		return null;
	}

	// ------------------------------------------------------------------ applications and drafts

	private List<Case> applicationCases() {
		List<Case> cases = new ArrayList<>();
		Map<String, Object> draft = Map.of("matter", MATTER, "answers", RETIREMENT);
		Map<String, Map<String, Object>> hostile = new LinkedHashMap<>();
		hostile.put("three made-up form keys", Map.of("form", Map.of("NO_SUCH_1", "x", "NO_SUCH_2", "y", "NO_SUCH_3", "z")));
		hostile.put("a form value of 2,001 characters", Map.of("form", Map.of("EMPLOYER_NAME", "厂".repeat(2_001))));
		hostile.put("a name of 51 characters", Map.of("applicant", Map.of("kind", "PERSON", "id", "@ALICE", "name", "张".repeat(51))));
		hostile.put("a name of zero-width characters", Map.of("applicant", Map.of("kind", "PERSON", "id", "@ALICE", "name", "\u200B\u200B\u200D")));
		hostile.put("a name with a line break", Map.of("applicant", Map.of("kind", "PERSON", "id", "@ALICE", "name", "张\n三")));
		hostile.put("an applicant ID with a wrong check digit",
				Map.of("applicant", Map.of("kind", "PERSON", "id", "110105194912310021", "name", "张三")));
		hostile.put("an attachment reference that is a path", Map.of("attachments", Map.of("PERSONNEL_FILE", "../../etc/passwd")));
		hostile.put("someone else's upload", Map.of("attachments", Map.of("PERSONNEL_FILE", "@BOB_FILE")));
		hostile.put("an upload that does not exist", Map.of("attachments", Map.of("PERSONNEL_FILE", "0".repeat(64))));
		hostile.put("a made-up material as attachment key", Map.of("attachments", Map.of("../../etc/passwd", "@ALICE_FILE")));
		hostile.put("a made-up question", Map.of("answers", Map.of("NO_SUCH_QUESTION", List.of("YES"))));
		hostile.put("a made-up option", Map.of("answers", Map.of("RETIREMENT_KIND", List.of("NO_SUCH_OPTION"))));
		hostile.put("a made-up commitment", Map.of("commitments", List.of("NO_SUCH_MATERIAL")));
		hostile.put("a correction for a made-up field", Map.of("corrections", Map.of("NO_SUCH_FIELD", "因为")));
		hostile.put("an address of 201 characters", Map.of("delivery", Map.of("method", "FREE_MAIL", "recipient", "张三", "mobile",
				"13800138000", "address", "路".repeat(201))));
		hostile.put("a matter code of SQL", Map.of("matter", SQL));
		hostile.put("a consent id that is a path", Map.of("consentId", "../../etc/passwd"));
		Map<String, String> expectedField = Map.ofEntries(Map.entry("three made-up form keys", "form.NO_SUCH_1"),
				Map.entry("a form value of 2,001 characters", "form.EMPLOYER_NAME"), Map.entry("a name of 51 characters", "applicant.name"),
				Map.entry("a name of zero-width characters", "applicant.name"), Map.entry("a name with a line break", "applicant.name"),
				Map.entry("an applicant ID with a wrong check digit", "applicant.id"),
				Map.entry("an attachment reference that is a path", "attachments.PERSONNEL_FILE"),
				Map.entry("someone else's upload", "attachments.PERSONNEL_FILE"),
				Map.entry("an upload that does not exist", "attachments.PERSONNEL_FILE"),
				Map.entry("a made-up material as attachment key", "attachments"), Map.entry("a made-up question", "answers.NO_SUCH_QUESTION"),
				Map.entry("a made-up option", "answers.RETIREMENT_KIND"), Map.entry("a made-up commitment", "commitments"),
				Map.entry("a correction for a made-up field", "corrections.NO_SUCH_FIELD"),
				Map.entry("an address of 201 characters", "delivery.address"), Map.entry("a matter code of SQL", "matter"),
				Map.entry("a consent id that is a path", "consentId"));
		hostile.forEach((kind, part) -> {
			cases.add(Case.refused("POST /api/v1/drafts: " + kind, () -> {
				Map<String, Object> body = new HashMap<>(draft);
				body.putAll(resolve(part));
				return asApplicant(alice, json("POST", "/api/v1/drafts", body));
			}, expectedField.get(kind), 400));
			cases.add(Case.refused("PUT /api/v1/drafts/{id}: " + kind, () -> asApplicant(alice,
					json("PUT", "/api/v1/drafts/" + draftId + "?version=" + draftVersion(), resolve(part))), expectedField.get(kind), 400));
			cases.add(Case.refused("POST /api/v1/applications: " + kind, () -> {
				Map<String, Object> body = application(alice, MATTER, RETIREMENT);
				body.putAll(resolve(part));
				return asApplicant(alice, json("POST", "/api/v1/applications", body)).with("Idempotency-Key", UUID.randomUUID().toString());
			}, expectedField.get(kind), 400));
		});
		cases.add(Case.refused("POST /api/v1/drafts: 50,000 form keys", () -> asApplicant(alice, Exchange.of("POST", "/api/v1/drafts",
				raw("{\"matter\":\"" + MATTER + "\",\"form\":" + manyKeys(50_000) + "}"), "Content-Type", "application/json")), null, 413));
		cases.add(Case.refused("POST /api/v1/drafts: a form value of 10 MB", () -> asApplicant(alice, Exchange.of("POST", "/api/v1/drafts",
				raw("{\"matter\":\"" + MATTER + "\",\"form\":{\"EMPLOYER_NAME\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}}"), "Content-Type",
				"application/json")), null, 413));
		cases.add(Case.refused("POST /api/v1/drafts: a name of 1 MB", () -> asApplicant(alice, Exchange.of("POST", "/api/v1/drafts",
				raw("{\"matter\":\"" + MATTER + "\",\"applicant\":{\"kind\":\"PERSON\",\"id\":\"" + alice.idNumber() + "\",\"name\":\""
						+ "张".repeat(1024 * 1024 / 3 + 10) + "\"}}"), "Content-Type", "application/json")), null, 413));
		cases.add(Case.refused("POST /api/v1/applications: an Idempotency-Key of 201 characters", () -> asApplicant(alice,
				json("POST", "/api/v1/applications", application(alice, MATTER, RETIREMENT))).with("Idempotency-Key", "k".repeat(201)),
				"Idempotency-Key", 400));
		// dates of the form: a birth date in the future or before 1900, another date more than a century away
		for (String date : List.of("9999-12-31", "0000-01-01", "1899-12-31", "2026-03-03")) {
			cases.add(Case.refused("POST /api/v1/applications: a newborn's birth date " + date, () -> {
				Map<String, Object> body = application(alice, "HN-NEWBORN", completeAnswers("HN-NEWBORN"));
				((Map<String, Object>) body.get("form")).put("NEWBORN_BIRTH_DATE", date);
				return asApplicant(alice, json("POST", "/api/v1/applications", body)).with("Idempotency-Key", UUID.randomUUID().toString());
			}, "form.NEWBORN_BIRTH_DATE", 400));
		}
		for (String number : List.of("1e309", "-1", "NaN", "12,5", "99999999999999999999")) {
			cases.add(Case.refused("POST /api/v1/applications: a transaction price of " + number, () -> {
				Map<String, Object> body = application(alice, "HN-RESALE-HOUSING-TRANSFER", completeAnswers("HN-RESALE-HOUSING-TRANSFER"));
				((Map<String, Object>) body.get("form")).put("TRANSACTION_PRICE", number);
				return asApplicant(alice, json("POST", "/api/v1/applications", body)).with("Idempotency-Key", UUID.randomUUID().toString());
			}, "form.TRANSACTION_PRICE", 400));
		}
		// a draft may be incomplete, but not hold a date or a number nobody has
		Map<String, Map<String, String>> drafts = new LinkedHashMap<>();
		drafts.put("HN-NEWBORN", Map.of("NEWBORN_BIRTH_DATE", "9999-12-31"));
		drafts.put("HN-RESALE-HOUSING-TRANSFER", Map.of("TRANSACTION_PRICE", "1e309"));
		drafts.forEach((matter, form) -> form.forEach((element, value) -> cases.add(Case.refused(
				"POST /api/v1/drafts: " + element + " of " + value, () -> asApplicant(alice, json("POST", "/api/v1/drafts",
						Map.of("matter", matter, "form", Map.of(element, value)))), "form." + element, 400))));
		// script and markup: refused, or stored as the very characters they are and given back as a JSON string
		for (String markup : List.of(SCRIPT, IMG, SQL)) {
			cases.add(Case.refusedOrInert("POST /api/v1/drafts: markup kept inert in a form value: " + markup,
					() -> asApplicant(alice, json("POST", "/api/v1/drafts", Map.of("matter", MATTER, "form", Map.of("EMPLOYER_NAME", markup)))),
					answer -> {
						assertThat(answer.contentType()).startsWith("application/json");
						assertThat((String) answer.json("$.form.EMPLOYER_NAME.value")).isEqualTo(markup);
						Answer read = send(asApplicant(alice, Exchange.of("GET", "/api/v1/applications/" + answer.json("$.id"), null)));
						assertThat(read.contentType()).startsWith("application/json");
						assertThat((String) read.json("$.form.EMPLOYER_NAME.value")).isEqualTo(markup);
						assertThat(read.body()).doesNotContain("&lt;", "&quot;");
						send(asApplicant(alice, Exchange.of("DELETE", "/api/v1/drafts/" + answer.json("$.id"), null)));
					}, 400));
		}
		return cases;
	}

	/** The part with the world's values put in for their placeholders. */
	@SuppressWarnings("unchecked")
	private Map<String, Object> resolve(Map<String, Object> part) {
		Map<String, Object> resolved = new LinkedHashMap<>();
		part.forEach((k, v) -> resolved.put(k, v instanceof Map<?, ?> m ? resolve((Map<String, Object>) m) : placeholder(v)));
		return resolved;
	}

	private Object placeholder(Object value) {
		if (!(value instanceof String text)) {
			return value;
		}
		return switch (text) {
			case "@ALICE" -> alice.idNumber();
			case "@ALICE_FILE" -> aliceFile;
			case "@BOB_FILE" -> bobFile;
			default -> text;
		};
	}

	private int draftVersion() {
		return send(asApplicant(alice, Exchange.of("GET", "/api/v1/applications/" + draftId, null))).json("$.version");
	}

	// ------------------------------------------------------------------ uploads

	private List<Case> uploadCases() {
		List<Case> cases = new ArrayList<>();
		record Upload(String kind, String name, String type, byte[] content, String field, int status) {
		}
		List<Upload> uploads = List.of(
				new Upload("an executable declared as PDF", "letter.pdf", "application/pdf", new byte[] { 'M', 'Z', 0, 0, 1, 2 }, "file", 400),
				new Upload("a PDF declared as PNG", "photo.png", "image/png", pdf("not a png"), "file", 400),
				new Upload("a PDF declared as JPEG", "photo.jpg", "image/jpeg", pdf("not a jpeg"), "file", 400),
				new Upload("a PDF declared as OFD", "letter.ofd", "application/ofd", pdf("not an ofd"), "file", 400),
				new Upload("HTML with script", "page.html", "text/html", SCRIPT.getBytes(StandardCharsets.UTF_8), "file", 415),
				new Upload("SVG with script", "image.svg", "image/svg+xml",
						("<svg xmlns=\"http://www.w3.org/2000/svg\">" + SCRIPT + "</svg>").getBytes(StandardCharsets.UTF_8), "file", 415),
				new Upload("no declared type", "letter.pdf", "application/octet-stream", pdf("octets"), "file", 415),
				new Upload("an empty file", "letter.pdf", "application/pdf", new byte[0], "file", 400),
				new Upload("a file name going up", "../../etc/passwd", "application/pdf", pdf("traversal"), "file", 400),
				new Upload("an absolute file name", "/etc/passwd", "application/pdf", pdf("absolute"), "file", 400),
				new Upload("a Windows path as file name", "C:\\Windows\\win.ini", "application/pdf", pdf("windows"), "file", 400),
				new Upload("a file name with a bidi override", "invoice\u202Efdp.exe", "application/pdf", pdf("bidi"), "file", 400),
				new Upload("a file name with a control character", "a\u0007b.pdf", "application/pdf", pdf("control"), "file", 400),
				new Upload("a file name of 300 characters", "a".repeat(296) + ".pdf", "application/pdf", pdf("long"), "file", 400));
		for (Upload u : uploads) {
			cases.add(Case.refused("POST /api/v1/attachments: " + u.kind(), () -> {
				Multipart parts = new Multipart().file("file", u.name(), u.type(), u.content());
				return asApplicant(alice, Exchange.of("POST", "/api/v1/attachments", parts.bytes(), "Content-Type", parts.contentType()));
			}, u.field(), u.status()));
		}
		cases.add(Case.refused("POST /api/v1/attachments: 21 MB", () -> {
			byte[] big = new byte[21 * 1024 * 1024];
			System.arraycopy(pdf("big"), 0, big, 0, 20);
			Multipart parts = new Multipart().file("file", "big.pdf", "application/pdf", big);
			return asApplicant(alice, Exchange.of("POST", "/api/v1/attachments", parts.bytes(), "Content-Type", parts.contentType()));
		}, null, 413));
		cases.add(Case.refused("POST /api/v1/attachments: no file part", () -> {
			Multipart parts = new Multipart().field("other", "x");
			return asApplicant(alice, Exchange.of("POST", "/api/v1/attachments", parts.bytes(), "Content-Type", parts.contentType()));
		}, "file", 400));
		cases.add(Case.refused("POST /api/v1/attachments: JSON instead of a file", () -> asApplicant(alice,
				Exchange.of("POST", "/api/v1/attachments", raw("{\"file\":\"x\"}"), "Content-Type", "application/json")), null, 415));
		cases.add(Case.refused("POST /api/v1/attachments: a broken multipart body", () -> asApplicant(alice,
				Exchange.of("POST", "/api/v1/attachments", raw("--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc"),
						"Content-Type", "multipart/form-data; boundary=x")), null, 400));
		// the public verification of documents: anything but a PDF of at most 5 MB is refused on the field, nothing stored
		String verification = "POST /api/v1/documents/verification";
		List<Upload> documents = List.of(new Upload("an empty file", "notice.pdf", "application/pdf", new byte[0], "file", 400),
				new Upload("not a PDF", "notice.pdf", "application/pdf", "hello".getBytes(StandardCharsets.UTF_8), "file", 400),
				new Upload("6 MB", "notice.pdf", "application/pdf", sixMegabytes(), "file", 400));
		for (Upload u : documents) {
			cases.add(Case.refused(verification + ": " + u.kind(), () -> {
				Multipart parts = new Multipart().file("file", u.name(), u.type(), u.content());
				return Exchange.of("POST", "/api/v1/documents/verification", parts.bytes(), "Content-Type", parts.contentType());
			}, u.field(), u.status()));
		}
		cases.add(Case.refused(verification + ": no file part", () -> {
			Multipart parts = new Multipart().field("other", "x");
			return Exchange.of("POST", "/api/v1/documents/verification", parts.bytes(), "Content-Type", parts.contentType());
		}, "file", 400));
		cases.add(Case.refused(verification + ": JSON instead of a file", () -> Exchange.of("POST", "/api/v1/documents/verification",
				raw("{\"file\":\"x\"}"), "Content-Type", "application/json"), null, 415));
		cases.add(Case.refused(verification + ": 21 MB", () -> {
			byte[] big = new byte[21 * 1024 * 1024];
			System.arraycopy(pdf("big"), 0, big, 0, 20);
			Multipart parts = new Multipart().file("file", "big.pdf", "application/pdf", big);
			return Exchange.of("POST", "/api/v1/documents/verification", parts.bytes(), "Content-Type", parts.contentType());
		}, null, 413));
		return cases;
	}

	// ------------------------------------------------------------------ supplements, the window and the departments

	private List<Case> caseHandlingCases() {
		List<Case> cases = new ArrayList<>();
		String supplement = "/api/v1/cases/%s/supplement";
		Map<String, Map<String, Object>> supplied = new LinkedHashMap<>();
		supplied.put("someone else's upload", Map.of("attachments", Map.of("PERSONNEL_FILE", "@BOB_FILE")));
		supplied.put("a reference that is a path", Map.of("attachments", Map.of("PERSONNEL_FILE", "../../etc/passwd")));
		supplied.put("an upload that does not exist", Map.of("attachments", Map.of("PERSONNEL_FILE", "f".repeat(64))));
		supplied.put("an empty reference", Map.of("attachments", Map.of("PERSONNEL_FILE", "")));
		supplied.put("a note of 1,001 characters", Map.of("note", "补".repeat(1_001)));
		Map<String, String> fields = Map.of("someone else's upload", "attachments.PERSONNEL_FILE", "a reference that is a path",
				"attachments.PERSONNEL_FILE", "an upload that does not exist", "attachments.PERSONNEL_FILE", "an empty reference",
				"attachments.PERSONNEL_FILE", "a note of 1,001 characters", "note");
		supplied.forEach((kind, body) -> cases.add(Case.refused("POST /api/v1/cases/{id}/supplement: " + kind,
				() -> asApplicant(alice, json("POST", supplement.formatted(caseId), resolve(body))), fields.get(kind), 400)));
		cases.add(Case.refused("POST /api/v1/cases/{id}/supplement: 51 attachments", () -> {
			Map<String, Object> many = new LinkedHashMap<>();
			IntStream.range(0, 51).forEach(i -> many.put("M" + i, aliceFile));
			return asApplicant(alice, json("POST", supplement.formatted(caseId), Map.of("attachments", many)));
		}, "attachments", 400));
		cases.add(Case.refused("POST /api/v1/cases/{id}/supplement: by someone else's account with their own upload",
				() -> asApplicant(bob, json("POST", supplement.formatted(caseId), Map.of("attachments", Map.of("PERSONNEL_FILE", bobFile)))),
				null, 404));
		String window = "/api/v1/cases/" + "%s";
		cases.add(Case.refused("POST /api/v1/cases/{id}/refusal: a reason of 1,001 characters", () -> staff(WINDOW, "onego-window",
				json("POST", window.formatted(caseId) + "/refusal", Map.of("version", 0, "reason", "因".repeat(1_001), "legalBasis", "依据"))),
				"reason", 400));
		cases.add(Case.refused("POST /api/v1/cases/{id}/supplement-request: 51 requests", () -> staff(WINDOW, "onego-window",
				json("POST", window.formatted(caseId) + "/supplement-request", Map.of("version", 0, "requests",
						IntStream.range(0, 51).mapToObj(i -> Map.of("subject", "材料" + i, "why", "缺")).toList()))), "requests", 400));
		cases.add(Case.refused("POST /api/v1/cases/{id}/supplement-request: a reason of 1,001 characters", () -> staff(WINDOW, "onego-window",
				json("POST", window.formatted(caseId) + "/supplement-request", Map.of("version", 0, "requests",
						List.of(Map.of("subject", "材料", "why", "缺".repeat(1_001)))))), "requests[0].why", 400));
		cases.add(Case.refused("POST /api/v1/cases/{id}/supplement-request: a subject with a line break", () -> staff(WINDOW, "onego-window",
				json("POST", window.formatted(caseId) + "/supplement-request", Map.of("version", 0, "requests",
						List.of(Map.of("subject", "材\n料", "why", "缺"))))), "requests[0].subject", 400));
		cases.add(Case.refused("POST /api/v1/cases/{id}/acceptance: 51 gaps", () -> staff(WINDOW, "onego-window",
				json("POST", window.formatted(caseId) + "/acceptance", Map.of("version", 0, "gaps",
						IntStream.range(0, 51).mapToObj(i -> "M" + i).toList(), "gapWorkingDays", 1))), "gaps", 400));
		cases.add(Case.refused("POST /api/v1/cases/{id}/acceptance: a gap of SQL", () -> staff(WINDOW, "onego-window",
				json("POST", window.formatted(caseId) + "/acceptance", Map.of("version", versionOfCase(), "gaps", List.of(SQL),
						"gapWorkingDays", 1))), "gaps", 400));
		cases.add(Case.refused("POST /api/v1/cases/{id}/issue: a tracking number of 65 characters", () -> staff(WINDOW, "onego-window",
				json("POST", window.formatted(caseId) + "/issue", Map.of("version", 0, "trackingNumber", "E".repeat(65)))),
				"trackingNumber", 400));
		// a made-up task, verification or rectification: who may act on it is asked before what the request holds,
		// so the answer is 404 whatever the body (nobody learns anything about an id that is not theirs)
		String task = "/api/v1/tasks/" + UUID.randomUUID();
		cases.add(Case.refused("POST /api/v1/tasks/{id}/approval: a licence number with a line break", () -> staff(REVIEWER,
				"onego-reviewer", json("POST", task + "/approval", Map.of("version", 0, "number", "NO\n1", "notice", "准予"))), null, 404));
		cases.add(Case.refused("POST /api/v1/tasks/{id}/suspension: 251 working days", () -> staff(REVIEWER, "onego-reviewer",
				json("POST", task + "/suspension", Map.of("version", 0, "procedure", "EXPERT_REVIEW", "reason", "专家评审", "maxWorkingDays",
						251))), null, 404));
		cases.add(Case.refused("POST /api/v1/tasks/{id}/suspension: a made-up procedure", () -> staff(REVIEWER, "onego-reviewer",
				json("POST", task + "/suspension", Map.of("version", 0, "procedure", SQL, "reason", "专家评审", "maxWorkingDays", 5))), null, 404));
		cases.add(Case.refused("POST /api/v1/verifications/{id}: a finding of 1,001 characters", () -> staff(REVIEWER, "onego-reviewer",
				json("POST", "/api/v1/verifications/" + UUID.randomUUID(), Map.of("passed", true, "finding", "核".repeat(1_001)))), null, 404));
		String rating = "/api/v1/cases/%s/rating";
		Map<String, Map<String, Object>> ratings = new LinkedHashMap<>();
		ratings.put("a comment of 501 characters", Map.of("level", 1, "channel", "PC", "comment", "好".repeat(501)));
		ratings.put("11 tags", Map.of("level", 1, "channel", "PC", "tags", IntStream.range(0, 11).mapToObj(i -> "t" + i).toList()));
		ratings.put("a tag of 21 characters", Map.of("level", 1, "channel", "PC", "tags", List.of("t".repeat(21))));
		ratings.put("level 6", Map.of("level", 6, "channel", "PC"));
		ratings.put("level -1", Map.of("level", -1, "channel", "PC"));
		ratings.put("a department not in the case", Map.of("level", 1, "channel", "PC", "department", SQL));
		Map<String, String> ratingFields = Map.of("a comment of 501 characters", "comment", "11 tags", "tags", "a tag of 21 characters",
				"tags[0]", "level 6", "level", "level -1", "level", "a department not in the case", "department");
		ratings.forEach((kind, body) -> cases.add(Case.refused("POST /api/v1/cases/{id}/rating: " + kind,
				() -> asApplicant(alice, json("POST", rating.formatted(caseId), body)), ratingFields.get(kind), 400)));
		// 撤回申请: what is wrong with the reason is said before the case is withdrawn (it stays as it was)
		String withdrawal = "/api/v1/cases/%s/withdrawal";
		cases.add(Case.refused("POST /api/v1/cases/{id}/withdrawal: a reason of 1,001 characters",
				() -> asApplicant(alice, json("POST", withdrawal.formatted(caseId), Map.of("reason", "撤".repeat(1_001)))), "reason", 400));
		cases.add(Case.refused("POST /api/v1/cases/{id}/withdrawal: a reason with a NUL byte",
				() -> asApplicant(alice, json("POST", withdrawal.formatted(caseId), Map.of("reason", "不办了\u0000"))), "reason", 400));
		cases.add(Case.refused("POST /api/v1/cases/{id}/withdrawal: by someone else's account",
				() -> asApplicant(bob, json("POST", withdrawal.formatted(caseId), Map.of("reason", "x"))), null, 404));
		String rectification = "/api/v1/rectifications/" + UUID.randomUUID();
		cases.add(Case.refused("POST /api/v1/rectifications/{id}/verification: a finding of 1,001 characters", () -> staff(WINDOW,
				"onego-window", json("POST", rectification + "/verification", Map.of("version", 0, "finding", "核".repeat(1_001),
						"justified", true))), null, 404));
		cases.add(Case.refused("POST /api/v1/rectifications/{id}/callback: a note of 1,001 characters", () -> staff(WINDOW,
				"onego-window", json("POST", rectification + "/callback", Map.of("version", 0, "result", "SATISFIED", "note",
						"访".repeat(1_001)))), null, 404));
		return cases;
	}

	private int versionOfCase() {
		return send(asApplicant(alice, Exchange.of("GET", "/api/v1/cases/" + caseId, null))).json("$.caseFile.version");
	}

	// ------------------------------------------------------------------ accounts and staff

	private List<Case> identityCases() {
		List<Case> cases = new ArrayList<>();
		Map<String, Map<String, Object>> accounts = new LinkedHashMap<>();
		accounts.put("a name of zero-width characters", Map.of("name", "\u200B\u200C\u2060"));
		accounts.put("a name of a byte-order mark", Map.of("name", "\uFEFF"));
		accounts.put("a name of 51 characters", Map.of("name", "王".repeat(51)));
		accounts.put("a name of spaces", Map.of("name", "   "));
		accounts.put("an ID number with a wrong check digit", Map.of("idNumber", "110105194912310021"));
		accounts.put("an ID number born 9999-12-31", Map.of("idNumber", withCheck("11010599991231001")));
		accounts.put("an ID number born in the future", Map.of("idNumber", withCheck("11010520300101001")));
		accounts.put("a password of 25 Chinese characters", Map.of("password", "密".repeat(25)));
		accounts.put("a username of SQL", Map.of("username", SQL));
		accounts.put("a username with a path", Map.of("username", "../../etc/passwd"));
		accounts.put("a mobile of letters", Map.of("mobile", "1380013800a"));
		Map<String, String> accountFields = Map.ofEntries(Map.entry("a name of zero-width characters", "name"),
				Map.entry("a name of a byte-order mark", "name"), Map.entry("a name of 51 characters", "name"),
				Map.entry("a name of spaces", "name"), Map.entry("an ID number with a wrong check digit", "idNumber"),
				Map.entry("an ID number born 9999-12-31", "idNumber"), Map.entry("an ID number born in the future", "idNumber"),
				Map.entry("a password of 25 Chinese characters", "password"), Map.entry("a username of SQL", "username"),
				Map.entry("a username with a path", "username"), Map.entry("a mobile of letters", "mobile"));
		// registering happens at the identity provider: its registration endpoint, called as its page does
		accounts.forEach((kind, part) -> cases.add(Case.refused("POST /idp/api/registrations: " + kind, () -> {
			String idNumber = Identities.idNumber();
			Map<String, Object> body = new HashMap<>(Map.of("username", "fresh-" + idNumber.substring(8).toLowerCase(), "password",
					"fresh-pass-1", "name", "新用户", "idNumber", idNumber));
			body.putAll(part);
			return with(json("POST", "/idp/api/registrations", body), idpVisitor());
		}, REGISTRATION_FIELDS.contains(kind) ? accountFields.get(kind) : null, 400)));
		cases.add(Case.refused("POST /idp/api/registrations: a name of 1 MB", () -> with(Exchange.of("POST", "/idp/api/registrations",
				raw("{\"username\":\"big-name\",\"password\":\"12345678\",\"idNumber\":\"" + Identities.idNumber() + "\",\"name\":\""
						+ "名".repeat(400_000) + "\"}"), "Content-Type", "application/json"), idpVisitor()), null, 413));

		Map<String, Map<String, Object>> staff = new LinkedHashMap<>();
		staff.put("a department that does not exist", Map.of("roles", List.of("REVIEWER"), "region", "430102", "department", "430102-NO_SUCH"));
		staff.put("a department of another region", Map.of("roles", List.of("REVIEWER"), "region", "430102", "department",
				"430100-MARKET_REGULATION"));
		staff.put("a department of SQL", Map.of("roles", List.of("REVIEWER"), "region", "430102", "department", SQL));
		staff.put("a hall that does not exist", Map.of("roles", List.of("WINDOW_CLERK"), "region", "430102", "hall", "430102-NO-HALL"));
		staff.put("a hall that is a path", Map.of("roles", List.of("WINDOW_CLERK"), "region", "430102", "hall", "../../etc/passwd"));
		staff.put("a region that does not exist", Map.of("roles", List.of("SUPERVISOR"), "region", "999999"));
		staff.put("a region of LIKE wildcards", Map.of("roles", List.of("SUPERVISOR"), "region", "%"));
		staff.put("a name of zero-width characters", Map.of("roles", List.of("SUPERVISOR"), "region", "430102", "name", "\u200B\u200B"));
		staff.put("a name of 51 characters", Map.of("roles", List.of("SUPERVISOR"), "region", "430102", "name", "李".repeat(51)));
		staff.put("a password of 80 bytes", Map.of("roles", List.of("SUPERVISOR"), "region", "430102", "password", "密码".repeat(14)));
		staff.put("the applicant role", Map.of("roles", List.of("APPLICANT"), "region", "430102"));
		Map<String, String> staffFields = Map.ofEntries(Map.entry("a department that does not exist", "department"),
				Map.entry("a department of another region", "department"), Map.entry("a department of SQL", "department"),
				Map.entry("a hall that does not exist", "hall"), Map.entry("a hall that is a path", "hall"),
				Map.entry("a region that does not exist", "region"), Map.entry("a region of LIKE wildcards", "region"),
				Map.entry("a name of zero-width characters", "name"), Map.entry("a name of 51 characters", "name"),
				Map.entry("a password of 80 bytes", "password"), Map.entry("the applicant role", "roles"));
		staff.forEach((kind, part) -> cases.add(Case.refused("POST /api/v1/admin/staff: " + kind, () -> {
			Map<String, Object> body = new HashMap<>(Map.of("username", "staff-" + UUID.randomUUID().toString().substring(0, 8),
					"password", "staff-pass-1", "name", "测试人员"));
			body.putAll(part);
			return staff("admin", "onego-admin", json("POST", "/api/v1/admin/staff", body));
		}, staffFields.get(kind), 400)));
		return cases;
	}

	// ------------------------------------------------------------------ consent, representation, feeds, calendar

	private List<Case> sharingCases() {
		List<Case> cases = new ArrayList<>();
		Map<String, Object> letter = Map.of("subject", alice.idNumber(), "subjectName", "陈测试", "username", bob.username(),
				"capacity", "RELATIVE", "validUntil", "2027-12-31");
		Map<String, Map<String, Object>> representations = new LinkedHashMap<>();
		representations.put("valid until 9999-12-31", Map.of("validUntil", "9999-12-31"));
		representations.put("valid for six years", Map.of("validUntil", "2032-03-31"));
		representations.put("valid until yesterday", Map.of("validUntil", "2026-03-01"));
		representations.put("a subject with a wrong check digit", Map.of("subject", "110105194912310021"));
		representations.put("someone else's upload as the letter", Map.of("authorisation", "@BOB_FILE"));
		representations.put("a letter that is a path", Map.of("authorisation", "../../etc/passwd"));
		representations.put("a principal named with zero-width characters", Map.of("subjectName", "\u200B\u200B"));
		representations.put("the capacity SELF", Map.of("capacity", "SELF"));
		Map<String, String> fields = Map.of("valid until 9999-12-31", "validUntil", "valid for six years", "validUntil",
				"valid until yesterday", "validUntil", "a subject with a wrong check digit", "subject",
				"someone else's upload as the letter", "authorisation", "a letter that is a path", "authorisation",
				"a principal named with zero-width characters", "subjectName", "the capacity SELF", "capacity");
		representations.forEach((kind, part) -> cases.add(Case.refused("POST /api/v1/representations: " + kind, () -> {
			Map<String, Object> body = new HashMap<>(letter);
			body.put("authorisation", aliceFile);
			body.putAll(resolve(part));
			return asApplicant(alice, json("POST", "/api/v1/representations", body));
		}, fields.get(kind), 400)));

		Map<String, Map<String, Object>> consents = new LinkedHashMap<>();
		consents.put("valid for 2147483648 days", Map.of("validDays", 2147483648L));
		consents.put("valid for -1 days", Map.of("validDays", -1));
		consents.put("a matter of SQL", Map.of("matter", SQL));
		consents.put("a purpose of 201 characters", Map.of("purpose", "用".repeat(201)));
		consents.put("a purpose with a line break", Map.of("purpose", "用\n途"));
		consents.put("51 licence types", Map.of("licenceTypes", IntStream.range(0, 51).mapToObj(i -> "L" + i).toList()));
		consents.put("a registry that does not exist", Map.of("registries", List.of("NO_SUCH_REGISTRY")));
		Map<String, String> consentFields = Map.of("valid for 2147483648 days", "validDays", "valid for -1 days", "validDays",
				"a matter of SQL", "matter", "a purpose of 201 characters", "purpose", "a purpose with a line break", "purpose",
				"51 licence types", "licenceTypes", "a registry that does not exist", "registries");
		consents.forEach((kind, part) -> cases.add(Case.refused("POST /api/v1/consents: " + kind, () -> {
			Map<String, Object> body = new HashMap<>(Map.of("matter", MATTER, "purpose", "退休一件事申请"));
			body.putAll(part);
			return asApplicant(alice, json("POST", "/api/v1/consents", body));
		}, consentFields.get(kind), 400)));
		cases.add(Case.refused("GET /api/v1/consents: a subject with a wrong check digit", () -> asApplicant(alice,
				Exchange.of("GET", "/api/v1/consents?subject=110105194912310021", null)), "subject", 400));

		String feed = "/api/v1/admin/registries/POPULATION/records/";
		cases.add(Case.refused("PUT /api/v1/admin/registries/{registry}/records/{subject}: a subject with a wrong check digit",
				() -> staff("admin", "onego-admin", json("PUT", feed + "110105194912310021", Map.of("APPLICANT_NAME", "张三"))), "subject", 400));
		cases.add(Case.refused("PUT /api/v1/admin/registries/{registry}/records/{subject}: a nested object",
				() -> staff("admin", "onego-admin", json("PUT", feed + alice.idNumber(), Map.of("APPLICANT_NAME", Map.of("a", Map.of("b", 1))))),
				"APPLICANT_NAME", 400));
		cases.add(Case.refused("PUT /api/v1/admin/registries/{registry}/records/{subject}: 101 entries", () -> {
			Map<String, Object> many = new LinkedHashMap<>();
			IntStream.range(0, 101).forEach(i -> many.put("K" + i, "v"));
			return staff("admin", "onego-admin", json("PUT", feed + alice.idNumber(), many));
		}, "body", 400));
		Map<String, Object> licence = Map.of("holder", alice.idNumber(), "licenceType", "RESIDENT_ID_CARD", "number", "HOSTILE-1", "name",
				"居民身份证");
		Map<String, Map<String, Object>> licences = new LinkedHashMap<>();
		licences.put("a holder with a wrong check digit", Map.of("holder", "110105194912310021"));
		licences.put("issued on 9999-12-31", Map.of("issuedOn", "9999-12-31"));
		licences.put("issued tomorrow", Map.of("issuedOn", "2026-03-03"));
		licences.put("valid until before it was issued", Map.of("issuedOn", "2020-01-01", "validUntil", "2019-01-01"));
		licences.put("a number of 65 characters", Map.of("number", "N".repeat(65)));
		licences.put("a name of zero-width characters", Map.of("name", "\u200B"));
		Map<String, String> licenceFields = Map.of("a holder with a wrong check digit", "holder", "issued on 9999-12-31", "issuedOn",
				"issued tomorrow", "issuedOn", "valid until before it was issued", "validUntil", "a number of 65 characters", "number",
				"a name of zero-width characters", "name");
		licences.forEach((kind, part) -> cases.add(Case.refused("POST /api/v1/admin/e-licences: " + kind, () -> {
			Map<String, Object> body = new HashMap<>(licence);
			body.putAll(part);
			return staff("admin", "onego-admin", json("POST", "/api/v1/admin/e-licences", body));
		}, licenceFields.get(kind), 400)));

		cases.add(Case.refused("POST /api/v1/admin/calendar/years: a holiday from 2000 to 2100", () -> staff("admin", "onego-admin",
				json("POST", "/api/v1/admin/calendar/years", Map.of("year", 2099, "source", "国办发明电〔2098〕1号", "off",
						List.of(Map.of("from", "2000-01-01", "to", "2100-12-31", "name", "永远"))))), "off[0]", 400));
		cases.add(Case.refused("POST /api/v1/admin/calendar/years: 51 holidays", () -> staff("admin", "onego-admin",
				json("POST", "/api/v1/admin/calendar/years", Map.of("year", 2099, "source", "国办发明电〔2098〕1号", "off",
						IntStream.range(0, 51).mapToObj(i -> Map.of("from", "2099-01-01", "to", "2099-01-01", "name", "节")).toList()))),
				"off", 400));
		cases.add(Case.refused("POST /api/v1/admin/calendar/years: a holiday named with a line break", () -> staff("admin", "onego-admin",
				json("POST", "/api/v1/admin/calendar/years", Map.of("year", 2099, "source", "国办发明电〔2098〕1号", "off",
						List.of(Map.of("from", "2099-01-01", "to", "2099-01-01", "name", "元\n旦"))))), "off[0].name", 400));
		cases.add(Case.refused("POST /api/v1/admin/calendar/days: a region of LIKE wildcards", () -> staff("admin", "onego-admin",
				json("POST", "/api/v1/admin/calendar/days", Map.of("region", "43%", "day", "2026-05-04", "kind", "OFF", "name", "地方节日"))),
				"region", 400));
		cases.add(Case.refused("POST /api/v1/admin/calendar/days: a name of zero-width characters", () -> staff("admin", "onego-admin",
				json("POST", "/api/v1/admin/calendar/days", Map.of("region", "430102", "day", "2026-05-04", "kind", "OFF", "name",
						"\u200B\u200B"))), "name", 400));
		return cases;
	}

	// ------------------------------------------------------------------ searches and filters

	private List<Case> queryCases() {
		List<Case> cases = new ArrayList<>();
		String statistics = "/api/v1/evaluation/statistics?from=2026-01-01&to=2026-03-01&region=";
		for (String region : List.of("%25", "%2525", "_", "4301%25", "43__00", "%27%20OR%201%3D1%20--", "%5C", "4".repeat(400))) {
			cases.add(Case.refused("GET /api/v1/evaluation/statistics: region=" + region.substring(0, Math.min(20, region.length())),
					() -> staff("supervisor", "onego-supervisor", Exchange.of("GET", statistics + region, null)), "region", 400));
			cases.add(Case.refused("GET /api/v1/supervision/dashboard: region=" + region.substring(0, Math.min(20, region.length())),
					() -> staff("supervisor", "onego-supervisor", Exchange.of("GET", "/api/v1/supervision/dashboard?region=" + region, null)),
					"region", 400));
		}
		// the service guide: a region is six digits, a matter a code; neither reaches a query as it was sent
		for (String region : List.of("%25", "43%2501", "%27%20OR%201%3D1%20--", "4".repeat(400), "%00")) {
			for (String guide : List.of("/api/v1/matters/HN-CATERING/guide?region=", "/api/v1/matters/HN-CATERING/guide.pdf?region=")) {
				cases.add(Case.refused("GET " + guide.substring(guide.lastIndexOf('/')) + region.substring(0, Math.min(20, region.length())),
						() -> Exchange.of("GET", guide + region, null), "region", 400));
			}
		}
		cases.add(Case.refused("GET /api/v1/matters/{code}/guide: a code of 65 characters",
				() -> Exchange.of("GET", "/api/v1/matters/" + "M".repeat(65) + "/guide", null), "code", 400));
		for (String q : List.of("%25", "_", "%5C", "%25%25", "%27%20OR%201%3D1%20--", "%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")) {
			for (String path : List.of("/api/v1/matters?q=", "/api/v1/regions?q=")) {
				cases.add(Case.refusedOrInert("GET " + path + q + " matches only itself", () -> Exchange.of("GET", path + q, null),
						answer -> assertThat((List<?>) answer.json("$")).isEmpty(), 400));
			}
		}
		return cases;
	}

	// ------------------------------------------------------------------ catalogue imports

	private List<Case> catalogueCases() {
		List<Case> cases = new ArrayList<>();
		String imports = "/api/v1/admin/catalog/imports";
		StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
		for (char c = 'b'; c <= 'i'; c++) {
			char previous = (char) (c - 1);
			bomb.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + previous)))
				.append("]\n");
		}
		cases.add(Case.refused("POST " + imports + ": a YAML alias bomb", () -> catalogueImport(Map.of("matters/bomb.yaml", bomb.toString())),
				null, 422));
		cases.add(Case.refused("POST " + imports + ": YAML nested 100 levels", () -> catalogueImport(Map.of("matters/deep.yaml",
				"- ".repeat(100) + "x\n")), null, 422));
		cases.add(Case.refused("POST " + imports + ": a recursive key", () -> catalogueImport(Map.of("matters/recursive.yaml",
				"&a [*a]: 1\n")), null, 422));
		cases.add(Case.refused("POST " + imports + ": YAML with a NUL character", () -> catalogueImport(Map.of("matters/nul.yaml",
				"- code: A\u0000B\n")), null, 422));
		cases.add(Case.refused("POST " + imports + ": a file of 3 MB", () -> catalogueImport(Map.of("matters/big.yaml",
				"# " + "x".repeat(3 * 1024 * 1024) + "\n")), "files", 413));
		cases.add(Case.refused("POST " + imports + ": three files of 1.9 MB", () -> catalogueImport(Map.of("matters/a.yaml",
				"# " + "a".repeat(1_900_000), "matters/b.yaml", "# " + "b".repeat(1_900_000), "matters/c.yaml", "# " + "c".repeat(1_900_000))),
				"files", 413));
		cases.add(Case.refused("POST " + imports + ": a file name going up", () -> catalogueImport(Map.of("../../etc/passwd", "- x\n")),
				"files", 400));
		cases.add(Case.refused("POST " + imports + ": an absolute file name", () -> catalogueImport(Map.of("/etc/passwd", "- x\n")),
				"files", 400));
		cases.add(Case.refused("POST " + imports + ": a file that is not UTF-8", () -> {
			Multipart parts = new Multipart().file("files", "matters/latin1.yaml", "text/plain", new byte[] { '-', ' ', (byte) 0xE9, '\n' });
			return staff("admin", "onego-admin", Exchange.of("POST", imports, parts.bytes(), "Content-Type", parts.contentType()));
		}, "files", 400));
		cases.add(Case.refused("POST " + imports + ": deleting a path going up", () -> {
			Multipart parts = new Multipart().field("delete", "../regions.csv");
			return staff("admin", "onego-admin", Exchange.of("POST", imports, parts.bytes(), "Content-Type", parts.contentType()));
		}, "delete", 400));
		cases.add(Case.refused("POST " + imports + ": a zip bomb", () -> archive(zip(Map.of("matters/bomb.yaml", new byte[100 * 1024 * 1024]))),
				"archive", 413));
		cases.add(Case.refused("POST " + imports + ": a zip entry going up", () -> archive(zip(Map.of("../../etc/passwd", "- x\n".getBytes()))),
				"archive", 400));
		cases.add(Case.refused("POST " + imports + ": an absolute zip entry", () -> archive(zip(Map.of("/etc/cron.d/x", "- x\n".getBytes()))),
				"archive", 400));
		cases.add(Case.refused("POST " + imports + ": a zip of 600 entries", () -> {
			Map<String, byte[]> entries = new LinkedHashMap<>();
			IntStream.range(0, 600).forEach(i -> entries.put("matters/m" + i + ".yaml", "- x\n".getBytes()));
			return archive(zip(entries));
		}, "archive", 413));
		cases.add(Case.refused("POST " + imports + ": an archive that is no zip", () -> archive("PK\u0003\u0004 not really".getBytes()),
				"archive", 400));
		cases.add(Case.refused("POST " + imports + ": a note with a NUL character", () -> {
			Multipart parts = new Multipart().field("note", "a\u0000b");
			return staff("admin", "onego-admin", Exchange.of("POST", imports, parts.bytes(), "Content-Type", parts.contentType()));
		}, null, 400));
		cases.add(Case.refused("POST " + imports + ": no files at all", () -> {
			Multipart parts = new Multipart().field("mode", "MERGE");
			return staff("admin", "onego-admin", Exchange.of("POST", imports, parts.bytes(), "Content-Type", parts.contentType()));
		}, "files", 400));
		String xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		cases.add(Case.refused("POST " + imports + ": a workbook that is a CSV file", () -> workbook("items.xlsx", xlsx,
				"code,name\nA,B\n".getBytes(StandardCharsets.UTF_8)), "workbook", 415));
		cases.add(Case.refused("POST " + imports + ": a workbook that is a zip of something else", () -> workbook("items.xlsx", xlsx,
				zip(Map.of("word/document.xml", "<w/>".getBytes()))), "workbook", 415));
		cases.add(Case.refused("POST " + imports + ": a workbook of 6 MB", () -> workbook("items.xlsx", xlsx, new byte[6 * 1024 * 1024]),
				"workbook", 413));
		cases.add(Case.refused("POST " + imports + ": a workbook that inflates 1000 times (zip bomb)", () -> workbook("items.xlsx", xlsx,
				zip(Map.of("[Content_Types].xml", new byte[0], "xl/worksheets/sheet1.xml", new byte[20 * 1024 * 1024]))), "workbook", 415));
		// the matter composer: a draft is JSON, refused as it is read when hostile, before the catalogue's reader sees it
		String drafts = "/api/v1/admin/catalog/matter-drafts";
		cases.add(Case.refused("POST " + drafts + "/preview: a draft of 10 MB", () -> staff("admin", "onego-admin", Exchange.of("POST",
				drafts + "/preview", ("{\"content\":{\"code\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}}").getBytes(StandardCharsets.UTF_8),
				"Content-Type", "application/json")), null, 413));
		cases.add(Case.refused("POST " + drafts + ": a NUL byte in the matter's name", () -> staff("admin", "onego-admin", Exchange.of("POST",
				drafts, "{\"content\":{\"code\":\"ZZ-NUL\",\"name\":{\"zh\":\"a\\u0000b\"}}}".getBytes(StandardCharsets.UTF_8),
				"Content-Type", "application/json")), "content.name.zh", 400));
		cases.add(Case.refused("GET /api/v1/admin/catalog/versions/{version}/files.zip: a version that does not exist",
				() -> staff("admin", "onego-admin", Exchange.of("GET", "/api/v1/admin/catalog/versions/987654/files.zip", null)), null, 404));
		return cases;
	}

	private Exchange catalogueImport(Map<String, String> files) {
		Multipart parts = new Multipart();
		files.forEach((name, content) -> parts.file("files", name, "text/plain", content.getBytes(StandardCharsets.UTF_8)));
		return staff("admin", "onego-admin", Exchange.of("POST", "/api/v1/admin/catalog/imports", parts.bytes(), "Content-Type",
				parts.contentType()));
	}

	private Exchange workbook(String name, String type, byte[] content) {
		Multipart parts = new Multipart().file("workbook", name, type, content);
		return staff("admin", "onego-admin", Exchange.of("POST", "/api/v1/admin/catalog/imports", parts.bytes(), "Content-Type",
				parts.contentType()));
	}

	private Exchange archive(byte[] zip) {
		Multipart parts = new Multipart().file("archive", "catalogue.zip", "application/zip", zip);
		return staff("admin", "onego-admin", Exchange.of("POST", "/api/v1/admin/catalog/imports", parts.bytes(), "Content-Type",
				parts.contentType()));
	}

	private static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	// ------------------------------------------------------------------ refused by the container itself

	private List<Case> containerCases() {
		List<Case> cases = new ArrayList<>();
		Map<String, String> raw = new LinkedHashMap<>();
		raw.put("a malformed percent-encoding", "GET /api/v1/matters/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("a malformed percent-encoding in the query", "GET /api/v1/matters?q=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("a pipe in the path", "GET /api/v1/matters/a|b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("a backslash in the path", "GET /api/v1/matters/..\\..\\etc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("a space in the path", "GET /api/v1/matters/a b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("an encoded NUL in the path", "GET /api/v1/matters/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("an encoded slash", "GET /api/v1/matters/..%2F..%2Fetc%2Fpasswd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("dot segments", "GET /api/v1/../../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("a path parameter", "GET /api/v1/matters;jsessionid=x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("a header of 20 KB", "GET /api/v1/matters HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		raw.put("a control character in a header", "GET /api/v1/matters HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\nConnection: close\r\n\r\n");
		raw.put("a URL of 20 KB", "GET /api/v1/matters/" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("an unknown method", "BREW /api/v1/matters HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
		raw.put("a body larger than it says", "POST /api/v1/accounts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
				+ "Content-Length: 5000000\r\nConnection: close\r\n\r\n{}");
		raw.forEach((kind, request) -> cases.add(Case.refused("the container: " + kind, () -> Exchange.raw(request), null, 400, 404, 405,
				413, 431, 501)));
		cases.add(Case.refused("the container: HTTP/9.9", () -> Exchange.raw("GET /api/v1/matters HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"),
				null, 400, 505));
		return cases;
	}

	// ------------------------------------------------------------------ uploads: quota and clean-up

	@Test
	void refusesUploadsBeyondTheOwnersDailyQuota() {
		String owner = "quota-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 200; i++) {
			attachments.store(owner, "f" + i + ".pdf", pdf("quota " + owner + " " + i), "application/pdf");
		}
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> attachments.store(owner, "one-more.pdf", pdf("one more " + owner),
				"application/pdf"))
			.isInstanceOf(Attachments.QuotaExceeded.class);
		// another owner is not held to the first one's uploads
		assertThat(attachments.store(owner + "-other", "mine.pdf", pdf("other " + owner), "application/pdf").hash()).hasSize(64);
	}

	@Test
	void deletesUploadsNobodyReferredToAfterSevenDaysAndKeepsTheOthers() {
		Applicant carol = newApplicant();
		String kept = upload(carol, "kept " + UUID.randomUUID());
		String forgotten = upload(carol, "forgotten " + UUID.randomUUID());
		Answer draft = send(asApplicant(carol, json("POST", "/api/v1/drafts", Map.of("matter", MATTER, "applicant",
				Map.of("kind", "PERSON", "id", carol.idNumber(), "name", "陈测试"), "attachments", Map.of("PERSONNEL_FILE", kept)))));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);

		attachments.deleteUnreferenced(clock.instant().plus(Duration.ofDays(6)));
		assertThat(attachments.find(forgotten)).as("six days on, nothing is deleted").isPresent();

		attachments.deleteUnreferenced(clock.instant().plus(Duration.ofDays(8)));
		assertThat(attachments.find(forgotten)).as("eight days on, the upload nobody referred to is gone").isEmpty();
		assertThat(attachments.find(kept)).as("the draft's upload stays").isPresent();
		assertThat(attachments.find(aliceFile)).as("the world's uploads are referred to").isPresent();
	}

	// ------------------------------------------------------------------ helpers

	private Answer send(Exchange exchange) {
		return exchange.send(port);
	}

	private String upload(Applicant applicant, String label) {
		Multipart parts = new Multipart().file("file", "letter.pdf", "application/pdf", pdf(label));
		Answer stored = send(asApplicant(applicant, Exchange.of("POST", "/api/v1/attachments", parts.bytes(), "Content-Type",
				parts.contentType())));
		assertThat(stored.status()).as(stored.body()).isEqualTo(201);
		return stored.json("$.hash");
	}

	private static byte[] pdf(String label) {
		return ("%PDF-1.4\n% " + label + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
	}

	private Exchange json(String method, String path, Object body) {
		return Exchange.of(method, path, body(body), "Content-Type", "application/json");
	}

	private byte[] body(Object value) {
		return json.writeValueAsBytes(value);
	}

	private static byte[] raw(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** The template as JSON with the value (or key) at {@code at} replaced by a raw JSON literal. */
	private String withLiteral(Object template, List<Object> at, boolean key, String literal) {
		String marker = "@@HOSTILE@@";
		String text = json.writeValueAsString(Route.replaced(template, at, key, marker));
		return text.replace("\"" + marker + "\"", literal);
	}

	private static String manyKeys(int count) {
		StringBuilder keys = new StringBuilder("{");
		for (int i = 0; i < count; i++) {
			keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
		}
		return keys.append('}').toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private static Class<?> box(Class<?> type) {
		return type == int.class ? Integer.class : type == long.class ? Long.class : type;
	}

	private static String withCheck(String first17) {
		return first17 + cn.onego.shared.IdNumber.checkCharacter(first17);
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** Answers every question that applies with its first option, until the questionnaire is complete. */
	private Map<String, List<String>> completeAnswers(String matter) {
		Map<String, List<String>> answers = new HashMap<>();
		for (int round = 0; round < 20; round++) {
			Answer guidance = send(json("POST", "/api/v1/matters/" + matter + "/guidance", Map.of("answers", answers)));
			List<Map<String, Object>> open = guidance.json("$.questions[?(@.open == true)]");
			if (open.isEmpty()) {
				return answers;
			}
			for (Map<String, Object> question : open) {
				Map<?, ?> first = (Map<?, ?>) ((List<?>) question.get("options")).get(0);
				answers.put((String) question.get("code"), List.of((String) first.get("value")));
			}
		}
		throw new AssertionError("the questionnaire of " + matter + " does not end");
	}

	/**
	 * A complete, valid application for the matter by the applicant: every form field of the guidance filled
	 * with a valid value, every material to upload uploaded by them, free mail.
	 */
	private Map<String, Object> application(Applicant applicant, String matter, Map<String, List<String>> answers) {
		Map<String, Object> made = applications.computeIfAbsent(applicant.username() + " " + matter + " " + answers,
				key -> newApplication(applicant, matter, answers));
		Map<String, Object> copy = new LinkedHashMap<>(made);
		copy.put("form", new LinkedHashMap<>((Map<?, ?>) made.get("form")));
		return copy;
	}

	private final Map<String, Map<String, Object>> applications = new HashMap<>();

	private Map<String, Object> newApplication(Applicant applicant, String matter, Map<String, List<String>> answers) {
		Answer guidance = send(json("POST", "/api/v1/matters/" + matter + "/guidance", Map.of("answers", answers)));
		assertThat((Boolean) guidance.json("$.complete")).as(guidance.body()).isTrue();
		Map<String, Object> form = new LinkedHashMap<>();
		List<Map<String, Object>> fields = guidance.json("$.form.sections[*].fields[*]");
		for (Map<String, Object> field : fields) {
			form.put((String) field.get("element"), valueFor(field, applicant));
		}
		Map<String, String> uploads = new LinkedHashMap<>();
		List<Map<String, Object>> materials = guidance.json("$.materials");
		for (Map<String, Object> material : materials) {
			boolean upload = Set.of("UPLOAD", "E_LICENCE", "REGISTRY").contains(((Map<?, ?>) material.get("resolution")).get("source"))
					&& Boolean.TRUE.equals(material.get("required"));
			if (upload) {
				uploads.put((String) material.get("code"), upload(applicant, material.get("code") + " " + UUID.randomUUID()));
			}
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("matter", matter);
		body.put("region", "430102");
		body.put("applicant", Map.of("kind", "PERSON", "id", applicant.idNumber(), "name", "陈测试"));
		body.put("answers", answers);
		body.put("form", form);
		body.put("attachments", uploads);
		body.put("delivery", Map.of("method", "FREE_MAIL", "recipient", "陈测试", "mobile", "13800138000", "address",
				"湖南省长沙市芙蓉区五一大道1号"));
		return body;
	}

	private static String valueFor(Map<String, Object> field, Applicant applicant) {
		return CaseWorld.valueFor(field, applicant.idNumber());
	}

	private static byte[] sixMegabytes() {
		byte[] six = new byte[6 * 1024 * 1024];
		byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(head, 0, six, 0, head.length);
		return six;
	}

	/** A multipart/form-data body, built by hand so that file names and parts can be anything. */
	static final class Multipart {

		private final String boundary = "hostile" + UUID.randomUUID().toString().replace("-", "");
		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		Multipart file(String name, String fileName, String type, byte[] content) {
			write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName.replace("\"", "%22")
					+ "\"\r\nContent-Type: " + type + "\r\n\r\n");
			bytes.writeBytes(content);
			write("\r\n");
			return this;
		}

		Multipart field(String name, String value) {
			write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
			return this;
		}

		byte[] bytes() {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			all.writeBytes(bytes.toByteArray());
			all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
			return all.toByteArray();
		}

		String contentType() {
			return "multipart/form-data; boundary=" + boundary;
		}

		private void write(String text) {
			bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
		}
	}

}

package cn.onego.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;
import cn.onego.cases.DeadlineWarnings;
import cn.onego.platform.logging.LogContext;

/**
 * The operators' view of a whole journey — an application submitted, accepted at the window, a task decided:
 * the business counters move on {@code /actuator/prometheus}, which only the monitoring account and system
 * administrators may read; and the application's logs of the journey carry the request id, the case number and
 * the actor, but never the applicant's ID number or a mobile number in full.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OperatorsViewIT {

	static final String MATTER = "HN-CATERING";
	static final String DECIDED_ITEM = "HN-SCJG-ENT-REG";

	@LocalServerPort
	int port;

	@Autowired
	WorkloadGauges gauges;

	@Autowired
	DeadlineWarnings deadlines;

	@Test
	void aJourneyMovesTheBusinessCountersThatOnlyTheMonitoringAccountAndAdministratorsMayScrape() {
		ApiClient api = new ApiClient(port);
		String reader = metricsReader(api);
		Prometheus before = scrape(api, reader);

		Journey journey = journey(api, null);
		// a scan of a day long past changes no colour (other tests' tasks keep theirs) but is a run all the same
		deadlines.scan(LocalDate.of(2000, 1, 3));
		gauges.refresh();

		Prometheus after = scrape(api, reader);
		assertThat(after.sum("onego_submissions_total", "matter", MATTER, "region", "430100")
				- before.sum("onego_submissions_total", "matter", MATTER, "region", "430100")).isEqualTo(1);
		assertThat(after.sum("onego_acceptances_total", "mode", "on_commitment")
				- before.sum("onego_acceptances_total", "mode", "on_commitment")).isEqualTo(1);
		assertThat(after.sum("onego_decisions_total", "item", DECIDED_ITEM, "outcome", "approved")
				- before.sum("onego_decisions_total", "item", DECIDED_ITEM, "outcome", "approved")).isEqualTo(1);
		assertThat(after.sum("onego_deadline_scans_total") - before.sum("onego_deadline_scans_total")).isEqualTo(1);
		// the case's next task waits in its department's queue; the event backlog is watched
		assertThat(after.sum("onego_department_queue", "department", journey.nextDepartment())).isGreaterThanOrEqualTo(1);
		assertThat(after.has("onego_event_publications_oldest_age_seconds")).isTrue();
		assertThat(after.has("onego_registry_reads_seconds_count")).isTrue();
		// no person, no case number as a tag
		assertThat(after.text()).doesNotContain(journey.world().idNumber, journey.number(), journey.world().citizen.mobile());

		// a refused sign-in and a rate-limit refusal are counted too
		assertThat(api.get("/api/v1/me", reader, "wrong-password-1", "X-Forwarded-For", "203.0.113.78").status()).isEqualTo(401);
		Prometheus refused = scrape(api, reader);
		assertThat(refused.sum("onego_sign_in_refusals_total", "reason", "bad_credentials")
				- after.sum("onego_sign_in_refusals_total", "reason", "bad_credentials")).isEqualTo(1);

		// guessing a case's query code runs into the case's look-up limit (20 an hour in the tests): each 429 is
		// counted under its limit (from an address of the test's own, so that no other test's look-ups are held back)
		int refusals = 0;
		for (int i = 0; i < 25; i++) {
			int status = api.get("/api/v1/progress?number=" + journey.number() + "&code=00000000", null, null, "X-Forwarded-For",
					"203.0.113.77").status();
			assertThat(status).isIn(404, 429);
			refusals += status == 429 ? 1 : 0;
		}
		assertThat(refusals).isEqualTo(5);
		Prometheus limited = scrape(api, reader);
		assertThat(limited.sum("onego_rate_limit_refusals_total", "limit", "progress-per-case")
				- refused.sum("onego_rate_limit_refusals_total", "limit", "progress-per-case")).isEqualTo(refusals);

		// only the monitoring account and system administrators read the metrics
		assertThat(api.get("/actuator/prometheus", "admin", "onego-admin").status()).isEqualTo(200);
		assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(journey.world().as(journey.clerk(), "GET", "/actuator/prometheus", null).status()).isEqualTo(403);
		assertThat(journey.world().as(CaseWorld.OBSERVER, "GET", "/actuator/prometheus", null).status()).isEqualTo(403);
		assertThat(journey.world().as(journey.world().applicant, "GET", "/actuator/prometheus", null).status()).isEqualTo(403);
		// and the monitoring account reads nothing else: not the health details, not the staff, not a case
		Response health = api.get("/actuator/health", reader, CaseWorld.PASSWORD);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).doesNotContain("components");
		assertThat(api.get("/api/v1/admin/staff", reader, CaseWorld.PASSWORD).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/cases/" + journey.caseId(), reader, CaseWorld.PASSWORD).status()).isEqualTo(403);
	}

	@Test
	void theLogsOfAJourneyCarryRequestIdCaseNumberAndActorButNoFullIdOrMobileNumber() throws Exception {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		Logger requests = context.getLogger("cn.onego.requests");
		Level level = requests.getLevel();
		Capture capture = new Capture();
		capture.setContext(context);
		capture.start();
		Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		root.addAppender(capture);
		requests.setLevel(Level.INFO);
		Journey journey;
		String requestId = "ops-" + UUID.randomUUID();
		Response stale;
		try {
			ApiClient api = new ApiClient(port);
			journey = journey(api, requestId);
			// a refusal carries the request id in its problem+json, and a log line quoting the numbers is masked
			stale = api.send("POST", "/api/v1/cases/" + journey.caseId() + "/acceptance", journey.clerk(), CaseWorld.PASSWORD,
					Map.of("version", 999), "X-Request-Id", requestId);
			LoggerFactory.getLogger(OperatorsViewIT.class)
				.warn("a careless line about {} (mobile {})", journey.world().idNumber, journey.world().citizen.mobile());
		}
		finally {
			root.detachAppender(capture);
			requests.setLevel(level);
			capture.stop();
		}
		assertThat(stale.status()).isEqualTo(409);
		assertThat((String) stale.json("$.requestId")).isEqualTo(requestId);
		assertThat(stale.entity().getHeaders().getFirst("X-Request-Id")).isEqualTo(requestId);
		// an id that is no sane token (too long, spaces, markup) is not taken over: the request gets its own
		for (String insane : List.of("x".repeat(65), "id with spaces", "<script>")) {
			String answered = new ApiClient(port).get("/api/v1/matters/" + MATTER, null, null, "X-Request-Id", insane)
				.entity().getHeaders().getFirst("X-Request-Id");
			assertThat(answered).isNotEqualTo(insane).matches("[0-9a-f-]{36}");
		}

		List<ILoggingEvent> events = capture.events();
		assertThat(events).isNotEmpty();
		String idNumber = journey.world().idNumber;
		List<String> secrets = List.of(idNumber, idNumber.substring(0, 17), journey.world().citizen.mobile(), journey.world().mobile);
		for (ILoggingEvent event : events) {
			String line = event.getFormattedMessage() + " " + event.getMDCPropertyMap() + " " + throwableText(event.getThrowableProxy());
			for (String secret : secrets) {
				assertThat(line).as("a log line of %s", event.getLoggerName()).doesNotContain(secret);
			}
		}
		assertThat(events).anySatisfy(event -> assertThat(event.getFormattedMessage())
			.contains("a careless line about " + idNumber.substring(0, 4) + "**********" + idNumber.substring(14)));

		// the window's acceptance: its line names the request's id, the case's number and the clerk
		List<ILoggingEvent> acceptance = events.stream()
			.filter(e -> e.getFormattedMessage().startsWith("POST /api/v1/cases/{id}/acceptance answered 200"))
			.toList();
		assertThat(acceptance).hasSize(1);
		Map<String, String> mdc = acceptance.get(0).getMDCPropertyMap();
		assertThat(mdc).containsEntry(LogContext.REQUEST_ID, requestId)
			.containsEntry(LogContext.CASE_NUMBER, journey.number())
			.containsEntry(LogContext.ACTOR, journey.clerk());
		// the applicant's requests name a pseudonym, not the person
		assertThat(events).filteredOn(e -> e.getFormattedMessage().startsWith("POST /api/v1/applications answered 201"))
			.singleElement()
			.satisfies(e -> assertThat(e.getMDCPropertyMap().get(LogContext.ACTOR)).matches("applicant:[0-9a-f]{12}"));

		// written as JSON (the json-logs profile's format), the same line carries them as fields of their own
		StructuredLogEncoder ecs = new StructuredLogEncoder();
		ecs.setContext(context);
		ecs.setFormat("ecs");
		ecs.start();
		String json = new String(ecs.encode(acceptance.get(0)), StandardCharsets.UTF_8);
		assertThat(json).contains("\"request_id\":\"" + requestId + "\"", "\"case_number\":\"" + journey.number() + "\"",
				"\"actor\":\"" + journey.clerk() + "\"");
	}

	// ------------------------------------------------------------------ the journey

	record Journey(CaseWorld world, String caseId, String number, String clerk, String nextDepartment) {
	}

	/** Submits an application, accepts it at the window on the applicant's commitment, approves its first item. */
	private Journey journey(ApiClient api, String requestId) {
		CaseWorld world = new CaseWorld(api);
		String caseId = world.apply(MATTER, CaseWorld.SMALL_SHOP, Set.of(), Set.of("PREMISES_USE_PROOF"));
		String clerk = world.clerkOf(caseId);
		String[] headers = requestId == null ? new String[0] : new String[] { "X-Request-Id", requestId };
		Response accepted = api.send("POST", "/api/v1/cases/" + caseId + "/acceptance", clerk, CaseWorld.PASSWORD,
				Map.of("version", world.caseVersion(caseId)), headers);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(world.approve(caseId, DECIDED_ITEM, Identities.creditCode()).status()).isEqualTo(200);
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
		String next = (String) world.task(caseId, "HN-SCJG-FOOD-LICENCE").get("department");
		return new Journey(world, caseId, number, clerk, next);
	}

	private static String metricsReader(ApiClient api) {
		String username = "prom-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password",
				CaseWorld.PASSWORD, "name", "监控采集", "roles", List.of("METRICS_READER"), "region", "430000"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private static Prometheus scrape(ApiClient api, String reader) {
		Response scraped = api.get("/actuator/prometheus", reader, CaseWorld.PASSWORD);
		assertThat(scraped.status()).as(scraped.body()).isEqualTo(200);
		assertThat(scraped.contentType()).startsWith("text/plain");
		return new Prometheus(scraped.body());
	}

	/** The text exposition format, read just enough: a sample's value by name and some of its labels. */
	record Prometheus(String text) {

		private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)$");

		double sum(String name, String... labels) {
			double sum = 0;
			for (String line : text.split("\n")) {
				Matcher m = SAMPLE.matcher(line);
				if (!m.matches() || !m.group(1).equals(name)) {
					continue;
				}
				String given = m.group(3) == null ? "" : m.group(3);
				boolean all = true;
				for (int i = 0; i < labels.length; i += 2) {
					all &= given.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
				}
				if (all) {
					sum += Double.parseDouble(m.group(4));
				}
			}
			return sum;
		}

		boolean has(String name) {
			return text.lines().anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
		}
	}

	// ------------------------------------------------------------------ the logs

	/** Every event any logger writes while it is attached (after the masking net: what an appender receives). */
	static final class Capture extends AppenderBase<ILoggingEvent> {

		private final List<ILoggingEvent> events = Collections.synchronizedList(new ArrayList<>());

		@Override
		protected void append(ILoggingEvent event) {
			event.prepareForDeferredProcessing();
			events.add(event);
		}

		List<ILoggingEvent> events() {
			synchronized (events) {
				return List.copyOf(events);
			}
		}
	}

	private static String throwableText(IThrowableProxy proxy) {
		StringBuilder text = new StringBuilder();
		for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
			text.append(p.getClassName()).append(": ").append(p.getMessage()).append('\n');
		}
		return text.toString();
	}
}

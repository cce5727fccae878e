package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.ModuleAlone;

/**
 * A case accepted on Christmas Eve 2026, before the State Council has published the 2027 holidays: its limit runs
 * into 2027, which is counted on its weekends alone, and the promised date is shown, told and kept as provisional;
 * administrators are warned that 2027 is missing. When 2027 is loaded the promised date and the tasks' due days are
 * computed again for good, the history says so and the applicant is told.
 * <p>
 * On a database of its own, with the clock starting on 24 December: loading a year is for good, and the other
 * tests' calendar must not change under them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "onego.clock.start=2026-12-24T10:00:00+08:00")
@ActiveProfiles("test")
@DirtiesContext
class ProvisionalDueDaysIT {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private static final LocalDate ACCEPTED_ON = LocalDate.of(2026, 12, 24);
	private static final String POLICE = "430000-PUBLIC_SECURITY";
	private static final String HEAD_PASSWORD = "provisional-test-123";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void promisesAProvisionalDateIntoAnUnpublishedYearAndSettlesItWhenTheYearIsLoaded() {
		ApiClient api = new ApiClient(port);
		CaseWorld world = new CaseWorld(api);
		Response today = api.get("/api/v1/calendar/today");
		assertThat((String) today.json("$.calendarWarning.zh")).as("from 1 November, a missing next year is said")
			.contains("2027年的节假日安排尚未导入");
		assertThat((String) today.json("$.calendarWarning.en")).contains("2027").doesNotContainPattern("\\p{IsHan}");

		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

		Response receipt = world.as(clerk, "GET", "/api/v1/cases/" + caseId + "/receipt", null);
		LocalDate provisional = LocalDate.parse(receipt.json("$.promisedDate"));
		assertThat(provisional).as("the limit runs into 2027").isAfter(LocalDate.of(2026, 12, 31));
		assertThat((Boolean) receipt.json("$.promisedDateProvisional")).isTrue();
		Response view = world.view(world.applicant, caseId);
		assertThat((Boolean) view.json("$.promisedDateProvisional")).isTrue();
		assertThat((Boolean) view.json("$.dueDateProvisional")).isTrue();
		// 2027 counted on its weekends alone: 1 January, a Friday, counts as a working day
		int workingDays = weekdaysAfter(ACCEPTED_ON, provisional);
		assertThat(provisional).isEqualTo(weekdaysLater(ACCEPTED_ON, workingDays));
		String day = PlainWords.day(provisional).zh();
		assertThat(messagesOf(caseId)).anySatisfy(text -> assertThat(text).contains("承诺办结日期" + day + "（暂定"));
		List<String> details = view.json("$.history[*].detail.en");
		assertThat(details).anySatisfy(d -> assertThat(d).contains("promised by " + PlainWords.day(provisional).en() + " (provisional"));

		// two departments' requests for a police resource, made on 30 December: one answer due on 2027's weekends alone,
		// one made before such days were counted at all (no due day)
		String head = policeHead(api);
		UUID counted = openAccessRequest("430102-MARKET_REGULATION", LocalDate.of(2027, 1, 6));
		UUID neverCounted = openAccessRequest("430103-MARKET_REGULATION", null);
		assertThat(answerDue(api, head, counted)).containsEntry("answerDue", "2027-01-06").containsEntry("answerDueProvisional", true);
		// a bad rating of 24 December: its rectification is due 15 working days later, 14 January on 2027's weekends alone
		UUID rectification = openRectification(LocalDate.of(2027, 1, 14));

		// the registration decided: the two items depending on it start, in their departments' queues
		assertThat(world.approve(caseId, "HN-SCJG-ENT-REG", cn.onego.Identities.creditCode()).status()).isEqualTo(200);
		// the food licence's clock as a registration decided on 30 December would have started it: its 5 working days end
		// on 6 January on 2027's weekends alone (decided today, they end on 31 December, before the year)
		UUID food = UUID.fromString((String) world.task(caseId, "HN-SCJG-FOOD-LICENCE").get("id"));
		for (String table : List.of("case_task", "queued_task")) {
			jdbc.sql("UPDATE " + table + " SET started_on = DATE '2026-12-30', due_on = DATE '2027-01-06' WHERE id = ?").param(food).update();
		}
		jdbc.sql("UPDATE open_deadline SET due_on = DATE '2027-01-06' WHERE task_id = ?").param(food).update();

		// the State Council's notice for 2027, as an administrator loads it (test data: only 元旦 and one adjusted day)
		Map<String, Object> notice = Map.of("year", 2027, "source", "测试：2027年部分节假日安排", "off",
				List.of(Map.of("from", "2027-01-01", "to", "2027-01-03", "name", "元旦")), "work", List.of());
		Response loaded = api.send("POST", "/api/v1/admin/calendar/years", "admin", "onego-admin", notice);
		assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);

		LocalDate settled = LocalDate.parse(api.get("/api/v1/calendar/working-days/after?from=" + ACCEPTED_ON + "&days=" + workingDays)
			.json("$.to"));
		assertThat(settled).as("1 January is a holiday after all: one working day later").isAfter(provisional);
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Response now = world.view(world.applicant, caseId);
			assertThat((String) now.json("$.caseFile.promisedDate")).isEqualTo(settled.toString());
			assertThat((Boolean) now.json("$.promisedDateProvisional")).isFalse();
			assertThat((Boolean) now.json("$.dueDateProvisional")).isFalse();
			assertThat((List<Boolean>) now.json("$.tasks[*].dueProvisional")).doesNotContain(true);
			assertThat((List<String>) now.json("$.history[*].action")).contains("PROMISED_DATE_SETTLED");
		});
		// the reviewers' queue (V70) holds the settled days and the tasks' versions, as the case's tasks do: 元旦 is off,
		// the food licence is due a day later
		String queued = "SELECT id, state, due_on, warn_on, version FROM %s WHERE case_id = ?::uuid%s ORDER BY id";
		assertThat(jdbc.sql(queued.formatted("queued_task", "")).param(caseId).query().listOfRows())
			.as("the two started tasks").hasSize(2)
			.anySatisfy(row -> assertThat(row).containsEntry("id", food).containsEntry("due_on", java.sql.Date.valueOf("2027-01-07")))
			.isEqualTo(jdbc.sql(queued.formatted("case_task", " AND state IN ('PENDING', 'CLAIMED', 'AWAITING_SUPPLEMENT', 'SUSPENDED')"))
				.param(caseId).query().listOfRows());
		// 31 December, then 4 to 7 January: 元旦 is off after all
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(answerDue(api, head, counted)).containsEntry("answerDue", "2027-01-07").containsEntry("answerDueProvisional", false);
			assertThat(answerDue(api, head, neverCounted)).containsEntry("answerDue", "2027-01-07");
			assertThat(jdbc.sql("SELECT due_on FROM rectification WHERE id = ?").param(rectification).query(LocalDate.class).single())
				.isEqualTo(LocalDate.of(2027, 1, 15));
		});
		assertThat((Boolean) world.as(clerk, "GET", "/api/v1/cases/" + caseId + "/receipt", null).json("$.promisedDateProvisional"))
			.isFalse();
		assertThat(messagesOf(caseId)).anySatisfy(text -> assertThat(text).contains("确定为" + PlainWords.day(settled).zh()));
		assertThat(api.get("/api/v1/calendar/today").body()).as("nothing left to load").doesNotContain("calendarWarning");
	}

	private String policeHead(ApiClient api) {
		String username = "police-head-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username, "password",
				HEAD_PASSWORD, "name", "公安厅负责人", "roles", List.of("DEPARTMENT_HEAD"), "region", "430000", "department", POLICE));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private UUID openAccessRequest(String requester, LocalDate answerDue) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO resource_access (id, resource, requester, provider, purpose, legal_basis, requested_by, requested_at,
				    answer_due, state)
				VALUES (?, 'POPULATION-HOUSEHOLD', ?, ?, '核对户籍', '《社会救助暂行办法》第十一条', 'someone', ?, ?, 'REQUESTED')""")
			.params(id, requester, POLICE, java.sql.Timestamp.from(java.time.Instant.parse("2026-12-30T02:00:00Z")), answerDue)
			.update();
		return id;
	}

	private UUID openRectification(LocalDate due) {
		UUID rating = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		java.sql.Timestamp ratedAt = java.sql.Timestamp.from(java.time.Instant.parse("2026-12-24T03:00:00Z"));
		jdbc.sql("""
				INSERT INTO rating (id, case_id, case_number, rater, level, channel, comment, matter, hall, region, rated_at)
				VALUES (?, ?, 'TEST-RATED', 'someone', 5, 'ONLINE', '等了太久', 'HN-CATERING', '430102-HALL', '430102', ?)""")
			.params(rating, UUID.randomUUID(), ratedAt)
			.update();
		jdbc.sql("INSERT INTO rectification (id, rating_id, case_id, responsible, state, due_on, opened_at) VALUES (?, ?, ?, '430102-HALL', 'OPEN', ?, ?)")
			.params(id, rating, UUID.randomUUID(), due, ratedAt)
			.update();
		return id;
	}

	private static Map<String, Object> answerDue(ApiClient api, String head, UUID request) {
		List<Map<String, Object>> received = api.get("/api/v1/access-requests", head, HEAD_PASSWORD).json("$.received[?(@.id == '" + request + "')]");
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	private List<String> messagesOf(String caseId) {
		return jdbc.sql("SELECT text_zh FROM notification WHERE case_id = ?::uuid ORDER BY id").param(caseId).query(String.class).list();
	}

	/** Monday to Friday after {@code from} up to and including {@code to} (no holiday of 2026 falls after 24 December). */
	private static int weekdaysAfter(LocalDate from, LocalDate to) {
		int days = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			days += weekday(d) ? 1 : 0;
		}
		return days;
	}

	private static LocalDate weekdaysLater(LocalDate from, int days) {
		LocalDate d = from;
		for (int counted = 0; counted < days;) {
			d = d.plusDays(1);
			counted += weekday(d) ? 1 : 0;
		}
		return d;
	}

	private static boolean weekday(LocalDate d) {
		return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
	}
}

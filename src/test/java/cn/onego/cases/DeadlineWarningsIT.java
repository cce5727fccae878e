package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.TestRegions;
import cn.onego.platform.crypto.PersonalData;

/**
 * The deadline scanner on 20,000 open tasks: it reads only the due ones through the partial indexes of the open
 * deadlines (never the tasks), and two scanners running at once change each colour — and notify — exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DeadlineWarningsIT {

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	static final LocalDate TODAY = LocalDate.of(2020, 6, 1);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DeadlineWarnings warnings;

	@Autowired
	PersonalData data;

	@Autowired
	NoticeRelay relay;

	@Autowired
	CaseHistories histories;

	static final String APPLICANT = "11010519491231002X";

	/** The schema owner's login: the application's may not ANALYZE (PostgreSQL would only warn and skip). */
	@Autowired
	@FlywayDataSource
	DataSource owner;

	private UUID caseId;

	/**
	 * The 20,050 planted tasks go again, vacuumed: left behind, they made every later test that counts rows (the
	 * hostile-input corpus counts every table twice per request) several times slower, depending on the order.
	 */
	@AfterEach
	void removeThePlantedTasks() {
		if (caseId == null) {
			return;
		}
		JdbcClient asOwner = JdbcClient.create(owner);
		asOwner.sql("DELETE FROM open_deadline WHERE case_id = ?").param(caseId).update();
		asOwner.sql("DELETE FROM case_task WHERE case_id = ?").param(caseId).update();
		asOwner.sql("VACUUM (ANALYZE) case_task, open_deadline").update();
	}

	@Test
	void readsOnlyTheDueTasksAndNotifiesOncePerColourChangeWithTwoScannersAtOnce() throws Exception {
		String region = TestRegions.DEADLINE_WARNINGS;
		String department = plant(region, 20_000, 30, 20);

		String yellowPlan = plan(DeadlineWarnings.YELLOW_CANDIDATES);
		String redPlan = plan(DeadlineWarnings.RED_CANDIDATES);
		assertThat(yellowPlan).contains("open_deadline_warn").doesNotContain("Seq Scan on open_deadline").doesNotContain("case_task");
		assertThat(redPlan).contains("open_deadline_overdue").doesNotContain("Seq Scan on open_deadline").doesNotContain("case_task");

		int changed = twoScannersAtOnce();

		assertThat(changed).as("each of the 50 due tasks changed colour once").isEqualTo(50);
		assertThat(count("SELECT count(*) FROM open_deadline WHERE department = ? AND colour = 'RED'", department)).isEqualTo(20);
		assertThat(count("SELECT count(*) FROM open_deadline WHERE department = ? AND colour = 'YELLOW'", department)).isEqualTo(30);
		assertThat(count("SELECT count(*) FROM notification WHERE recipient = ?", "DEPARTMENT_HEAD:" + department)).isEqualTo(50);
		assertThat(count("SELECT count(*) FROM notification WHERE case_id = ?::uuid AND recipient = 'SUPERVISOR:" + region + "'",
				caseId.toString())).as("addressed to the supervisors of the case's region (and above)").isEqualTo(50);
		assertThat(warnings.scan(TODAY)).as("a later scan finds nothing new").isZero();
		assertThat(warnings.scan(LocalDate.of(2020, 6, 8))).as("the yellow ones are overdue a week later").isEqualTo(30);

		// supervisors read the warnings of their region and below, not their neighbours'
		ApiClient api = new ApiClient(port);
		String prefecture = supervisor(api, region.substring(0, 4) + "00");
		String neighbour = supervisor(api, "430100");
		List<String> theirs = api.send("GET", "/api/v1/my/notifications", prefecture, "warnings-123", null).json("$[*].caseId");
		List<String> others = api.send("GET", "/api/v1/my/notifications", neighbour, "warnings-123", null).json("$[*].caseId");
		assertThat(theirs).contains(caseId.toString());
		assertThat(others).doesNotContain(caseId.toString());
	}

	/**
	 * Plants a case with {@code far} tasks far from their limits, {@code yellow} that turn yellow on {@link #TODAY} and
	 * {@code red} that are overdue, in a department of their own, with their open deadlines as dispatch writes them;
	 * returns the department.
	 */
	private String plant(String region, int far, int yellow, int red) {
		caseId = UUID.randomUUID();
		String department = region + "-TEST-" + caseId.toString().substring(0, 8);
		String number = region + "-20200101-" + String.format("%08d", Math.abs(caseId.hashCode() % 100_000_000)) + "-0";
		jdbc.sql("""
				INSERT INTO case_file (id, number, application_id, matter, applicant_id, applicant_id_index, applicant_name,
				    applicant_username, region, hall, channel, state, submitted_at)
				VALUES (?, ?, ?, 'HN-CATERING', ?, ?, '测试', 'nobody', ?, '430000-HALL', 'ONLINE', 'IN_PROGRESS', now())""")
			// sealed as the engine seals it: a plain value here is what the key-rotation test would find unsealed
			.params(caseId, number, UUID.randomUUID(), data.seal(APPLICANT, CaseRows.APPLICANT_ID.name()), data.index(APPLICANT), region)
			.update();
		// the overdue tasks first, then those turning yellow today, then those far from their limits; each with the
		// case's facts, as dispatch writes them
		jdbc.sql("""
				INSERT INTO case_task (id, case_id, item, department, mandatory, state, prerequisites, started_on, due_on,
				    limit_days, warn_on, case_number, applicant_name, region, hall, matter, channel)
				SELECT gen_random_uuid(), ?, 'ITEM-' || n, ?, true, CASE WHEN n % 2 = 0 THEN 'PENDING' ELSE 'CLAIMED' END, '[]',
				    DATE '2020-05-01',
				    CASE WHEN n <= ? THEN DATE '2020-05-25' WHEN n <= ? THEN DATE '2020-06-05' ELSE DATE '2021-01-01' + (n % 300) END,
				    20,
				    CASE WHEN n <= ? THEN DATE '2020-05-20' WHEN n <= ? THEN DATE '2020-05-29' ELSE DATE '2020-12-01' + (n % 300) END,
				    ?, '测试', ?, '430000-HALL', 'HN-CATERING', 'ONLINE'
				FROM generate_series(1, ?) AS n""")
			.params(caseId, department, red, red + yellow, red, red + yellow, number, region, far + yellow + red)
			.update();
		// and their open deadlines, green, as dispatch writes them beside the tasks (V33)
		jdbc.sql("""
				INSERT INTO open_deadline (task_id, case_id, case_number, item, department, region, hall, matter, channel, due_on, warn_on)
				SELECT id, case_id, case_number, item, department, region, hall, matter, channel, due_on, warn_on FROM case_task
				WHERE case_id = ?""")
			.param(caseId)
			.update();
		JdbcClient.create(owner).sql("ANALYZE open_deadline").update();
		return department;
	}

	/**
	 * A near day brings thousands of changes at once: they are marked chunk by chunk on several connections, and still
	 * each task changes colour once, with one history step, two messages and one audit record, however the chunks of
	 * two scanners running at once interleave.
	 */
	@Test
	void marksANearDaysThousandsOfChangesInChunksOnSeveralConnectionsEachOnce() throws Exception {
		String region = TestRegions.DEADLINE_WARNINGS;
		String department = plant(region, 100, 2_100, 500);

		int changed = twoScannersAtOnce();

		assertThat(changed).as("the two scanners' changes, the planted ones among them").isGreaterThanOrEqualTo(2_600);
		assertThat(count("SELECT count(*) FROM open_deadline WHERE department = ? AND colour = 'RED'", department)).isEqualTo(500);
		assertThat(count("SELECT count(*) FROM open_deadline WHERE department = ? AND colour = 'YELLOW'", department)).isEqualTo(2_100);
		assertThat(count("SELECT count(*) FROM notification WHERE recipient = ?", "DEPARTMENT_HEAD:" + department)).isEqualTo(2_600);
		assertThat(histories.history(new CaseId(caseId)).stream().filter(step -> step.action().equals("WARNING")).count())
			.as("one step of the case's timeline per change").isEqualTo(2_100);
		assertThat(histories.history(new CaseId(caseId)).stream().filter(step -> step.action().equals("OVERDUE")).count()).isEqualTo(500);
		assertThat(count("SELECT count(*) FROM audit_record WHERE target LIKE ?", "case/" + caseId + "/task/%"))
			.as("one audit record per change").isEqualTo(2_600);
		assertThat(count("SELECT count(DISTINCT target) FROM audit_record WHERE target LIKE ?", "case/" + caseId + "/task/%"))
			.as("for 2,600 different tasks").isEqualTo(2_600);

		relay.relay();
		assertThat(count("SELECT count(*) FROM notification WHERE recipient = ? AND relayed_at IS NULL", "DEPARTMENT_HEAD:" + department))
			.as("the warnings to staff stay in the inbox: the text relay does not take them").isEqualTo(2_600);
	}

	/** Two scanners started at the same moment, as two nodes would run them; the colours they changed together. */
	private int twoScannersAtOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			Callable<Integer> scanner = () -> {
				start.await();
				return warnings.scan(TODAY);
			};
			List<Future<Integer>> scans = List.of(pool.submit(scanner), pool.submit(scanner));
			start.countDown();
			return scans.get(0).get() + scans.get(1).get();
		}
		finally {
			pool.shutdown();
		}
	}

	private static String supervisor(ApiClient api, String region) {
		String username = "sup-" + UUID.randomUUID().toString().substring(0, 8);
		var created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", java.util.Map.of("username", username,
				"password", "warnings-123", "name", "预警测试监管员", "roles", List.of("SUPERVISOR"), "region", region));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return username;
	}

	private String plan(String sql) {
		return String.join("\n", jdbc.sql("EXPLAIN " + sql.replace("?", "DATE '" + TODAY + "'")).query(String.class).list());
	}

	private int count(String sql, String param) {
		return jdbc.sql(sql).param(param).query(Integer.class).single();
	}
}

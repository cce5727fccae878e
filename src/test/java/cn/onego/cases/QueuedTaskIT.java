package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;

/**
 * The reviewers' queues read {@code queued_task} (V70), which the save statement keeps: a case's tasks walked through
 * every queue state — dispatched, claimed, asked for a supplement and supplied, suspended and resumed, decided — and
 * after each step the table holds exactly what the queue read before, from case_task joined to case_file, and the
 * queue's entries carry the task as the case's page shows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QueuedTaskIT {

	/** The queue as it was read before V70, for one case's tasks in a department. */
	static final String FROM_THE_TASKS = """
			SELECT t.id, t.case_id, t.item, t.department, t.mandatory, t.commitment, t.state, t.prerequisites, t.inputs, t.result,
			       t.decision, t.claimed_by, t.auto_rule, t.started_on, t.due_on, t.decided_at, t.limit_days, t.lost_days, t.paused_on,
			       t.warn_on, t.version, t.case_number, t.matter, t.applicant_name, f.hall AS case_hall,
			       f.accepting_region IS NOT NULL AS cross_region, f.submitted_at
			FROM case_task t JOIN case_file f ON f.id = t.case_id
			WHERE t.department = ? AND t.case_id = ?::uuid AND t.state IN ('PENDING', 'CLAIMED', 'AWAITING_SUPPLEMENT', 'SUSPENDED')
			ORDER BY t.due_on NULLS LAST, t.started_on, t.id""";

	static final String FROM_THE_QUEUE = """
			SELECT id, case_id, item, department, mandatory, commitment, state, prerequisites, inputs, result, decision, claimed_by,
			       auto_rule, started_on, due_on, decided_at, limit_days, lost_days, paused_on, warn_on, version, case_number, matter,
			       applicant_name, case_hall, cross_region, submitted_at
			FROM queued_task WHERE department = ? AND case_id = ?::uuid
			ORDER BY due_on NULLS LAST, started_on, id""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	CaseWorld world;

	@BeforeEach
	void world() {
		world = new CaseWorld(new ApiClient(port));
	}

	@Test
	void holdsExactlyTheTasksTheQueueReadFromTheTaskTableAtEveryStepOfACase() {
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		assertThat(queuedTasks(caseId)).as("nothing is queued before acceptance").isEmpty();
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		Set<String> departments = departments(caseId);
		assertThat(queuedTasks(caseId)).as("the registration starts, the items depending on it wait")
			.containsExactly(taskId(caseId, "HN-SCJG-ENT-REG"));
		theQueueIsTheTasks(caseId, departments);

		Map<String, Object> registration = world.task(caseId, "HN-SCJG-ENT-REG");
		String registrar = world.reviewerOf((String) registration.get("department"), "-queued");
		Response claimed = world.as(registrar, "POST", "/api/v1/tasks/" + registration.get("id") + "/claim",
				Map.of("version", registration.get("version")));
		assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
		assertThat(state(caseId, "HN-SCJG-ENT-REG")).isEqualTo("CLAIMED");
		theQueueIsTheTasks(caseId, departments);

		Response approved = world.as(registrar, "POST", "/api/v1/tasks/" + registration.get("id") + "/approval",
				approval((Integer) claimed.json("$.version"), Identities.creditCode()));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(queuedTasks(caseId)).as("the decided task leaves, the two depending on it start")
			.containsExactlyInAnyOrder(taskId(caseId, "HN-SCJG-FOOD-LICENCE"), taskId(caseId, "HN-ZJ-DRAINAGE-PERMIT"));
		theQueueIsTheTasks(caseId, departments);

		Map<String, Object> food = world.task(caseId, "HN-SCJG-FOOD-LICENCE");
		String reviewer = world.reviewerOf((String) food.get("department"), "-queued-food");
		String foodTask = "/api/v1/tasks/" + food.get("id");
		claimed = world.as(reviewer, "POST", foodTask + "/claim", Map.of("version", food.get("version")));
		assertThat(claimed.status()).as(claimed.body()).isEqualTo(200);
		Response asked = world.as(reviewer, "POST", foodTask + "/supplement-request", Map.of("version", (Integer) claimed.json("$.version"),
				"requests", List.of(Map.of("subject", "FOOD_LAYOUT_AND_PROCESS", "why", "布局图未标明生熟分开的操作区"))));
		assertThat(asked.status()).as(asked.body()).isEqualTo(200);
		assertThat(state(caseId, "HN-SCJG-FOOD-LICENCE")).isEqualTo("AWAITING_SUPPLEMENT");
		theQueueIsTheTasks(caseId, departments);
		assertThat(entries(reviewer, food, "state=AWAITING_SUPPLEMENT")).as("a queue asked for one state")
			.containsExactly(world.task(caseId, "HN-SCJG-FOOD-LICENCE"));

		Response supplied = world.as(world.applicant, "POST", "/api/v1/cases/" + caseId + "/supplement",
				Map.of("attachments", Map.of("FOOD_LAYOUT_AND_PROCESS", world.upload("layout v2"))));
		assertThat(supplied.status()).as(supplied.body()).isEqualTo(200);
		assertThat(state(caseId, "HN-SCJG-FOOD-LICENCE")).as("back with its reviewer").isEqualTo("CLAIMED");
		theQueueIsTheTasks(caseId, departments);

		Response suspended = world.as(reviewer, "POST", foodTask + "/suspension", Map.of("version",
				(Integer) world.task(caseId, "HN-SCJG-FOOD-LICENCE").get("version"), "procedure", "ON_SITE_INSPECTION", "reason",
				"现场核查厨房布局", "maxWorkingDays", 5));
		assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
		theQueueIsTheTasks(caseId, departments);
		assertThat(entries(reviewer, food, "state=SUSPENDED")).containsExactly(world.task(caseId, "HN-SCJG-FOOD-LICENCE"));
		assertThat(entries(reviewer, food, "state=PENDING")).isEmpty();

		Response resumed = world.as(reviewer, "POST", foodTask + "/resumption", Map.of("version", (Integer) suspended.json("$.version")));
		assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
		theQueueIsTheTasks(caseId, departments);

		Response decided = world.as(reviewer, "POST", foodTask + "/approval",
				approval((Integer) resumed.json("$.version"), Identities.licenceNumber("Q-")));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		assertThat(queuedTasks(caseId)).containsExactly(taskId(caseId, "HN-ZJ-DRAINAGE-PERMIT"));
		theQueueIsTheTasks(caseId, departments);

		Map<String, Object> drainage = world.task(caseId, "HN-ZJ-DRAINAGE-PERMIT");
		String engineer = world.reviewerOf((String) drainage.get("department"), "-queued-drainage");
		claimed = world.as(engineer, "POST", "/api/v1/tasks/" + drainage.get("id") + "/claim", Map.of("version", drainage.get("version")));
		Response refused = world.as(engineer, "POST", "/api/v1/tasks/" + drainage.get("id") + "/refusal", Map.of("version",
				(Integer) claimed.json("$.version"), "reason", "隔油池不符合要求", "legalBasis", "《城镇排水与污水处理条例》第二十一条"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(200);
		assertThat(queuedTasks(caseId)).as("no task of the case is queued once all are decided").isEmpty();
		theQueueIsTheTasks(caseId, departments);
	}

	@Test
	void readsAQueueInItsOrderOutOfOneIndexRangeOfTheQueuedTasksAlone() throws Exception {
		QueueSearch search = QueueSearch.of("4301", "张", java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31));
		java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
		String all = plan(CaseLists.QueueStatement.of("430102-MARKET_REGULATION", null, null, null, QueueSearch.NONE, zone, 500));
		assertThat(all).contains("queued_task_queue ").doesNotContain("queued_task_queue_state");
		String suspended = plan(CaseLists.QueueStatement.of("430102-MARKET_REGULATION", TaskState.SUSPENDED,
				java.time.LocalDate.of(2027, 1, 1), "HN-CATERING", search, zone, 500));
		assertThat(suspended).contains("queued_task_queue_state");
		for (String plan : List.of(all, suspended)) {
			assertThat(plan).as("the index gives the queue's order: nothing sorted, nothing read besides the table")
				.doesNotContain("Sort").doesNotContain("case_task").doesNotContain("case_file");
		}
	}

	/**
	 * The plan of the queue's statement on however few rows the shared database holds: scanning the whole table and
	 * sorting are priced out, so that the plan is the one a large table gets, and a Sort left in it would mean the index
	 * does not give the order.
	 */
	private String plan(CaseLists.QueueStatement queue) throws Exception {
		try (java.sql.Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (java.sql.Statement settings = c.createStatement()) {
				settings.execute("SET LOCAL enable_seqscan = off");
				settings.execute("SET LOCAL enable_bitmapscan = off");
				settings.execute("SET LOCAL enable_sort = off");
				java.util.List<String> lines = new java.util.ArrayList<>();
				try (java.sql.PreparedStatement explain = c.prepareStatement("EXPLAIN " + queue.sql())) {
					for (int i = 0; i < queue.params().size(); i++) {
						explain.setObject(i + 1, queue.params().get(i));
					}
					try (java.sql.ResultSet rs = explain.executeQuery()) {
						while (rs.next()) {
							lines.add(rs.getString(1));
						}
					}
				}
				return String.join("\n", lines);
			}
			finally {
				c.rollback();
				c.setAutoCommit(true);
			}
		}
	}

	/**
	 * In every department of the case: the queued rows of the case are the rows the queue read from the tasks, column
	 * by column and in the queue's order, and the department's queue over HTTP shows each of them as the case shows it.
	 */
	private void theQueueIsTheTasks(String caseId, Set<String> departments) {
		String number = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.number");
		for (String department : departments) {
			List<Map<String, Object>> before = jdbc.sql(FROM_THE_TASKS).params(department, caseId).query().listOfRows();
			List<Map<String, Object>> now = jdbc.sql(FROM_THE_QUEUE).params(department, caseId).query().listOfRows();
			assertThat(now).as("queued tasks of %s in %s", caseId, department).isEqualTo(before);
			assertThat(refilled(caseId, department)).as("as V70's fill (and the generators') would write them").isEqualTo(now);

			String reviewer = world.reviewerOf(department, "-queue-reader");
			Response queue = world.as(reviewer, "GET", "/api/v1/departments/" + department + "/tasks?number=" + number, null);
			assertThat(queue.status()).as(queue.body()).isEqualTo(200);
			List<Map<String, Object>> shown = queue.json("$[*].task");
			assertThat(shown).extracting(t -> t.get("id")).containsExactlyElementsOf(before.stream().map(r -> r.get("id").toString()).toList());
			for (Map<String, Object> task : shown) {
				assertThat(task).as("the queue's task is the case's").isEqualTo(world.task(caseId, (String) task.get("item")));
			}
			List<Map<String, Object>> entries = queue.json("$");
			assertThat(entries).allSatisfy(e -> {
				assertThat(e.get("caseNumber")).isEqualTo(number);
				assertThat(e.get("matter")).isEqualTo("HN-CATERING");
				assertThat(e.get("applicantName")).isNotNull();
				assertThat(e.get("acceptingHallName")).as("received in its own region").isNull();
			});
		}
	}

	/** The case's rows as the migration fills the table from the tasks and cases, in a transaction rolled back. */
	private List<Map<String, Object>> refilled(String caseId, String department) {
		return new org.springframework.transaction.support.TransactionTemplate(transactions).execute(status -> {
			status.setRollbackOnly();
			jdbc.sql("DELETE FROM queued_task WHERE case_id = ?::uuid").param(caseId).update();
			jdbc.sql(cn.onego.demo.GeneratedCases.QUEUED_TASKS + " AND t.case_id = ?::uuid").param(caseId).update();
			return jdbc.sql(FROM_THE_QUEUE).params(department, caseId).query().listOfRows();
		});
	}

	/** The queue of the task's department, for this case, with the filter given, as the case shows the tasks. */
	private List<Map<String, Object>> entries(String reviewer, Map<String, Object> task, String filter) {
		String number = world.view(CaseWorld.OBSERVER, (String) task.get("caseId")).json("$.caseFile.number");
		Response queue = world.as(reviewer, "GET", "/api/v1/departments/" + task.get("department") + "/tasks?number=" + number + "&"
				+ filter, null);
		assertThat(queue.status()).as(queue.body()).isEqualTo(200);
		return queue.json("$[*].task");
	}

	private Set<String> departments(String caseId) {
		List<String> all = world.view(CaseWorld.OBSERVER, caseId).json("$.tasks[*].task.department");
		return new LinkedHashSet<>(all);
	}

	private List<String> queuedTasks(String caseId) {
		return jdbc.sql("SELECT id::text FROM queued_task WHERE case_id = ?::uuid").param(caseId).query(String.class).list();
	}

	private String taskId(String caseId, String item) {
		return (String) world.task(caseId, item).get("id");
	}

	private String state(String caseId, String item) {
		return (String) world.task(caseId, item).get("state");
	}

	private static Map<String, Object> approval(int version, String number) {
		Map<String, Object> body = new HashMap<>();
		body.put("version", version);
		body.put("number", number);
		body.put("notice", "经审查，符合条件，准予办理。");
		return body;
	}
}

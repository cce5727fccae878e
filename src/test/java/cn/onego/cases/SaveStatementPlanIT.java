package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.ApiClient;

/**
 * How PostgreSQL runs a save: the tasks a save changes are found among the case's own, through the case's index.
 * The planner takes a part's arrays ({@code unnest}) for ten rows; matched by task id alone, against a table of a few
 * hundred to a few thousand tasks (a new city's first weeks, the bench) hashing the whole table looked cheaper than
 * ten lookups, and a plan cached then went on reading every task while the table grew.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SaveStatementPlanIT {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSaveFindsTheTasksItChangesThroughTheCasesIndexAmongThousandsOfTasks() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		CaseId id = CaseId.of(UUID.fromString(world.acceptedCatering()));

		String plan = transactions.execute(status -> {
			thousandsOfTasksOfOtherCases(id);
			Changes changes = cases.changes(id).orElseThrow();
			Task pending = changes.tasks().get(0);
			changes.apply(pending.claim(new Act("reviewer", Instant.now())));
			SaveStatement statement = cases.statement(changes, Optional.empty());
			String explained = String.join("\n",
					jdbc.sql("EXPLAIN " + statement.sql()).params(statement.params()).query(String.class).list());
			status.setRollbackOnly();
			return explained;
		});

		int start = plan.indexOf("\n  CTE task_rows");
		String taskUpdate = plan.substring(start, plan.indexOf("\n  CTE ", start + 1)); // the part alone, to the next
		assertThat(taskUpdate).as(plan)
			.contains("Index Cond: (case_id = '" + id.value() + "'::uuid)")
			.doesNotContain("Seq Scan");
	}

	/** Copies of the case, each with copies of its tasks: 1,000 cases and some 3,000 tasks more, rolled back after. */
	private void thousandsOfTasksOfOtherCases(CaseId id) {
		jdbc.sql("""
				INSERT INTO case_file SELECT (jsonb_populate_record(f, jsonb_build_object('id', md5(f.id::text || g)::uuid,
				    'number', 'COPY-' || g, 'application_id', gen_random_uuid()))).*
				FROM case_file f, generate_series(1, 1000) g WHERE f.id = ?""").param(id.value()).update();
		jdbc.sql("""
				INSERT INTO case_task SELECT (jsonb_populate_record(t, jsonb_build_object('id', md5(t.id::text || g)::uuid,
				    'case_id', md5(t.case_id::text || g)::uuid))).*
				FROM case_task t, generate_series(1, 1000) g WHERE t.case_id = ?""").param(id.value()).update();
	}
}

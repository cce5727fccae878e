package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
 * A node decides the next change of a case it saved last on the case as it saved it (RememberedCases, ADR 0013):
 * that must never decide differently from a fresh read — what it remembers is what it would read, a write made
 * elsewhere is never overwritten, and a refusal is always decided on the case as read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RememberedCasesIT {

	@LocalServerPort
	int port;

	@Autowired
	RememberedCases remembered;

	@Autowired
	Cases cases;

	@Autowired
	CaseTransactions transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void whatANodeRemembersOfACaseIsWhatItWouldReadAfterEveryStep() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		assertRememberedAsRead(caseId, "opened");
		double recalledBefore = count("onego.cases.remembered.recalled");

		Response accepted = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertRememberedAsRead(caseId, "accepted");

		assertThat(world.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).isEqualTo(200);
		assertRememberedAsRead(caseId, "the first approval");
		for (String item : List.of("HN-SCJG-FOOD-LICENCE", "HN-ZJ-DRAINAGE-PERMIT")) {
			assertThat(world.approve(caseId, item, Identities.licenceNumber("R-")).status()).isEqualTo(200);
			assertRememberedAsRead(caseId, "approved " + item);
		}
		Response issued = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", world.caseVersion(caseId), "trackingNumber", "EMS8"));
		assertThat(issued.status()).as(issued.body()).isEqualTo(200);
		assertRememberedAsRead(caseId, "issued");
		assertThat(count("onego.cases.remembered.recalled") - recalledBefore)
			.as("the acceptance, three claims, three approvals and the issue, each decided without reading the case")
			.isGreaterThanOrEqualTo(8);
	}

	@Test
	void aTaskWrittenOtherThanByASaveIsNotOverwrittenByTheNextDecision() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.acceptedCatering();
		assertThat(recalled(caseId)).as("the accepted case is remembered").isPresent();
		int revision = revision(caseId);
		Map<String, Object> task = world.task(caseId, "HN-SCJG-ENT-REG");
		LocalDate corrected = LocalDate.of(2020, 2, 3);

		// an operator's correction, as a script would make it: neither the task's version nor the case's revision
		jdbc.sql("UPDATE case_task SET due_on = ? WHERE id = ?::uuid").params(corrected, task.get("id")).update();

		assertThat(revision(caseId)).as("the database moved the case's revision").isEqualTo(revision + 1);
		assertThat(world.task(caseId, "HN-SCJG-ENT-REG").get("version")).as("and the task's version")
			.isEqualTo((Integer) task.get("version") + 1);
		assertThat(world.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT due_on FROM case_task WHERE id = ?::uuid").param(task.get("id")).query(LocalDate.class).single())
			.as("the decision was taken on the task as corrected").isEqualTo(corrected);
		assertRememberedAsRead(caseId, "approved after the correction");
	}

	@Test
	void aCaseChangedElsewhereIsDecidedOnAsReadNotAsRemembered() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		int opened = world.caseVersion(caseId);
		assertThat(recalled(caseId)).as("the opened case is remembered").isPresent();

		// another node changes the case: this node still remembers the version before it
		jdbc.sql("UPDATE case_file SET version = version + 1 WHERE id = ?::uuid").param(caseId).update();

		double readAgainBefore = count("onego.cases.remembered.read-again");
		// on the case as remembered, the clerk's version (read after the change) would be refused as a conflict
		Response current = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", opened + 1));
		assertThat(current.status()).as(current.body()).isEqualTo(200);
		assertThat(world.caseState(caseId)).isEqualTo("IN_PROGRESS");
		assertThat(count("onego.cases.remembered.read-again") - readAgainBefore).as("the acceptance ran again on the case as read")
			.isGreaterThanOrEqualTo(1);
		assertRememberedAsRead(caseId, "accepted after the change elsewhere");
	}

	@Test
	void anAnswerWithoutASaveIsGivenOnTheCaseAsReadNotAsRemembered() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.acceptedCatering();
		CaseId id = CaseId.of(UUID.fromString(caseId));
		assertThat(recalled(caseId)).as("the accepted case is remembered").isPresent();
		// another node moves the case on; this node still remembers it in progress
		jdbc.sql("UPDATE case_file SET state = 'READY' WHERE id = ?::uuid").param(caseId).update();
		double readAgainBefore = count("onego.cases.remembered.read-again");

		// a use case that finds nothing to do answers without saving: only a save would have checked the memory
		CaseState answered = transactions.run("办件", () -> cases.toChange(id).orElseThrow().caseFile().state());

		assertThat(answered).as("the state as read").isEqualTo(CaseState.READY);
		assertThat(count("onego.cases.remembered.read-again") - readAgainBefore).isGreaterThanOrEqualTo(1);
	}

	private void assertRememberedAsRead(String caseId, String after) {
		Changes read = cases.changes(CaseId.of(UUID.fromString(caseId))).orElseThrow();
		Changes recalled = recalled(caseId).orElseThrow(() -> new AssertionError("not remembered after " + after));
		assertThat(recalled.caseFile()).as("the case after " + after).isEqualTo(read.caseFile());
		assertThat(recalled.tasks()).as("its tasks after " + after).containsExactlyElementsOf(read.tasks());
	}

	/** The case as remembered; it is remembered once its transaction committed, which may be just after the answer. */
	private Optional<Changes> recalled(String caseId) {
		long until = System.nanoTime() + 5_000_000_000L;
		try (RememberedCases.Attempt first = remembered.attempt(true)) {
			Optional<Changes> recalled = remembered.recall(CaseId.of(UUID.fromString(caseId)));
			while (recalled.isEmpty() && System.nanoTime() < until) {
				java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
				recalled = remembered.recall(CaseId.of(UUID.fromString(caseId)));
			}
			return recalled;
		}
	}

	private double count(String meter) {
		return meters.get(meter).counter().count();
	}

	private int revision(String caseId) {
		return jdbc.sql("SELECT revision FROM case_file WHERE id = ?::uuid").param(caseId).query(Integer.class).single();
	}
}

package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.onego.ApiClient;

/**
 * Many cases read in one statement are the cases read one by one: each case as {@link CaseQueries#caseFile} reads it,
 * with exactly its own tasks in the order {@link CaseQueries#tasksOf} gives them, a case without tasks with none, and
 * an id that names no case left out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseSnapshotsIT {

	@LocalServerPort
	int port;

	@Autowired
	CaseSnapshots snapshots;

	@Autowired
	CaseQueries queries;

	@Test
	void readsEachCaseWithExactlyItsOwnTasksAsReadOneByOneAndLeavesOutIdsOfNoCase() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		CaseId accepted = CaseId.of(UUID.fromString(world.acceptedCatering()));
		CaseId other = CaseId.of(UUID.fromString(world.acceptedCatering()));
		CaseId notAccepted = CaseId.of(UUID.fromString(world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of())));
		CaseId nobody = CaseId.of(UUID.randomUUID());

		Map<CaseId, CaseSnapshots.CaseWithTasks> read = snapshots.read(List.of(accepted, nobody, other, notAccepted, accepted));

		assertThat(read).containsOnlyKeys(accepted, other, notAccepted);
		for (CaseId id : List.of(accepted, other, notAccepted)) {
			assertThat(read.get(id).caseFile()).isEqualTo(queries.caseFile(id));
			assertThat(read.get(id).tasks()).isEqualTo(queries.tasksOf(id));
		}
		assertThat(read.get(accepted).tasks()).isNotEmpty().allSatisfy(t -> assertThat(t.caseId()).isEqualTo(accepted));
		assertThat(read.get(notAccepted).tasks()).as("no task before acceptance").isEmpty();
		Task first = read.get(other).tasks().get(0);
		assertThat(read.get(other).task(first.id())).contains(first);
		assertThat(read.get(accepted).task(first.id())).as("another case's task").isEmpty();
		assertThat(snapshots.read(List.of())).isEmpty();
	}
}

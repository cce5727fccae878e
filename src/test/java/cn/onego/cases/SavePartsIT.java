package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
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
 * What other modules write for a save's events ({@link SaveParts}: here the documents' orders) is written by the
 * save's own statement, with the case or not at all: a save that finds the case changed meanwhile writes none of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SavePartsIT {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRowsOtherModulesWriteForASavesEventsAreWrittenWithTheCaseOrNotAtAll() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		CaseId id = CaseId.of(UUID.fromString(world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of())));
		Changes stale = cases.changes(id).orElseThrow();
		// somebody saves the case after it was read
		jdbc.sql("UPDATE case_file SET revision = revision + 1 WHERE id = ?").param(id.value()).update();

		List<String> afterTheStaleSave = transactions.execute(status -> {
			refuse(stale);
			assertThatThrownBy(() -> cases.save(stale)).isInstanceOf(Cases.CaseChangedMeanwhile.class);
			status.setRollbackOnly();
			return orders(id);
		});
		assertThat(afterTheStaleSave).as("nothing written for the events of a save that wrote no case").isEmpty();

		List<String> afterTheSave = transactions.execute(status -> {
			Changes fresh = cases.changes(id).orElseThrow();
			refuse(fresh);
			cases.save(fresh);
			status.setRollbackOnly();
			return orders(id);
		});
		assertThat(afterTheSave).as("the refusal's notice ordered by the save").containsExactly("CaseNotAccepted");
	}

	private static void refuse(Changes changes) {
		changes.apply(changes.caseFile().refuseToAccept(new CaseFile.Refusal("申请材料不齐全", "《中华人民共和国行政许可法》第三十二条", "clerk"),
				new Act("clerk", Instant.now())));
	}

	private List<String> orders(CaseId id) {
		return jdbc.sql("SELECT event_type FROM document_order WHERE case_id = ? ORDER BY id").param(id.value()).query(String.class).list();
	}
}

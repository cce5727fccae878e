package cn.onego.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.cases.CaseEvents;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseId;
import cn.onego.cases.TaskId;
import cn.onego.cases.TaskState;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events that call for documents are kept as JSON in the documents' ledger ({@code document_order}) until their
 * document is made; the worker reads them back from there, and each must be the same event.
 */
class ListenedEventsTests {

	final JsonMapper json = JsonMapper.builder().findAndAddModules().build();

	@Test
	void eachEventTheDocumentsListenToReadsBackAsItWasWritten() {
		CaseId c = CaseId.of(UUID.randomUUID());
		List<Object> events = List.of(
				new CaseEvents.CaseAccepted(c, LocalDate.of(2026, 3, 20), CaseFile.Mode.WITH_GAPS, List.of("FOOD_SAFETY_RULES"), LocalDate.of(2026, 3, 9), true),
				new CaseEvents.CaseNotAccepted(c, "场所不符合要求"),
				new CaseEvents.SupplementRequested(c, List.of("FOOD_LAYOUT_AND_PROCESS", "SHOP_ADDRESS"), 1),
				new CaseEvents.TaskDecided(c, TaskId.of(UUID.randomUUID()), "HN-SCJG-FOOD-LICENCE", "430102-MARKET_REGULATION", TaskState.REFUSED, "x"),
				new CaseEvents.CaseIssued(c, Delivery.Method.FREE_MAIL, "EMS123"));
		for (Object event : events) {
			assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
		}
	}
}

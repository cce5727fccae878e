package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.onego.application.ApplicationInput.Channel;
import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * Who took each step, as people read it: the applicant sees the system, themselves, the window of the hall and the
 * department of the task by name, never a staff username nor a working note of old; staff see the username besides.
 */
class HistoryLinesTests {

	private static final PlainWords WORDS = new PlainWords(BundledCatalogueAccess.bundled(),
			code -> Label.of("长沙市芙蓉区政务服务中心", "Furong District Government Service Centre"));

	private final CaseFile c = new CaseFile(CaseId.next(), CaseNumber.of(RegionCode.of("430102"), LocalDate.of(2026, 3, 2), 7),
			UUID.randomUUID(), "HN-CATERING", new CaseFile.Applicant("430102199001011234", "张三", "citizen-1"),
			new CaseFile.Place(RegionCode.of("430102"), HallCode.of("430102-HALL"), Channel.ONLINE), CaseState.IN_PROGRESS,
			CaseFile.Terms.none(), CaseFile.Supplements.none(), CaseFile.Outcome.none(), null, new CaseFile.Times(null, null, null), 1, 1);

	private final Task task = Task.waiting(TaskId.next(), c.id(), "HN-SCJG-ENT-REG", "430102-MARKET_REGULATION", true, false,
			List.of(), 5);

	private final List<CaseHistories.HistoryRow> rows = List.of(
			row(null, "citizen-1", "SUBMITTED", StepMessage.of(HistoryText.SUBMITTED, "channel", Channel.ONLINE, "hall", "430102-HALL"),
					null),
			row(null, "clerk.frq", "ACCEPTED", null, "mode STANDARD, promised 2026-03-17"),
			row(task.id(), "clerk.frq", "DISPATCHED", StepMessage.of(HistoryText.DISPATCHED, "department", "430102-MARKET_REGULATION"),
					null),
			row(task.id(), "reviewer.scjg.frq", "APPROVED", StepMessage.of(HistoryText.LICENCE_NUMBER, "number", "91430102MA4L000001"),
					null),
			row(null, "system", "READY", StepMessage.of(HistoryText.READY), null));

	@Test
	void theApplicantReadsWhoTookEachStepByNameAndNoWorkingNote() {
		List<CaseHistories.HistoryStep> shown = HistoryLines.of(rows, c, List.of(task), WORDS, true, text -> text);
		assertThat(shown).extracting(CaseHistories.HistoryStep::actor).containsOnlyNulls();
		assertThat(shown).extracting(s -> s.actorName().zh())
			.containsExactly("您本人", "综合窗口（长沙市芙蓉区政务服务中心）", "综合窗口（长沙市芙蓉区政务服务中心）", "芙蓉区市场监督管理局", "系统");
		assertThat(shown).extracting(s -> s.actorName().en()).containsExactly("You", "General window, Furong District Government Service Centre",
				"General window, Furong District Government Service Centre", "Market regulation department (芙蓉区市场监督管理局)", "System");
		assertThat(shown.get(1).detail()).as("a note of old, with codes").isNull();
		assertThat(shown.get(3).detail().en()).isEqualTo("Licence number 91430102MA4L000001");
	}

	@Test
	void staffReadTheUsernameBesidesTheNameAndTheNotesOfOld() {
		List<CaseHistories.HistoryStep> shown = HistoryLines.of(rows, c, List.of(task), WORDS, false, text -> text);
		assertThat(shown).extracting(CaseHistories.HistoryStep::actor)
			.containsExactly("citizen-1", "clerk.frq", "clerk.frq", "reviewer.scjg.frq", "system");
		assertThat(shown.get(0).actorName().zh()).isEqualTo("申请人");
		assertThat(shown.get(1).detail().zh()).isEqualTo("mode STANDARD, promised 2026-03-17");
	}

	private CaseHistories.HistoryRow row(TaskId taskId, String actor, String action, StepMessage message, String detail) {
		return new CaseHistories.HistoryRow(1, c.id().value(), taskId == null ? null : taskId.value(), Instant.parse("2026-03-02T01:00:00Z"), actor,
				action, null, null, detail, message);
	}
}

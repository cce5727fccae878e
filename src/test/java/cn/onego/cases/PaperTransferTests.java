package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.Resolution.Source;
import cn.onego.cases.PaperTransfers.Original;
import cn.onego.cases.TransferState.Action;
import cn.onego.catalog.Item;
import cn.onego.catalog.Item.ItemMaterial;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.clock.WorkingDayCalendarTests;
import cn.onego.shared.Label;

/** 原件流转 as a value: its lifecycle table, its transitions, when it is overdue, and which originals travel. */
class PaperTransferTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static final WorkingDayCalendar OFFICIAL = WorkingDayCalendarTests.official();

	/** The whole table: from each state exactly these actions lead exactly there. */
	static final Map<TransferState, Map<Action, TransferState>> TABLE = Map.of(
			TransferState.AWAITING_DISPATCH, Map.of(Action.DISPATCH, TransferState.IN_TRANSIT),
			TransferState.IN_TRANSIT, Map.of(Action.RECEIVE, TransferState.RECEIVED),
			TransferState.RECEIVED, Map.of());

	@ParameterizedTest
	@EnumSource(TransferState.class)
	void eachStateAllowsExactlyTheActionsOfTheTableAndRefusesTheOthers(TransferState state) {
		for (Action action : Action.values()) {
			TransferState expected = TABLE.get(state).get(action);
			assertThat(state.allows(action)).as(state + " " + action).isEqualTo(expected != null);
			if (expected != null) {
				assertThat(state.after(action)).isEqualTo(expected);
			}
			else {
				assertThatThrownBy(() -> state.after(action)).isInstanceOf(IllegalTransition.class);
			}
		}
		assertThat(state.isFinal()).isEqualTo(TABLE.get(state).isEmpty());
	}

	@Test
	void aParcelIsSentOnceAndSignedForOnceEachStepRaisingItsVersionAndKeepingWhoAndWhen() {
		PaperTransfer waiting = aTransferWaitingAtTheAcceptingHall();
		Act sent = new Act("clerk-a", Instant.parse("2026-09-30T02:00:00Z"));
		PaperTransfer inTransit = waiting.dispatch("中国邮政EMS", "EA123456789CN", sent);
		assertThat(inTransit.state()).isEqualTo(TransferState.IN_TRANSIT);
		assertThat(inTransit.version()).isEqualTo(1);
		assertThat(inTransit.dispatched()).isEqualTo(sent);
		assertThat(inTransit.trackingNumber()).isEqualTo("EA123456789CN");
		assertThat(waiting.state()).as("a transition changes nothing").isEqualTo(TransferState.AWAITING_DISPATCH);
		assertThatThrownBy(() -> inTransit.dispatch("顺丰速运", "SF1234567890", sent)).isInstanceOf(IllegalTransition.class);
		assertThatThrownBy(() -> waiting.receive(null, sent)).as("nothing to sign for before it is sent")
			.isInstanceOf(IllegalTransition.class);

		Act signed = new Act("clerk-b", Instant.parse("2026-10-09T03:00:00Z"));
		PaperTransfer received = inTransit.receive("缺少公司章程原件一份", signed);
		assertThat(received.state()).isEqualTo(TransferState.RECEIVED);
		assertThat(received.version()).isEqualTo(2);
		assertThat(received.received()).isEqualTo(signed);
		assertThat(received.discrepancy()).isEqualTo("缺少公司章程原件一份");
		assertThat(received.dispatched()).isEqualTo(sent);
	}

	@Test
	void aParcelSentTheDayBeforeNationalDayIsOverdueOnlyAfterFiveWorkingDaysNotFiveCalendarDays() {
		PaperTransfer inTransit = aTransferWaitingAtTheAcceptingHall().dispatch("中国邮政EMS", "EA123456789CN",
				new Act("clerk-a", LocalDate.of(2026, 9, 30).atTime(10, 0).atZone(BEIJING).toInstant()));
		// 1–7 October are off and Saturday 10 October is worked: the fifth working day after 30 September is 13 October
		assertThat(inTransit.overdue(LocalDate.of(2026, 10, 8), BEIJING, OFFICIAL, 5)).isFalse();
		assertThat(inTransit.overdue(LocalDate.of(2026, 10, 13), BEIJING, OFFICIAL, 5)).isFalse();
		assertThat(inTransit.overdue(LocalDate.of(2026, 10, 14), BEIJING, OFFICIAL, 5)).isTrue();
		PaperTransfer received = inTransit.receive(null, new Act("clerk-b", Instant.parse("2026-10-20T03:00:00Z")));
		assertThat(received.overdue(LocalDate.of(2026, 10, 21), BEIJING, OFFICIAL, 5)).as("signed for: no longer overdue").isFalse();
		assertThat(aTransferWaitingAtTheAcceptingHall().overdue(LocalDate.of(2026, 12, 31), BEIJING, OFFICIAL, 5))
			.as("not sent yet: not in transit").isFalse();
	}

	@Test
	void onlyOriginalsTheApplicantHandedInThemselfTravelOnceEachWithTheMostAnyItemAsksFor() {
		Item registration = item("REGISTRATION", new ItemMaterial("RESOLUTION", true, false, false, null, 1, 0),
				new ItemMaterial("ARTICLES", true, false, false, null, 1, 0), new ItemMaterial("APPLICATION_FORM", true, false, false, null, 1, 0),
				new ItemMaterial("LICENCE", true, false, false, null, 1, 0), new ItemMaterial("ID_CARD", true, false, false, null, 0, 1),
				new ItemMaterial("LEASE", true, true, false, null, 1, 0), new ItemMaterial("PROOF", true, false, true, null, 1, 0));
		Item tax = item("TAX", new ItemMaterial("RESOLUTION", true, false, false, null, 2, 0));
		List<MaterialEntry> resolved = List.of(entry("RESOLUTION", Source.UPLOAD, "hash-1", false),
				entry("ARTICLES", Source.UPLOAD, "hash-2", false),
				entry("APPLICATION_FORM", Source.MERGED_FORM, null, false),
				entry("LICENCE", Source.E_LICENCE, null, false),
				entry("ID_CARD", Source.UPLOAD, "hash-3", false),
				entry("LEASE", Source.UPLOAD, null, true),
				entry("PROOF", Source.UPLOAD, "hash-4", false));

		List<Original> originals = PaperTransfer.keptOriginals(List.of(registration, tax), resolved, Set.of("PROOF"));

		assertThat(originals).extracting(Original::material).as("not the merged form, the e-licence, a copy only, a gap, a commitment")
			.containsExactly("RESOLUTION", "ARTICLES");
		assertThat(originals.get(0).originals()).as("two items keep it: the larger count").isEqualTo(2);
		assertThat(originals.get(0).name().zh()).isEqualTo("RESOLUTION的名称");
		assertThat(PaperTransfer.keptOriginals(List.of(tax), List.of(entry("RESOLUTION", Source.REGISTRY, null, false)), Set.of()))
			.as("what the government holds does not travel").isEmpty();
	}

	private static PaperTransfer aTransferWaitingAtTheAcceptingHall() {
		return PaperTransfer.open(CaseId.next(), "430102-20260930-00000001-X", HallCode.of("430500-HALL"), HallCode.of("430102-HALL"),
				List.of(new Original("RESOLUTION", Label.of("变更决议", "Resolution"), 1)), Instant.parse("2026-09-29T02:00:00Z"));
	}

	private static MaterialEntry entry(String code, Source source, String attachment, boolean gap) {
		return new MaterialEntry(code, new Label(code + "的名称", null), true, source, null, attachment, gap, List.of());
	}

	private static Item item(String code, ItemMaterial... materials) {
		return new Item(code, new Label(code, null), null, "TYPE", Set.of(), "basis", 10, 5, false, List.of(), Set.of(), false, null, null,
				new Item.Result(cn.onego.catalog.Enums.ResultKind.NOTICE, null, new Label("结果", null)), List.of(materials), List.of(), null,
				null);
	}
}

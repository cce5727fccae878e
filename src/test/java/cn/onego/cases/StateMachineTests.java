package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.onego.shared.RegionCode;

/** The whole transition tables of cases and tasks, and the unified case number. */
class StateMachineTests {

	static final Map<CaseState, Set<CaseState>> CASE_TABLE = Map.of(
			CaseState.AWAITING_ACCEPTANCE, EnumSet.of(CaseState.AWAITING_SUPPLEMENT, CaseState.NOT_ACCEPTED, CaseState.IN_PROGRESS,
					CaseState.WITHDRAWN),
			CaseState.AWAITING_SUPPLEMENT, EnumSet.of(CaseState.AWAITING_ACCEPTANCE, CaseState.NOT_ACCEPTED, CaseState.WITHDRAWN),
			CaseState.NOT_ACCEPTED, EnumSet.noneOf(CaseState.class),
			CaseState.IN_PROGRESS, EnumSet.of(CaseState.READY, CaseState.REFUSED),
			CaseState.READY, EnumSet.of(CaseState.ISSUED, CaseState.REFUSED),
			CaseState.ISSUED, EnumSet.noneOf(CaseState.class),
			CaseState.REFUSED, EnumSet.noneOf(CaseState.class),
			CaseState.WITHDRAWN, EnumSet.noneOf(CaseState.class));

	static final Map<TaskState, Set<TaskState>> TASK_TABLE = Map.of(
			TaskState.WAITING, EnumSet.of(TaskState.PENDING, TaskState.CANCELLED),
			TaskState.PENDING, EnumSet.of(TaskState.CLAIMED, TaskState.APPROVED, TaskState.CANCELLED),
			TaskState.CLAIMED, EnumSet.of(TaskState.PENDING, TaskState.APPROVED, TaskState.REFUSED, TaskState.AWAITING_SUPPLEMENT,
					TaskState.SUSPENDED, TaskState.CANCELLED),
			TaskState.AWAITING_SUPPLEMENT, EnumSet.of(TaskState.CLAIMED, TaskState.CANCELLED),
			TaskState.SUSPENDED, EnumSet.of(TaskState.CLAIMED, TaskState.CANCELLED),
			TaskState.APPROVED, EnumSet.of(TaskState.REVOKED),
			TaskState.REFUSED, EnumSet.noneOf(TaskState.class),
			TaskState.CANCELLED, EnumSet.noneOf(TaskState.class),
			TaskState.REVOKED, EnumSet.noneOf(TaskState.class));

	static Stream<Arguments> casePairs() {
		return Stream.of(CaseState.values()).flatMap(from -> Stream.of(CaseState.values()).map(to -> Arguments.of(from, to)));
	}

	static Stream<Arguments> taskPairs() {
		return Stream.of(TaskState.values()).flatMap(from -> Stream.of(TaskState.values()).map(to -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "case {0} → {1}")
	@MethodSource("casePairs")
	void allowsExactlyTheCaseTransitionsOfTheTable(CaseState from, CaseState to) {
		assertThat(from.canMoveTo(to)).isEqualTo(CASE_TABLE.get(from).contains(to));
	}

	@ParameterizedTest(name = "task {0} → {1}")
	@MethodSource("taskPairs")
	void allowsExactlyTheTaskTransitionsOfTheTable(TaskState from, TaskState to) {
		assertThat(from.canMoveTo(to)).isEqualTo(TASK_TABLE.get(from).contains(to));
	}

	@ParameterizedTest(name = "every action on a {0} task but its own is refused")
	@MethodSource("taskStates")
	void refusesEveryTaskActionTheStateDoesNotAllow(TaskState state) {
		Task task = task(state);
		var actions = Map.<String, java.util.function.Function<Task, Transition<Task>>>of(
				"start", t -> t.start(Map.of(), new Task.Clock(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), 5, 0, null, null),
						"STARTED", AN_ACT, null),
				"claim", t -> t.claim(AN_ACT), "release", t -> t.release(AN_ACT),
				"approve", t -> t.approve(null, null, AN_ACT),
				"approveDirectly", t -> t.approveDirectly(null, "rule", AN_ACT),
				"refuse", t -> t.refuse(A_DECISION, AN_ACT),
				"askForSupplement", t -> t.askForSupplement(A_DECISION, null, AN_ACT), "suspend", t -> t.suspend(A_DECISION, null, AN_ACT),
				"resume", t -> t.resume(null, AN_ACT),
				"revoke", t -> t.revoke(A_DECISION, "finding", AN_ACT));
		actions.forEach((name, action) -> {
			try {
				Task after = action.apply(task).after();
				assertThat(state.canMoveTo(after.state())).as(name + " from " + state).isTrue();
			}
			catch (IllegalTransition refused) {
				assertThat(refused.status().value()).isEqualTo(409);
			}
		});
		if (!state.canMoveTo(TaskState.CANCELLED)) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> task.cancel("why", AN_ACT))
				.isInstanceOf(IllegalTransition.class);
		}
	}

	static Stream<TaskState> taskStates() {
		return Stream.of(TaskState.values());
	}

	@Test
	void refusesToIssueACaseThatIsNotReadyOrToMakeItReadyWithAGapOpen() {
		CaseFile inProgress = aCase(CaseState.IN_PROGRESS, List.of(new CaseFile.Gap("M", "材料", null)));
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> inProgress.issue(new CaseFile.Issue(
				cn.onego.application.ApplicationInput.Delivery.Method.WINDOW_PICKUP, null, "c", java.time.Instant.EPOCH), AN_ACT))
			.isInstanceOf(IllegalTransition.class);
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> inProgress.makeReady(AN_ACT)).isInstanceOf(IllegalTransition.class);
		CaseFile filled = aCase(CaseState.IN_PROGRESS, List.of(new CaseFile.Gap("M", "材料", "hash")));
		assertThat(filled.makeReady(AN_ACT).after().state()).isEqualTo(CaseState.READY);
	}

	@Test
	void withdrawingACaseWaitingForASupplementClosesItAsksForNothingMoreAndTellsTheApplicant() {
		CaseFile asked = aCase(CaseState.AWAITING_ACCEPTANCE, List.of())
			.askForSupplement(List.of(new SupplementRequest("M", "why", "clerk", null)), 1, "d", AN_ACT)
			.after();
		Transition<CaseFile> withdrawn = asked.withdraw("不办了", AN_ACT);
		assertThat(withdrawn.after().state()).isEqualTo(CaseState.WITHDRAWN);
		assertThat(withdrawn.after().supplements().requests()).isEmpty();
		assertThat(withdrawn.after().times().closedAt()).isEqualTo(AN_ACT.at());
		assertThat(withdrawn.step().action()).isEqualTo("WITHDRAWN");
		assertThat(withdrawn.step().detail()).isEqualTo("不办了");
		assertThat(withdrawn.event()).isEqualTo(new CaseEvents.CaseWithdrawn(asked.id(), "不办了"));
		assertThat(CaseState.WITHDRAWN.isFinal()).isTrue();
		for (CaseState accepted : List.of(CaseState.IN_PROGRESS, CaseState.READY, CaseState.ISSUED, CaseState.REFUSED, CaseState.NOT_ACCEPTED)) {
			assertThat(accepted.allows(CaseState.Action.WITHDRAW)).as(accepted.name()).isFalse();
		}
	}

	@Test
	void numbersACaseWithTheRegionTheDateASerialAndACheckCharacter() {
		CaseNumber number = CaseNumber.of(RegionCode.of("430102"), LocalDate.of(2026, 11, 26), 42);
		assertThat(number.value()).matches("430102-20261126-00000042-[0-9X]");
		assertThat(CaseNumber.isValid(number.value())).isTrue();
		String mistyped = number.value().replace("-00000042-", "-00000043-");
		assertThat(CaseNumber.isValid(mistyped)).as("one wrong digit is caught").isFalse();
		assertThat(number.spoken()).startsWith("四三零一零二，二零二六一一二六，零零零零零零四二，");
		assertThat(CaseNumber.of(RegionCode.of("431021"), LocalDate.of(2026, 11, 26), 42)).isNotEqualTo(number);
	}

	@Test
	void countsADueDateIntoAYearWithoutACalendarOnItsWeekendsRatherThanBlockingTheDecision() {
		var only2026 = new cn.onego.clock.WorkingDayCalendar(Set.of(2026), Map.of());
		assertThat(TaskClocks.due(only2026, LocalDate.of(2026, 3, 2), 5)).isEqualTo(LocalDate.of(2026, 3, 9));
		assertThat(TaskClocks.due(only2026, LocalDate.of(2026, 3, 7), 1)).as("a Saturday start: Monday is day one")
			.isEqualTo(LocalDate.of(2026, 3, 9));
		assertThat(TaskClocks.due(only2026.provisional(), LocalDate.of(2026, 12, 20), 20)).as("1 January 2027 counted: a Friday")
			.isEqualTo(LocalDate.of(2027, 1, 15));
	}

	@Test
	void movesTheCasesDueDayByTheWorkingDaysLostOnItsCriticalPathOnly() {
		var calendar = new cn.onego.clock.WorkingDayCalendar(Set.of(2026), Map.of());
		Task registration = clocked("REG", List.of(), 1, 0);
		Task food = clocked("FOOD", List.of("REG"), 5, 0);
		Task fire = clocked("FIRE", List.of(), 7, 0);
		LocalDate accepted = LocalDate.of(2026, 3, 2);
		assertThat(CaseProgress.dueDate(accepted, List.of(registration, food, fire), calendar))
			.as("critical path: FIRE, 7 working days").isEqualTo(LocalDate.of(2026, 3, 11));
		assertThat(CaseProgress.dueDate(accepted, List.of(registration, clocked("FOOD", List.of("REG"), 5, 3), fire), calendar))
			.as("FOOD lost 3 days: REG + FOOD = 9 now").isEqualTo(LocalDate.of(2026, 3, 13));
		assertThat(CaseProgress.dueDate(accepted, List.of(registration, food, clocked("FIRE", List.of(), 7, 0)), calendar))
			.isEqualTo(LocalDate.of(2026, 3, 11));
	}

	static final Act AN_ACT = new Act("r", java.time.Instant.EPOCH);

	static final Task.Decision A_DECISION = new Task.Decision("reason", "basis", null, null, List.of());

	private static Task clocked(String item, List<String> prerequisites, int limit, int lost) {
		return new Task(TaskId.next(), CaseId.next(), item, "DEPT", true, false, TaskState.CLAIMED, prerequisites, Map.of(),
				new Task.Outcome(null, null, "r", null, null), new Task.Clock(LocalDate.of(2026, 3, 2), null, limit, lost, null, null), 0);
	}

	static Task task(TaskState state) {
		return new Task(TaskId.next(), CaseId.next(), "ITEM", "DEPT", true, false, state, List.of(), Map.of(),
				new Task.Outcome(null, null, "r", null, null), new Task.Clock(null, null, null, 0, null, null), 0);
	}

	static CaseFile aCase(CaseState state, List<CaseFile.Gap> gaps) {
		return new CaseFile(CaseId.next(), CaseNumber.of(RegionCode.of("430102"), LocalDate.of(2026, 1, 5), 1), UUID.randomUUID(),
				"M", new CaseFile.Applicant("A", "N", "u"), new CaseFile.Place(RegionCode.of("430102"), HallCode.of("H"),
						cn.onego.application.ApplicationInput.Channel.ONLINE),
				state, new CaseFile.Terms(CaseFile.Mode.WITH_GAPS, gaps, null, false, List.of(), null), new CaseFile.Supplements(List.of(), 0),
				new CaseFile.Outcome(null, null), null, new CaseFile.Times(java.time.Instant.EPOCH, null, null), 0, 0);
	}
}

package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.onego.application.ApplicationInput.Delivery;

/**
 * The transitions of cases and tasks, walked over their states' own tables: for every state and every action, the
 * aggregate's method does exactly what the table says — leads where the table says, or refuses (409, nothing
 * changed) — and records a step from the state it left to the state it reached. No copy of the table is kept here:
 * a new action or state is walked as soon as it exists (an action without a method here fails the coverage test).
 */
class TransitionTableTests {

	static final Act ACT = new Act("someone", Instant.parse("2026-03-02T02:00:00Z"));

	static final Task.Decision WHY = new Task.Decision("reason", "basis", "HEARING", 5,
			List.of(new SupplementRequest("M", "why", "r", null)));

	/** Each action of a case, as the method of {@link CaseFile} that does it. */
	static final Map<CaseState.Action, Function<CaseFile, Transition<CaseFile>>> CASE_ACTIONS = new EnumMap<>(Map.ofEntries(
			Map.entry(CaseState.Action.ACCEPT, c -> c.accept(CaseFile.Terms.none(), false, ACT)),
			Map.entry(CaseState.Action.REFUSE_TO_ACCEPT, c -> c.refuseToAccept(new CaseFile.Refusal("r", "b", "clerk"), ACT)),
			Map.entry(CaseState.Action.ASK_FOR_SUPPLEMENT, c -> c.askForSupplement(WHY.requests(), 1, "d", ACT)),
			Map.entry(CaseState.Action.SUPPLY, c -> c.supplied(c.terms().gaps(), "d", ACT)),
			Map.entry(CaseState.Action.ADD_SUPPLEMENT_REQUESTS, c -> c.addSupplementRequests(WHY.requests(), 1, ACT)),
			Map.entry(CaseState.Action.FLAG_OVERDUE_GAPS, c -> c.flagOverdueGaps(ACT)),
			Map.entry(CaseState.Action.MAKE_READY, c -> c.makeReady(ACT)),
			Map.entry(CaseState.Action.REFUSE, c -> c.refuse(new CaseFile.Refusal("r", null, "system"), ACT)),
			Map.entry(CaseState.Action.ISSUE, c -> c.issue(new CaseFile.Issue(Delivery.Method.WINDOW_PICKUP, null, "clerk", ACT.at()), ACT)),
			Map.entry(CaseState.Action.WITHDRAW, c -> c.withdraw("changed my mind", ACT))));

	/** Each action of a task, as the method of {@link Task} that does it. */
	static final Map<TaskState.Action, Function<Task, Transition<Task>>> TASK_ACTIONS = new EnumMap<>(Map.ofEntries(
			Map.entry(TaskState.Action.START, t -> t.start(Map.of(), new Task.Clock(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9), 5,
					0, null, LocalDate.of(2026, 3, 8)), "STARTED", ACT, null)),
			Map.entry(TaskState.Action.CLAIM, t -> t.claim(ACT)),
			Map.entry(TaskState.Action.RELEASE, t -> t.release(ACT)),
			Map.entry(TaskState.Action.APPROVE, t -> t.approve(null, "准予", ACT)),
			Map.entry(TaskState.Action.APPROVE_DIRECTLY, t -> t.approveDirectly(null, "rule", ACT)),
			Map.entry(TaskState.Action.REFUSE, t -> t.refuse(WHY, ACT)),
			Map.entry(TaskState.Action.ASK_FOR_SUPPLEMENT, t -> t.askForSupplement(WHY, "d", ACT)),
			Map.entry(TaskState.Action.SUSPEND, t -> t.suspend(WHY, "d", ACT)),
			Map.entry(TaskState.Action.RESUME, t -> t.resume(null, ACT)),
			Map.entry(TaskState.Action.CANCEL, t -> t.cancel("why", ACT)),
			Map.entry(TaskState.Action.REVOKE, t -> t.revoke(WHY, "finding", ACT))));

	static Stream<Arguments> caseStatesAndActions() {
		return Stream.of(CaseState.values()).flatMap(s -> Stream.of(CaseState.Action.values()).map(a -> Arguments.of(s, a)));
	}

	static Stream<Arguments> taskStatesAndActions() {
		return Stream.of(TaskState.values()).flatMap(s -> Stream.of(TaskState.Action.values()).map(a -> Arguments.of(s, a)));
	}

	@Test
	void walksEveryActionOfBothTables() {
		assertThat(CASE_ACTIONS.keySet()).containsExactlyInAnyOrder(CaseState.Action.values());
		assertThat(TASK_ACTIONS.keySet()).containsExactlyInAnyOrder(TaskState.Action.values());
	}

	@ParameterizedTest(name = "case {0}: {1}")
	@MethodSource("caseStatesAndActions")
	void doesToACaseExactlyWhatItsStateAllows(CaseState state, CaseState.Action action) {
		CaseFile c = StateMachineTests.aCase(state, List.of(new CaseFile.Gap("M", "材料", null)));
		if (action == CaseState.Action.MAKE_READY) {
			c = StateMachineTests.aCase(state, List.of());
		}
		CaseFile before = c;
		if (!state.allows(action)) {
			assertThatThrownBy(() -> CASE_ACTIONS.get(action).apply(before)).isInstanceOf(IllegalTransition.class)
				.satisfies(refused -> assertThat(((IllegalTransition) refused).status().value()).isEqualTo(409));
			return;
		}
		Transition<CaseFile> t = CASE_ACTIONS.get(action).apply(before);
		assertThat(t.before()).isSameAs(before);
		assertThat(t.after().state()).isEqualTo(state.after(action));
		if (t.step() != null) {
			assertThat(t.step().from()).isEqualTo(state.name());
			assertThat(t.step().to()).isEqualTo(state.after(action).name());
			assertThat(t.step().actor()).isEqualTo(ACT.by());
		}
	}

	@ParameterizedTest(name = "task {0}: {1}")
	@MethodSource("taskStatesAndActions")
	void doesToATaskExactlyWhatItsStateAllows(TaskState state, TaskState.Action action) {
		Task task = StateMachineTests.task(state);
		if (!state.allows(action)) {
			assertThatThrownBy(() -> TASK_ACTIONS.get(action).apply(task)).isInstanceOf(IllegalTransition.class);
			return;
		}
		Transition<Task> t = TASK_ACTIONS.get(action).apply(task);
		assertThat(t.after().state()).isEqualTo(state.after(action));
		assertThat(t.step().from()).isEqualTo(state.name());
		assertThat(t.step().to()).isEqualTo(state.after(action).name());
		assertThat(t.event() instanceof CaseEvents.TaskDecided).as("a decision is told").isEqualTo(t.after().state().decided());
	}

	@Test
	void reachesEverySuccessorOfEveryStateByOneOfItsActions() {
		for (CaseState state : CaseState.values()) {
			Set<CaseState> reached = EnumSet.noneOf(CaseState.class);
			Stream.of(CaseState.Action.values()).filter(state::allows).map(state::after).filter(s -> s != state).forEach(reached::add);
			Set<CaseState> successors = EnumSet.noneOf(CaseState.class);
			Stream.of(CaseState.values()).filter(state::canMoveTo).forEach(successors::add);
			assertThat(reached).as("from " + state).isEqualTo(successors);
			assertThat(state.isFinal()).isEqualTo(Stream.of(CaseState.Action.values()).noneMatch(state::allows));
		}
		for (TaskState state : TaskState.values()) {
			Set<TaskState> reached = EnumSet.noneOf(TaskState.class);
			Stream.of(TaskState.Action.values()).filter(state::allows).map(state::after).filter(s -> s != state).forEach(reached::add);
			Set<TaskState> successors = EnumSet.noneOf(TaskState.class);
			Stream.of(TaskState.values()).filter(state::canMoveTo).forEach(successors::add);
			assertThat(reached).as("from " + state).isEqualTo(successors);
		}
	}

	@Test
	void makesACaseReadyOnlyWithEveryGapSupplied() {
		CaseFile open = StateMachineTests.aCase(CaseState.IN_PROGRESS, List.of(new CaseFile.Gap("M", "材料", null)));
		assertThatThrownBy(() -> open.makeReady(ACT)).isInstanceOf(IllegalTransition.class);
	}
}

package cn.onego.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.onego.cases.CaseEvents.CaseEvent;

/**
 * Everything one transaction does to one case: the case and its tasks as read, each transition applied to them
 * in order, the tasks dispatched, the steps and events that go with them. Use cases read the case and its tasks
 * as they are now from here, apply transitions to it, and hand it to {@link Cases#save}, which writes it in one
 * statement. A case or task changed twice is written once, in its last form, over the version it was read with.
 */
final class Changes {

	/** A post-verification (事后核查) to schedule for a commitment-based approval. */
	record NewVerification(UUID id, TaskId task, String department, LocalDate dueOn) {
	}

	/** The decision of a post-verification. */
	record Verified(UUID id, boolean passed, String finding, Act act) {
	}

	private final CaseFile read;
	private CaseFile current;
	private final Map<TaskId, Task> tasksRead = new LinkedHashMap<>();
	private final Map<TaskId, Task> tasks = new LinkedHashMap<>();
	private final Map<TaskId, Task> dispatched = new LinkedHashMap<>();
	private final List<Step> steps = new ArrayList<>();
	private final List<CaseEvent> events = new ArrayList<>();
	private final List<NewVerification> verifications = new ArrayList<>();
	private Verified verified;

	private Changes(CaseFile read, Collection<Task> tasks) {
		this.read = read;
		this.current = read;
		tasks.forEach(t -> {
			tasksRead.put(t.id(), t);
			this.tasks.put(t.id(), t);
		});
	}

	/** The changes to a case as it was read with its tasks. */
	static Changes of(CaseFile read, Collection<Task> tasks) {
		return new Changes(read, tasks);
	}

	/** The changes that open a case: it is new, and so is everything written with it. */
	static Changes opening(Transition<CaseFile> opened) {
		Changes changes = new Changes(null, List.of());
		changes.apply(opened);
		return changes;
	}

	CaseFile caseFile() {
		return current;
	}

	List<Task> tasks() {
		return List.copyOf(tasks.values());
	}

	Task task(TaskId id) {
		return tasks.get(id);
	}

	/**
	 * Applies a transition of the case, or of one of its tasks (also one dispatched in this transaction): the
	 * aggregate afterwards is the current one from now on; the transition's step and event are recorded in order.
	 * Returns the aggregate afterwards.
	 */
	<T> T apply(Transition<T> transition) {
		if (transition.after() instanceof CaseFile after) {
			current = after;
		}
		else if (transition.after() instanceof Task after) {
			if (dispatched.containsKey(after.id())) {
				dispatched.put(after.id(), after);
			}
			tasks.put(after.id(), after);
		}
		record(transition.step(), transition.event());
		return transition.after();
	}

	/** New tasks of the case, each with its dispatch step. */
	void dispatch(Task task, Step step) {
		dispatched.put(task.id(), task);
		tasks.put(task.id(), task);
		steps.add(step);
	}

	/** A step that goes with no transition (a scheduled verification, a blacklisting). */
	void note(Step step) {
		steps.add(step);
	}

	void schedule(NewVerification verification) {
		verifications.add(verification);
	}

	void verified(Verified decision) {
		this.verified = decision;
	}

	private void record(Step step, CaseEvent event) {
		if (step != null) {
			steps.add(step);
		}
		if (event != null) {
			events.add(event);
		}
	}

	// ------------------------------------------------------------------ what Cases#save writes

	boolean isOpening() {
		return read == null;
	}

	/** The case as read, or null when this opens it. */
	CaseFile caseRead() {
		return read;
	}

	/** Whether the case itself changed (not only its tasks). */
	boolean caseChanged() {
		return read == null || !read.equals(current);
	}

	/** The tasks of the case that changed, each with the task as read (its version is the one checked). */
	Map<Task, Task> changedTasks() {
		Map<Task, Task> changed = new LinkedHashMap<>();
		tasksRead.forEach((id, before) -> {
			Task after = tasks.get(id);
			if (!after.equals(before)) {
				changed.put(before, after);
			}
		});
		return changed;
	}

	Collection<Task> dispatched() {
		return dispatched.values();
	}

	List<Step> steps() {
		return steps;
	}

	List<CaseEvent> events() {
		return events;
	}

	List<NewVerification> verifications() {
		return verifications;
	}

	Verified verified() {
		return verified;
	}

	boolean isEmpty() {
		return !caseChanged() && changedTasks().isEmpty() && dispatched.isEmpty() && steps.isEmpty() && verified == null;
	}

	/** The case and its tasks as stored after the save. */
	Changes saved() {
		CaseFile stored = read == null ? current : current.saved(caseChanged());
		Map<TaskId, Task> changed = new LinkedHashMap<>();
		changedTasks().values().forEach(t -> changed.put(t.id(), t.saved()));
		return new Changes(stored, tasks.values().stream().map(t -> changed.getOrDefault(t.id(), t)).toList());
	}
}

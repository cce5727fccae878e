package cn.onego.cases;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules that move a case forward from its tasks: which waiting tasks may start, which can no
 * longer start, whether a mandatory item failed, and when everything is settled.
 */
final class CaseProgress {

	private CaseProgress() {
	}

	private static Map<String, Task> byItem(List<Task> tasks) {
		return tasks.stream().collect(Collectors.toMap(Task::item, Function.identity()));
	}

	/** Waiting tasks whose every prerequisite is approved. */
	static List<Task> startable(List<Task> tasks) {
		Map<String, Task> items = byItem(tasks);
		return tasks.stream()
			.filter(t -> t.state() == TaskState.WAITING)
			.filter(t -> t.prerequisites().stream().allMatch(p -> items.get(p).state() == TaskState.APPROVED))
			.toList();
	}

	/** Waiting tasks with a prerequisite that will never be approved. */
	static List<Task> blocked(List<Task> tasks) {
		Map<String, Task> items = byItem(tasks);
		return tasks.stream()
			.filter(t -> t.state() == TaskState.WAITING)
			.filter(t -> t.prerequisites().stream().map(items::get).anyMatch(p -> p.state().settled() && p.state() != TaskState.APPROVED))
			.toList();
	}

	/** A mandatory item that was refused, or cancelled because a prerequisite failed, ends the case refused. */
	static boolean mandatoryFailed(List<Task> tasks) {
		return tasks.stream()
			.anyMatch(t -> t.mandatory() && (t.state() == TaskState.REFUSED || t.state() == TaskState.CANCELLED));
	}

	/**
	 * The case's due day now: the critical path through its tasks, each taking its limit plus the working
	 * days its clock lost to pauses, counted from the day after acceptance (on a provisional calendar, a day in a
	 * year whose holidays are not loaded yet).
	 */
	static java.time.LocalDate dueDate(java.time.LocalDate acceptedOn, List<Task> tasks, cn.onego.clock.WorkingDayCalendar calendar) {
		Map<String, Task> items = byItem(tasks);
		var path = cn.onego.application.CriticalPath.of(items.keySet(), item -> items.get(item).prerequisites(),
				item -> (items.get(item).clock().limitDays() == null ? 0 : items.get(item).clock().limitDays()) + items.get(item).clock().lostDays());
		return calendar.plusWorkingDays(acceptedOn, path.length());
	}

	/** AllTasksSettled: nothing more will happen to any task. */
	static boolean allSettled(List<Task> tasks) {
		return tasks.stream().allMatch(t -> t.state().settled());
	}
}

package cn.onego.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.onego.shared.Label;

/**
 * A case's history as people read it: each step's sentence with names, and who took it by name — the system, the
 * applicant, the window of the hall, the department of the task. Staff see the username besides; the applicant's
 * side never does.
 */
final class HistoryLines {

	/** Steps of a task that the window takes, not the task's department. */
	private static final Set<String> WINDOW_ACTIONS = Set.of("DISPATCHED");

	private HistoryLines() {
	}

	/**
	 * The steps as shown; {@code applicantSide} for the applicant's own pages. Steps stored before messages show staff
	 * their text, with the halls named ({@code oldText}).
	 */
	static List<CaseHistories.HistoryStep> of(List<CaseHistories.HistoryRow> rows, CaseFile c, List<Task> tasks, PlainWords words,
			boolean applicantSide, Function<String, String> oldText) {
		Map<UUID, String> departments = tasks.stream().collect(Collectors.toMap(t -> t.id().value(), Task::department, (a, b) -> a));
		Label window = window(words.hall(c.place().hall().value()));
		return rows.stream().map(row -> {
			// a step written before messages kept a working note (codes, enums' names): staff read it, applicants the action
			Label detail = row.message() != null ? said(words.say(row.message()))
					: row.detail() == null || applicantSide ? null : Label.of(oldText.apply(row.detail()), oldText.apply(row.detail()));
			Label by = actor(row, c, departments, words, window, applicantSide);
			return new CaseHistories.HistoryStep(row.id(), row.caseId(), row.taskId(), row.at(), applicantSide ? null : row.actor(), by,
					row.action(), row.from(), row.to(), detail);
		}).toList();
	}

	private static Label actor(CaseHistories.HistoryRow row, CaseFile c, Map<UUID, String> departments, PlainWords words, Label window,
			boolean applicantSide) {
		if (Act.SYSTEM.equals(row.actor())) {
			return Label.of("系统", "System");
		}
		if (row.actor() != null && row.actor().equals(c.applicant().username())) {
			return applicantSide ? Label.of("您本人", "You") : Label.of("申请人", "The applicant");
		}
		boolean atWindow = row.taskId() == null || WINDOW_ACTIONS.contains(row.action())
				|| row.message() != null && row.message().key() == HistoryText.APPROVED_ON_THE_SPOT;
		String department = atWindow ? null : departments.get(row.taskId());
		return department == null ? window : words.department(department);
	}

	/** Nothing, when all of a sentence was optional and had no values. */
	private static Label said(Label sentence) {
		return sentence.zh().isBlank() ? null : sentence;
	}

	/** The window of a hall: "综合窗口（芙蓉区政务服务中心）". */
	static Label window(Label hall) {
		return Label.of("综合窗口（" + hall.zh() + "）",
				"General window, " + (hall.en() == null || hall.en().isBlank() ? hall.zh() : hall.en()));
	}
}

package cn.onego.cases;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.clock.Deadline.Colour;

/**
 * A task as staff read it ({@link CaseQueries.TaskView}): its item and department by name and its clock today. One
 * place for the case's page and the department's queue, so that a task shows the same working days and colour in
 * both.
 */
@Component
class TaskViews {

	private final TaskClocks clocks;

	TaskViews(TaskClocks clocks) {
		this.clocks = clocks;
	}

	CaseQueries.TaskView view(Catalogue catalogue, Task t) {
		var region = catalogue.department(t.department()).map(Department::region);
		LocalDate today = clocks.today();
		Integer[] clock = region.map(r -> clocks.elapsedAndRemaining(t, r, today)).orElse(new Integer[] { null, null });
		Colour colour = region.map(r -> clocks.colour(t, r, today)).orElse(null);
		return new CaseQueries.TaskView(t, catalogue.item(t.item()).map(i -> i.name()).orElse(null),
				catalogue.department(t.department()).map(Department::name).orElse(t.department()), clock[0], clock[1], colour,
				region.map(r -> clocks.provisional(r, t.clock().dueOn())).orElse(false),
				catalogue.department(t.department()).map(Department::nameEn).orElse(null),
				// the task keeps its result's name in Chinese as decided; the catalogue has it in both languages
				t.outcome() == null || t.outcome().result() == null ? null : catalogue.item(t.item()).map(i -> i.result().name()).orElse(null));
	}
}

package cn.onego.cases;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationRecord;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;

/**
 * 后台分类审批: one task per applicable item, in the competent department — the park's department when the item is
 * delegated to parks (赋权) and the application names a park, else the department the catalogue makes competent for
 * the applicant's region. Those without prerequisites start at once, with one step in the history for both; 即办 and
 * 秒批 decide the ones they may.
 */
@Component
class Dispatch {

	private final CatalogQueries catalog;
	private final TaskClocks clocks;
	private final InstantDecisions instant;

	Dispatch(CatalogQueries catalog, TaskClocks clocks, InstantDecisions instant) {
		this.catalog = catalog;
		this.clocks = clocks;
		this.instant = instant;
	}

	void dispatch(Changes changes, ApplicationRecord application, Matter matter, List<String> items, Collection<String> commitments,
			Act act) {
		Catalogue catalogue = catalog.catalogue();
		CaseFile c = changes.caseFile();
		for (String code : items) {
			Item item = catalogue.item(code).orElseThrow();
			Department department = competentDepartment(catalogue, item, application, c);
			boolean mandatory = matter.items().stream().filter(l -> l.item().equals(code)).findFirst().orElseThrow().mandatory();
			boolean commitment = item.materials().stream().anyMatch(l -> commitments.contains(l.material()));
			List<String> prerequisites = matter.prerequisitesOf(code).stream().filter(items::contains).toList();
			Task task = Task.waiting(TaskId.next(), c.id(), code, department.code(), mandatory, commitment, prerequisites,
					item.promisedLimit());
			LocalDate due = null;
			if (prerequisites.isEmpty()) {
				Task.Clock clock = clocks.started(c.place().region(), clocks.day(act.at()), item.promisedLimit());
				task = task.start(Map.of(), clock, "DISPATCHED", act, null).after();
				due = clock.dueOn();
			}
			StepMessage said = StepMessage.of(HistoryText.DISPATCHED, "department", department.code(), "after", prerequisites, "due", due,
					"provisional", clocks.provisional(c.place().region(), due));
			changes.dispatch(task, Step.of(c.id(), task.id(), act, "DISPATCHED", null, task.state(), said));
		}
		Supplier<ApplicationRecord> submitted = () -> application;
		for (Task task : changes.tasks()) {
			if (task.state() == TaskState.PENDING) {
				instant.decide(changes, task, catalogue.item(task.item()).orElseThrow(), submitted, act, true);
			}
		}
	}

	private static Department competentDepartment(Catalogue catalogue, Item item, ApplicationRecord application, CaseFile c) {
		Optional<Department> delegated = application.park() != null && item.delegatedToParks()
				? catalogue.department(application.park() + "-" + item.departmentType()) : Optional.empty();
		return delegated.or(() -> catalogue.competentDepartment(item, c.place().region()))
			.orElseThrow(() -> new CaseProblems.NoCompetentDepartment(item.code(), c.place().region().value()));
	}
}

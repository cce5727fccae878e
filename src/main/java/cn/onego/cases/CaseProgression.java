package cn.onego.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationRecord;
import cn.onego.cases.CaseFile.Refusal;
import cn.onego.cases.Task.TaskResult;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Item;

/**
 * Moves a case on after a change, by the rules of {@link CaseProgress}: cancels the tasks that can no longer start,
 * refuses the case when a mandatory item failed, starts the tasks whose prerequisites are all approved (with their
 * results), lets 即办 and 秒批 decide at once, and makes the case ready when everything is settled and no gap is open.
 * Works on the case and tasks of the {@link Changes}, in memory; the save writes what it did.
 */
@Component
class CaseProgression {

	private final CatalogQueries catalog;
	private final TaskClocks clocks;
	private final InstantDecisions instant;

	CaseProgression(CatalogQueries catalog, TaskClocks clocks, InstantDecisions instant) {
		this.catalog = catalog;
		this.clocks = clocks;
		this.instant = instant;
	}

	void advance(Changes changes, Act act, Supplier<ApplicationRecord> application, boolean atWindow) {
		Catalogue catalogue = catalog.catalogue();
		Act system = act.bySystem();
		boolean changed = true;
		while (changed && changes.caseFile().state() == CaseState.IN_PROGRESS) {
			changed = false;
			for (Task blocked : CaseProgress.blocked(changes.tasks())) {
				changes.apply(blocked.cancel(StepMessage.of(HistoryText.CANCELLED_PREREQUISITE), system));
				changed = true;
			}
			List<Task> current = changes.tasks();
			if (CaseProgress.mandatoryFailed(current)) {
				refuse(changes, current, catalogue, system);
				return;
			}
			Map<String, Task> byItem = new LinkedHashMap<>();
			current.forEach(t -> byItem.put(t.item(), t));
			for (Task ready : CaseProgress.startable(current)) {
				Item item = catalogue.item(ready.item()).orElseThrow();
				Map<String, TaskResult> inputs = new LinkedHashMap<>();
				ready.prerequisites().forEach(p -> inputs.put(p, byItem.get(p).outcome().result()));
				Task.Clock clock = clocks.started(changes.caseFile().place().region(), clocks.day(act.at()), item.promisedLimit());
				StepMessage said = StepMessage.of(HistoryText.STARTED, "due", clock.dueOn(), "provisional",
						clocks.provisional(changes.caseFile().place().region(), clock.dueOn()), "inputs", List.copyOf(inputs.keySet()));
				Task started = changes.apply(ready.start(inputs, clock, "STARTED", system, said));
				instant.decide(changes, started, item, application, act, atWindow);
				changed = true;
			}
		}
		CaseFile c = changes.caseFile();
		if (c.state() == CaseState.IN_PROGRESS && CaseProgress.allSettled(changes.tasks()) && c.terms().openGaps().isEmpty()) {
			changes.apply(c.makeReady(system));
		}
	}

	/** A mandatory item failed: the open tasks are cancelled and the case ends refused, with the item named. */
	private void refuse(Changes changes, List<Task> tasks, Catalogue catalogue, Act system) {
		Task failed = tasks.stream()
			.filter(t -> t.mandatory() && (t.state() == TaskState.REFUSED || t.state() == TaskState.CANCELLED))
			.findFirst()
			.orElseThrow();
		String reason = "必办事项未获准予：" + catalogue.item(failed.item()).orElseThrow().name().zh();
		for (Task open : tasks) {
			if (!open.state().settled()) {
				changes.apply(open.cancel(StepMessage.of(HistoryText.CANCELLED_CASE_REFUSED), system));
			}
		}
		changes.apply(changes.caseFile().refuse(new Refusal(reason,
				failed.outcome().decision() == null ? null : failed.outcome().decision().legalBasis(), system.by()),
				StepMessage.of(HistoryText.REFUSED_MANDATORY_ITEM, "item", failed.item()), system));
	}
}

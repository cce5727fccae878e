package cn.onego.cases;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationRecord;
import cn.onego.cases.Task.TaskResult;
import cn.onego.catalog.AutoApproval;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.catalog.Item;
import cn.onego.identity.Actors;
import cn.onego.sharing.OnceOnly;

/**
 * Decisions nobody has to take: 秒批 — the item's catalogue rule holds on the application's facts and the registries'
 * records, and the system approves — and 即办 — an on-the-spot item without prerequisites, approved at the window when
 * the case is accepted. And what every approval on commitment brings: its post-verification (事后核查).
 */
@Component
class InstantDecisions {

	private final OnceOnly onceOnly;
	private final TaskClocks clocks;
	private final CatalogQueries catalog;
	private final int verificationWorkingDays;

	InstantDecisions(OnceOnly onceOnly, TaskClocks clocks, CatalogQueries catalog,
			@Value("${onego.cases.verification-working-days:40}") int verificationWorkingDays) {
		this.onceOnly = onceOnly;
		this.catalog = catalog;
		this.clocks = clocks;
		this.verificationWorkingDays = verificationWorkingDays;
	}

	/**
	 * Approves a task just started if a 秒批 rule or 即办 at the window allows it; the application is read only if a
	 * rule asks for its facts.
	 */
	void decide(Changes changes, Task task, Item item, Supplier<ApplicationRecord> application, Act act, boolean atWindow) {
		CaseFile c = changes.caseFile();
		String rule = null;
		StepMessage said = null;
		Act by = act.bySystem();
		if (item.autoApproval() != null && item.autoApproval().holds(facts(c, item.autoApproval(), application.get()))) {
			rule = "秒批 " + item.autoApproval().code() + ": " + item.autoApproval().when();
			said = StepMessage.of(HistoryText.APPROVED_AUTOMATICALLY, "conditions", item.autoApproval()
				.when()
				.stream()
				.map(w -> Map.of("fact", w.fact(), "op", w.op().name(), "values", w.values() == null ? List.of() : w.values()))
				.toList());
		}
		else if (item.instant() && atWindow && task.prerequisites().isEmpty()) {
			rule = "即办件（窗口即办）";
			said = StepMessage.of(HistoryText.APPROVED_ON_THE_SPOT);
			by = act;
		}
		if (rule == null) {
			return;
		}
		String number = item.result().kind() == ResultKind.LICENCE ? c.number().value() + "-" + item.code() : null;
		// the result's notice is printed on the decision: the rule as a sentence, not its code and conditions
		String notice = PlainWords.of(catalog.catalogue()).say(said).zh();
		TaskResult result = new TaskResult(item.result().kind(), item.result().licenceType(), number, item.result().name().zh(), notice);
		approved(changes, changes.apply(task.approveDirectly(result, rule, said, by)), by);
	}

	/** After an approval: one on commitment is verified afterwards, by its department, within the configured days. */
	void approved(Changes changes, Task approved, Act act) {
		if (approved.state() != TaskState.APPROVED || !approved.commitment()) {
			return;
		}
		CaseFile c = changes.caseFile();
		LocalDate due = clocks.due(c.place().region(), clocks.day(act.at()), verificationWorkingDays);
		changes.schedule(new Changes.NewVerification(UUID.randomUUID(), approved.id(), approved.department(), due));
		changes.note(Step.note(c.id(), approved.id(), act, "VERIFICATION_SCHEDULED", StepMessage.of(HistoryText.VERIFICATION_SCHEDULED,
				"due", due, "provisional", clocks.provisional(c.place().region(), due))));
	}

	/** The facts a 秒批 rule reads: the form's values, and registry records under the application's consent. */
	private Map<String, String> facts(CaseFile c, AutoApproval rule, ApplicationRecord application) {
		Map<String, String> facts = new HashMap<>();
		application.form().forEach((element, value) -> facts.put("form." + element, value.value()));
		for (String registry : rule.registries()) {
			var read = onceOnly.registry(new OnceOnly.ReadRequest(Actors.SYSTEM.username(), c.applicant().id(), c.matter(),
					application.consentId(), "秒批核验：" + c.number()), Registry.valueOf(registry), "秒批 " + rule.code());
			read.value().ifPresent(data -> data.forEach((k, v) -> facts.put("registry." + registry + "." + k, String.valueOf(v))));
		}
		return facts;
	}
}

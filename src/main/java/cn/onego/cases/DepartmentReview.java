package cn.onego.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import org.springframework.stereotype.Component;

import cn.onego.application.Submissions;
import cn.onego.cases.Task.Decision;
import cn.onego.cases.Task.TaskResult;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.catalog.Item;
import cn.onego.credit.CreditRecords;
import cn.onego.identity.Actor;
import cn.onego.licences.ELicences;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.platform.Text.Kind;

/**
 * 后台审批: a reviewer of the task's department claims it, gives it back, approves it with its result, refuses it with
 * reason and legal basis (and, when the applicant gave false materials, lists them in credit), asks the applicant for
 * more through the window, or suspends it for a special procedure and resumes it. Each decision is checked against the reviewer's department first, then the request, then the
 * version the reviewer read (two reviewers at once: one wins, the other gets 409); then the case moves on.
 */
@Component
class DepartmentReview {

	/** The special procedures (特别程序) that stop a task's clock. */
	static final Set<String> PROCEDURES = Set.of("EXPERT_REVIEW", "PUBLIC_NOTICE", "ON_SITE_INSPECTION", "HEARING", "TESTING");

	private final Cases cases;
	private final CaseTransactions transactions;
	private final CaseAccess access;
	private final CatalogQueries catalog;
	private final Submissions submissions;
	private final TaskClocks clocks;
	private final InstantDecisions instant;
	private final CaseProgression progression;
	private final ELicences licences;
	private final CreditRecords credit;
	private final Clock clock;

	DepartmentReview(Cases cases, CaseTransactions transactions, CaseAccess access, CatalogQueries catalog, Submissions submissions,
			TaskClocks clocks, InstantDecisions instant, CaseProgression progression, ELicences licences, CreditRecords credit, Clock clock) {
		this.credit = credit;
		this.cases = cases;
		this.transactions = transactions;
		this.access = access;
		this.catalog = catalog;
		this.submissions = submissions;
		this.clocks = clocks;
		this.instant = instant;
		this.progression = progression;
		this.licences = licences;
		this.clock = clock;
	}

	Task claim(Actor reviewer, TaskId task, int version) {
		return decide(reviewer, task, version, () -> {
		}, (t, c, act) -> t.claim(act));
	}

	Task release(Actor reviewer, TaskId task, int version) {
		return decide(reviewer, task, version, () -> {
		}, (t, c, act) -> t.release(act));
	}

	Task approve(Actor reviewer, TaskId task, int version, String number, String notice) {
		String licenceNumber = number == null || number.isBlank() ? null : number.trim();
		return decide(reviewer, task, version, () -> {
			List<FieldProblem> problems = new ArrayList<>();
			Text.check(problems, "number", number, Kind.LINE, Text.CODE);
			Text.check(problems, "notice", notice, Kind.FREE_TEXT, Text.REASON);
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
		}, (t, c, act) -> {
			Item item = catalog.catalogue().item(t.item()).orElseThrow();
			if (item.result().kind() == ResultKind.LICENCE && licenceNumber == null) {
				throw InvalidInput.of("number", "required", Message.of("证照类结果须填写证照编号", "a licence result needs its number"));
			}
			Transition<Task> approval = t.approve(new TaskResult(item.result().kind(), item.result().licenceType(), licenceNumber,
					item.result().name().zh(), notice == null ? null : notice.trim()), licenceNumber == null ? null : StepMessage.of(HistoryText.LICENCE_NUMBER, "number", licenceNumber), act);
			if (item.result().kind() == ResultKind.LICENCE) {
				// a number not of the licence type, or held by somebody else, is refused on the field before anything
				// changes (the transition is only a value until it is applied); a task that may not be approved says so first
				licences.requireIssuable(c.applicant().id(), item.result().licenceType(), licenceNumber);
			}
			return approval;
		});
	}

	/** Refuses with reason and legal basis; a refusal for false materials (提供虚假材料) also lists the applicant. */
	Task refuse(Actor reviewer, TaskId task, int version, String reason, String legalBasis, boolean falseMaterials) {
		return decide(reviewer, task, version, () -> {
			Requests.requireText("reason", reason, "请写明不予许可的理由", "give the reason");
			Requests.requireText("legalBasis", legalBasis, "请写明法律依据", "give the legal basis");
		}, (t, c, act) -> t.refuse(new Decision(reason.trim(), legalBasis.trim(), null, null, List.of()), act), (changes, act) -> {
			if (falseMaterials) {
				CreditListing.list(credit, changes, "提供虚假材料：" + reason.trim(), act);
			}
		});
	}

	/** The department asks the applicant, through the window, for more; the requests join the case's one list. */
	Task askForSupplement(Actor reviewer, TaskId task, int version, List<SupplementRequest> requests) {
		List<List<SupplementRequest>> asked = new ArrayList<>(1);
		return decide(reviewer, task, version, () -> asked.add(Requests.supplementRequests(requests, reviewer.username(),
				task.toString())), (t, c, act) -> t.askForSupplement(new Decision(null, null, null, null, asked.get(0)),
						Requests.describe(asked.get(0)), act));
	}

	Task suspend(Actor reviewer, TaskId task, int version, String procedure, String reason, Integer maxWorkingDays) {
		return decide(reviewer, task, version, () -> {
			List<FieldProblem> problems = new ArrayList<>();
			if (procedure == null || !PROCEDURES.contains(procedure)) {
				problems.add(new FieldProblem("procedure", "invalid", Message.of("特别程序应为：" + PROCEDURES,
						"the special procedure is one of " + PROCEDURES)));
			}
			if (reason == null || reason.isBlank()) {
				problems.add(new FieldProblem("reason", "required", Message.of("请写明理由", "give the reason")));
			}
			Text.check(problems, "reason", reason, Kind.FREE_TEXT, Text.REASON);
			if (maxWorkingDays == null || maxWorkingDays < 1 || maxWorkingDays > 250) {
				problems.add(new FieldProblem("maxWorkingDays", "range", Message.of("最长期限应为1至250个工作日",
						"the longest duration is 1 to 250 working days")));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
		}, (t, c, act) -> t.suspend(new Decision(reason.trim(), null, procedure, maxWorkingDays, List.of()),
				StepMessage.of(HistoryText.SUSPENDED, "procedure", procedure, "days", maxWorkingDays, "reason", reason.trim()), act));
	}

	Task resume(Actor reviewer, TaskId task, int version) {
		return decide(reviewer, task, version, () -> {
		}, (t, c, act) -> t.resume(null, act));
	}

	/**
	 * One decision on one task: who may decide, what was sent, the version read, the transition; its clock stops or
	 * runs again; a request for more joins the case's list; a decision moves the case on. One read, one save.
	 */
	private Task decide(Actor reviewer, TaskId taskId, int version, Runnable validation, Ruling action) {
		return decide(reviewer, taskId, version, validation, action, (changes, act) -> {
		});
	}

	/** A decision that also does something else to the case's changes, in its transaction (listing the applicant). */
	private Task decide(Actor reviewer, TaskId taskId, int version, Runnable validation, Ruling action, BiConsumer<Changes, Act> also) {
		return transactions.run("子件", () -> {
			Changes changes = access.ofTask(reviewer, taskId);
			validation.run();
			Task t = changes.task(taskId);
			if (t.version() != version) {
				throw new ConcurrentChange("子件", version);
			}
			CaseFile c = changes.caseFile();
			Act act = new Act(reviewer.username(), clock.instant());
			Task next = changes.apply(action.apply(t, c, act).adjusted(after -> clocks.clocked(t, after, c.place().region(),
					clocks.day(act.at()))));
			also.accept(changes, act);
			if (next.state() == TaskState.AWAITING_SUPPLEMENT) {
				changes.apply(c.addSupplementRequests(next.outcome().decision().requests(), Rounds.next(c, cases), act));
			}
			if (next.state().decided()) {
				instant.approved(changes, next, act);
				progression.advance(changes, act, () -> submissions.submitted(c.applicationId()), false);
			}
			return cases.save(changes).task(taskId);
		});
	}

	/** What a decision does to the task, knowing its case. */
	@FunctionalInterface
	private interface Ruling {

		Transition<Task> apply(Task task, CaseFile caseFile, Act act);
	}
}

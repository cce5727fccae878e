package cn.onego.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import cn.onego.application.ApplicationRecord;
import cn.onego.application.Submissions;
import cn.onego.audit.AuditTrail;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.NotFound;
import cn.onego.clock.Deadline.Colour;
import cn.onego.shared.Label;

/** What the applicant, the windows and the departments see of cases. */
@Service
public class CaseQueries {

	private final Cases cases;
	private final CaseHistories histories;
	private final CaseAccess access;
	private final CatalogQueries catalog;
	private final Submissions submissions;
	private final Notifications notifications;
	private final TaskClocks clocks;
	private final AuditTrail audit;
	private final Halls halls;
	private final PaperTransfers transfers;
	private final Queues queues;
	private final VerificationLists verificationLists;
	private final TaskViews taskViews;

	CaseQueries(Cases cases, CaseHistories histories, CaseAccess access, CatalogQueries catalog, Submissions submissions,
			Notifications notifications, TaskClocks clocks, AuditTrail audit, Halls halls, PaperTransfers transfers, Queues queues,
			VerificationLists verificationLists, TaskViews taskViews) {
		this.audit = audit;
		this.transfers = transfers;
		this.halls = halls;
		this.cases = cases;
		this.histories = histories;
		this.access = access;
		this.catalog = catalog;
		this.submissions = submissions;
		this.notifications = notifications;
		this.clocks = clocks;
		this.queues = queues;
		this.verificationLists = verificationLists;
		this.taskViews = taskViews;
	}

	/**
	 * A task as shown: its item and department by name, and its clock today — working days used and
	 * left (null while the calendar of the year is not loaded) and its colour (GREEN, YELLOW, RED).
	 */
	/** A task as staff read it; {@code dueProvisional}: its due day runs into a year whose holidays are not loaded. */
	public record TaskView(Task task, Label itemName, String departmentName, Integer elapsedWorkingDays,
			Integer remainingWorkingDays, Colour colour, boolean dueProvisional, String departmentNameEn, Label resultName) {
	}

	/**
	 * A row of a department's queue: the task as {@link TaskView} shows it, with the case's number, matter
	 * and applicant, so that a queue is one request and one query, not one more per case; for a case a hall of another
	 * region accepted (异地收件), that hall's name.
	 */
	public record QueueEntry(Task task, Label itemName, String departmentName, Integer elapsedWorkingDays,
			Integer remainingWorkingDays, Colour colour, String caseNumber, String matter, Label matterName, String applicantName,
			boolean dueProvisional, String departmentNameEn, Label acceptingHallName) {
	}

	public record Verification(UUID id, UUID caseId, UUID taskId, String department, LocalDate dueOn, String state,
			String finding, String decidedBy, Instant decidedAt) {
	}

	/**
	 * A case with its number read aloud, its due day now (the promised date moved by the working days its
	 * tasks' clocks lost), its tasks, every step of its history (halls named, not coded) and its verifications, and
	 * the hall that handles it as pages show it. A date is provisional when it runs into a year whose holidays are
	 * not loaded yet. A case accepted for another region carries its paper transfer (原件流转), if it has one.
	 */
	public record CaseView(CaseFile caseFile, String numberSpoken, Label matterName, LocalDate dueDate, List<TaskView> tasks,
			List<CaseHistories.HistoryStep> history, List<Verification> verifications, Halls.HallView hall,
			boolean promisedDateProvisional, boolean dueDateProvisional, PaperTransfers.TransferView transfer) {
	}

	/**
	 * The work waiting in every hall's and department's queue now, for the operators' gauges (no actor: counts
	 * only, no case is revealed). A running task's colour is its open deadline's.
	 */
	public Workload workload() {
		return queues.workload();
	}

	/**
	 * The acceptance receipt (受理回执): what was received, what is missing, and the promised date; the hall by its
	 * code for the modules that print it, and as pages show it — name, address, telephone, hours — in {@code hallDetails}.
	 */
	public record Receipt(String number, String numberSpoken, Label matter, String applicant, Instant acceptedAt,
			LocalDate promisedDate, List<ApplicationRecord.MaterialEntry> received, List<CaseFile.Gap> missing,
			List<String> commitments, @com.fasterxml.jackson.annotation.JsonIgnore HallCode hall, String queryCode,
			Halls.HallView hallDetails, boolean promisedDateProvisional, List<Label> commitmentNames) {
	}

	public CaseView view(Actor actor, CaseId caseId) {
		return view(actor, cases.changes(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString())));
	}

	private CaseView view(Actor actor, Changes read) {
		CaseFile c = read.caseFile();
		CaseId caseId = c.id();
		List<Task> taskList = read.tasks();
		access.readable(actor, c, taskList);
		audited(actor, c, "read.case-file", "case/" + c.id());
		Catalogue catalogue = catalog.catalogue();
		List<TaskView> tasks = taskList.stream().map(t -> taskViews.view(catalogue, t)).toList();
		LocalDate due = c.times().acceptedAt() == null || taskList.isEmpty() ? null
				: CaseProgress.dueDate(clocks.day(c.times().acceptedAt()), taskList, clocks.calendar(c.place().region()));
		List<CaseHistories.HistoryStep> history = HistoryLines.of(histories.history(caseId), c, taskList, words(catalogue), !actor.staff(),
				halls::named);
		return new CaseView(c, c.number().spoken(), catalogue.matter(c.matter()).map(m -> m.name()).orElse(null), due, tasks,
				history, verificationLists.ofCase(caseId), halls.view(c.place().hall(), catalogue),
				clocks.provisional(c.place().region(), c.terms().promisedDate()), clocks.provisional(c.place().region(), due),
				c.place().crossRegion() ? transfers.ofCase(caseId, actor.staff()).orElse(null) : null);
	}

	/** The case, if the actor may read it (otherwise not found): for the modules that show what belongs to a case. */
	public CaseFile caseFile(Actor actor, CaseId caseId) {
		Changes read = cases.changes(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
		return access.readable(actor, read.caseFile(), read.tasks());
	}

	/** A case, for the modules that take it further; callers check who may see it. */
	public CaseFile caseFile(CaseId caseId) {
		return find(caseId);
	}

	/** A task, for the modules that report on it. */
	public Task task(TaskId taskId) {
		return cases.task(taskId).orElseThrow(() -> new NotFound("子件", "Task", taskId.toString()));
	}

	/** The tasks of a case. */
	public List<Task> tasksOf(CaseId caseId) {
		return cases.tasks(caseId);
	}

	/** The departments the case's tasks went to. */
	public List<String> departmentsOf(CaseId caseId) {
		return cases.tasks(caseId).stream().map(Task::department).distinct().toList();
	}

	public CaseView byNumber(Actor actor, String number) {
		return view(actor, cases.changesOfNumber(number).orElseThrow(() -> new NotFound("办件", "Case", number)));
	}

	/** The case opened for a submitted application; not found while the outbox has not delivered it yet. */
	public CaseView byApplication(Actor actor, UUID application) {
		return view(actor, cases.changesOfApplication(application)
			.orElseThrow(() -> new NotFound("办件（申请尚未转为办件）", "Case (not opened yet)", application.toString())));
	}

	/**
	 * What the applicant submitted for the case — the form and the materials — for those who handle the
	 * case or applied; not for supervisors, who follow progress, not personal data.
	 */
	public ApplicationRecord application(Actor actor, CaseId caseId) {
		CaseFile c = submission(actor, caseId);
		audited(actor, c, "read.application", "application/" + c.applicationId());
		return submissions.submitted(c.applicationId());
	}

	public Receipt receipt(Actor actor, CaseId caseId) {
		CaseFile c = submission(actor, caseId);
		if (c.times().acceptedAt() == null) {
			throw new NotFound("受理回执（尚未受理）", "Acceptance receipt (not accepted yet)", c.number().value());
		}
		audited(actor, c, "read.receipt", "case/" + c.id());
		ApplicationRecord application = submissions.submitted(c.applicationId());
		List<ApplicationRecord.MaterialEntry> received = received(application, c);
		return new Receipt(c.number().value(), c.number().spoken(), catalog.catalogue().matter(c.matter()).orElseThrow().name(),
				c.applicant().name(), c.times().acceptedAt(), c.terms().promisedDate(), received, c.terms().gaps(), c.terms().commitments(),
				c.place().hall(), cases.queryCode(c.id()), halls.view(c.place().hall(), catalog.catalogue()),
				clocks.provisional(c.place().region(), c.terms().promisedDate()),
				c.terms().commitments().stream()
					.map(code -> catalog.catalogue().material(code).map(m -> m.name()).orElse(Label.of("告知承诺材料", "a material on commitment")))
					.toList());
	}

	/**
	 * The case, if the actor handles it or applied for it (the applicant's side, the clerks of its hall, the
	 * departments holding one of its tasks); not found for anybody else, supervisors included: for the modules that
	 * hand out what was made for the case (its official documents).
	 */
	public CaseFile handledCase(Actor actor, CaseId caseId) {
		return submission(actor, caseId);
	}

	/** The query code of the receipt, for the documents that print it. */
	public String queryCode(CaseId caseId) {
		return cases.queryCode(caseId);
	}

	/**
	 * Who took each case's latest step of that action (a step of the case, not of a task), for many cases in one
	 * statement; a case without such a step is not in the map. As {@link #lastActor}, for the documents' batches.
	 */
	public java.util.Map<CaseId, String> lastActors(java.util.Collection<CaseId> caseIds, String action) {
		return histories.lastActors(caseIds, action);
	}

	/** Who took the case's latest step of that action ({@code ACCEPTED}, {@code ISSUED} …), for the documents that name them. */
	public java.util.Optional<String> lastActor(CaseId caseId, String action) {
		return java.util.Optional.ofNullable(histories.lastActors(List.of(caseId), action).get(caseId));
	}

	/** The words of the catalogue and the halls, to say a history with. */
	private PlainWords words(Catalogue catalogue) {
		return new PlainWords(catalogue, code -> halls.view(HallCode.of(code), catalogue).name());
	}

	/**
	 * The materials the case really received: uploaded, or obtained from a registry or as an e-licence. Not what an
	 * earlier item of the case will produce (the licence this very case issues), not what the merged form or a
	 * commitment replaces, not a gap accepted under 容缺 — a receipt lists what the hall holds, nothing else.
	 */
	public static List<ApplicationRecord.MaterialEntry> received(ApplicationRecord application, CaseFile c) {
		return application.materials()
			.resolved()
			.stream()
			.filter(m -> !m.gap() && c.terms().gaps().stream().noneMatch(g -> g.material().equals(m.material())))
			.filter(m -> !c.terms().commitments().contains(m.material()))
			.filter(m -> m.attachment() != null || m.source() == cn.onego.application.Resolution.Source.E_LICENCE
					|| m.source() == cn.onego.application.Resolution.Source.REGISTRY)
			.toList();
	}

	/** The queue of the clerk's own hall, oldest first. */
	public List<CaseSummary> hallQueue(Actor clerk, CaseState state, QueueSearch search) {
		return queues.hallQueue(clerk, state, search);
	}

	public List<QueueEntry> departmentQueue(Actor reviewer, String department, TaskState state, LocalDate dueBy, String matter,
			QueueSearch search) {
		return queues.departmentQueue(reviewer, department, state, dueBy, matter, search);
	}

	/** The cases of the applicant and those they filed for others, newest first. */
	public List<CaseSummary> mine(Actor applicant) {
		return queues.mine(applicant);
	}

	/** The actor's messages; department heads and supervisors also get the warnings of their scope. */
	public List<Notifications.Notice> notifications(Actor actor) {
		List<String> recipients = new java.util.ArrayList<>(List.of(actor.username()));
		if (actor.has(Role.DEPARTMENT_HEAD) && actor.department() != null) {
			recipients.add("DEPARTMENT_HEAD:" + actor.department());
		}
		String supervised = actor.has(Role.SUPERVISOR) && actor.region() != null
				? cn.onego.shared.RegionCode.of(actor.region()).prefix() : null;
		return notifications.of(recipients, supervised, 200);
	}

	/**
	 * A department's post-verification as its list shows it: the case by number and applicant, the materials the
	 * applicant committed to for the task's item by name, and the due day's colour while it is pending (red once
	 * past, yellow in its last {@value VerificationLists#VERIFICATION_WARNING_DAYS} days).
	 */
	public record DueVerification(UUID id, UUID caseId, UUID taskId, String department, LocalDate dueOn, String state,
			String finding, String decidedBy, Instant decidedAt, String caseNumber, String applicantName, Label itemName,
			List<Label> materials, Colour colour) {
	}

	public List<DueVerification> verifications(Actor reviewer, String department) {
		return verificationLists.of(reviewer, department);
	}

	/**
	 * A read of a case's personal data goes into the audit trail unless the applicant reads their own: staff,
	 * agents and supervisors, after their access was granted.
	 */
	private void audited(Actor actor, CaseFile c, String action, String target) {
		if (!actor.isPerson(c.applicant().id())) {
			audit.record(actor, action, target, "case " + c.number().value());
		}
	}

	private CaseFile find(CaseId caseId) {
		return cases.find(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
	}

	/** The case, if the actor may read what was submitted for it; otherwise not found. */
	private CaseFile submission(Actor actor, CaseId caseId) {
		CaseFile c = find(caseId);
		if (!access.mayReadSubmission(actor, c, cases.tasks(caseId))) {
			throw new NotFound("办件", "Case", caseId.toString());
		}
		return c;
	}
}
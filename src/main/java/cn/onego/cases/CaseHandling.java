package cn.onego.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.application.Answers;
import cn.onego.application.Applicability;
import cn.onego.application.ApplicationRecord;
import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.ApplicationSubmitted;
import cn.onego.application.Attachments;
import cn.onego.application.CriticalPath;
import cn.onego.application.Submissions;
import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseIssued;
import cn.onego.cases.CaseEvents.CaseNotAccepted;
import cn.onego.cases.CaseEvents.CaseOpened;
import cn.onego.cases.CaseEvents.CaseReady;
import cn.onego.cases.CaseEvents.CaseRefused;
import cn.onego.cases.CaseEvents.GapsOverdue;
import cn.onego.cases.CaseEvents.ResultRevoked;
import cn.onego.cases.CaseEvents.SupplementRequested;
import cn.onego.cases.CaseEvents.TaskDecided;
import cn.onego.cases.CaseFile.Gap;
import cn.onego.cases.CaseFile.Issue;
import cn.onego.cases.CaseFile.Mode;
import cn.onego.cases.CaseFile.Refusal;
import cn.onego.cases.Task.Decision;
import cn.onego.cases.Task.TaskResult;
import cn.onego.catalog.AutoApproval;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;
import cn.onego.clock.Calendars;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.credit.CreditRecords;
import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import cn.onego.identity.Role;
import cn.onego.licences.ELicences;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Text;
import cn.onego.platform.Text.Kind;
import cn.onego.shared.RegionCode;
import cn.onego.sharing.OnceOnly;

/**
 * Runs cases from the window to the exit: opening a case for each submitted application, the
 * window's decisions, dispatch to the competent departments, the departments' decisions, 秒批 and
 * 即办, the post-verification of commitments, and issuing. Each action changes one case (and its tasks)
 * in one transaction, records who did what and why, and publishes what happened.
 */
@Service
public class CaseHandling {

	private static final Logger log = LoggerFactory.getLogger(CaseHandling.class);
	private static final Set<String> PROCEDURES = Set.of("EXPERT_REVIEW", "PUBLIC_NOTICE", "ON_SITE_INSPECTION", "HEARING",
			"TESTING");

	private final Cases cases;
	private final CatalogQueries catalog;
	private final Submissions submissions;
	private final Attachments attachments;
	private final Calendars calendars;
	private final CreditRecords credit;
	private final ELicences licences;
	private final OnceOnly onceOnly;
	private final Halls halls;
	private final Notifications notifications;
	private final CaseAccess access;
	private final Actors actors;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final int verificationWorkingDays;
	private final double warningShare;

	CaseHandling(Cases cases, CatalogQueries catalog, Submissions submissions, Attachments attachments, Calendars calendars,
			CreditRecords credit, ELicences licences, OnceOnly onceOnly, Halls halls, Notifications notifications,
			CaseAccess access, Actors actors, JdbcClient jdbc,
			TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock,
			@Value("${onego.cases.verification-working-days:40}") int verificationWorkingDays,
			@Value("${onego.clock.warning-share:0.2}") double warningShare) {
		this.warningShare = warningShare;
		this.cases = cases;
		this.catalog = catalog;
		this.submissions = submissions;
		this.attachments = attachments;
		this.calendars = calendars;
		this.credit = credit;
		this.licences = licences;
		this.onceOnly = onceOnly;
		this.halls = halls;
		this.notifications = notifications;
		this.access = access;
		this.actors = actors;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
		this.verificationWorkingDays = verificationWorkingDays;
	}

	// ------------------------------------------------------------------ opening

	@ApplicationModuleListener
	void on(ApplicationSubmitted submitted) {
		open(submitted.application());
	}

	/** Opens the case of a submitted application in the competent hall's queue; opening twice opens one. */
	public CaseFile open(UUID applicationId) {
		return transactions.execute(status -> {
			Optional<CaseFile> existing = cases.byApplication(applicationId);
			if (existing.isPresent()) {
				return existing.get();
			}
			ApplicationRecord application = submissions.submitted(applicationId);
			Catalogue catalogue = catalog.catalogue();
			Matter matter = catalogue.matter(application.matter()).orElseThrow();
			RegionCode region = RegionCode.of(application.region());
			Instant now = clock.instant();
			CaseNumber number = CaseNumber.of(region, LocalDate.ofInstant(application.submittedAt(), clock.getZone()),
					cases.nextSerial());
			CaseFile opened = new CaseFile(UUID.randomUUID(), number, applicationId, matter.code(), application.applicant().id(),
					application.applicant().name(), recipientOf(application), region.value(),
					halls.competentHall(catalogue, matter, region), application.channel().name(), CaseState.AWAITING_ACCEPTANCE,
					Mode.STANDARD, List.of(), null, false, List.copyOf(application.commitments()), List.of(), null, null,
					application.delivery(), null, application.submittedAt(), null, null, 0);
			if (!cases.insert(opened)) {
				return cases.byApplication(applicationId).orElseThrow();
			}
			cases.record(opened.id(), null, now, application.createdBy(), "SUBMITTED", null, CaseState.AWAITING_ACCEPTANCE,
					"channel " + application.channel() + ", hall " + opened.hall());
			publish(new CaseOpened(opened.id(), number.value(), opened.applicantUsername(), opened.hall()));
			return opened;
		});
	}

	/**
	 * Who hears of the case: whoever applied — the applicant, or a relative or handler acting for them — but
	 * for an application 帮代办 staff entered at the window, the applicant: their account if they have one,
	 * otherwise an SMS to the contact mobile on the form — named {@code SMS:<application id>}, so that the number
	 * itself is read from the (sealed) application when the message is sent and copied nowhere.
	 */
	private String recipientOf(ApplicationRecord application) {
		if (application.agent() == null || !"ASSISTANT".equals(application.agent().capacity())) {
			return application.createdBy();
		}
		return actors.accountOf(application.applicant().id())
			.or(() -> application.form().entrySet().stream()
				.filter(e -> e.getKey().contains("MOBILE") && e.getValue().value() != null)
				.map(e -> SMS_TO_FORM + application.id())
				.findFirst())
			.orElse(application.createdBy());
	}

	/** The recipient of messages by SMS to the contact mobile of an application's form, followed by its id. */
	public static final String SMS_TO_FORM = "SMS:";

	/** An ID number as history, logs and messages show it; a credit code (an enterprise's) as it is. */
	static String masked(String applicantId) {
		return cn.onego.shared.CreditCode.isValid(applicantId) ? applicantId : cn.onego.shared.IdNumber.mask(applicantId);
	}

	// ------------------------------------------------------------------ the window

	/**
	 * How the window accepts: materials accepted as missing (容缺) with the working days to supply them,
	 * and materials the applicant's signed commitment replaces (告知承诺). Both empty: a standard acceptance.
	 */
	public record Acceptance(List<String> gaps, Integer gapWorkingDays, List<String> commitments) {
	}

	public CaseFile accept(Actor clerk, UUID caseId, int version, Acceptance decision) {
		if (decision != null) {
			List<FieldProblem> problems = new ArrayList<>();
			codes(problems, "gaps", decision.gaps());
			codes(problems, "commitments", decision.commitments());
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
		}
		return transactions.execute(status -> {
			CaseFile c = atWindow(clerk, caseId, version);
			IllegalTransition.check(c.state() == CaseState.AWAITING_ACCEPTANCE, "办件", c.state(), "受理");
			ApplicationRecord application = submissions.submitted(c.applicationId());
			Catalogue catalogue = catalog.catalogue();
			Matter matter = catalogue.matter(c.matter()).orElseThrow();
			List<String> items = Applicability.of(matter, new Answers(application.answers())).items();
			Map<String, MaterialEntry> materials = application.materials()
				.resolved()
				.stream()
				.collect(Collectors.toMap(MaterialEntry::material, Function.identity()));
			List<String> gapCodes = decision == null || decision.gaps() == null ? List.of() : decision.gaps();
			Set<String> commitments = new LinkedHashSet<>(application.commitments());
			if (decision != null && decision.commitments() != null) {
				commitments.addAll(decision.commitments());
			}
			if ((!gapCodes.isEmpty() || !commitments.isEmpty()) && credit.blacklisted(c.applicantId())) {
				throw new CaseProblems.GreenChannelClosed(masked(c.applicantId()));
			}
			List<FieldProblem> problems = new ArrayList<>();
			for (MaterialEntry m : materials.values()) {
				if (m.gap() && !gapCodes.contains(m.material()) && !commitments.contains(m.material())) {
					problems.add(new FieldProblem("gaps", "missing-material", Message.of(
							"材料未提交：" + m.name().zh() + "。请一次性告知补正，或按容缺受理并列入缺项",
							"material missing: " + english(m.name()) + "; ask for a supplement, or accept with it as a gap")));
				}
			}
			int smallestLimit = Integer.MAX_VALUE;
			for (String gap : gapCodes) {
				MaterialEntry m = materials.get(gap);
				if (m == null) {
					problems.add(new FieldProblem("gaps", "unknown-material", Message.of("本申请没有此材料：" + gap, "the application has no such material: " + gap)));
					continue;
				}
				for (String item : m.neededBy()) {
					Item it = catalogue.item(item).orElseThrow();
					boolean allowed = it.materials().stream().anyMatch(l -> l.material().equals(gap) && l.gapAllowed());
					if (!allowed) {
						problems.add(new FieldProblem("gaps", "gap-not-allowed", Message.of(
								"事项“" + it.name().zh() + "”不允许容缺：" + m.name().zh(),
								"item '" + english(it.name()) + "' does not accept " + english(m.name()) + " as a gap")));
					}
					smallestLimit = Math.min(smallestLimit, it.promisedLimit());
				}
			}
			for (String committed : commitments) {
				MaterialEntry m = materials.get(committed);
				boolean allowed = m != null && m.neededBy().stream().allMatch(item -> catalogue.item(item).orElseThrow()
					.materials()
					.stream()
					.anyMatch(l -> l.material().equals(committed) && l.commitmentAllowed()));
				if (!allowed) {
					problems.add(new FieldProblem("commitments", "not-allowed", Message.of("该材料不适用告知承诺制：" + committed,
							"this material cannot be replaced by a commitment: " + committed)));
				}
			}
			Integer gapDays = decision == null ? null : decision.gapWorkingDays();
			if (!gapCodes.isEmpty() && (gapDays == null || gapDays < 1 || gapDays > smallestLimit)) {
				problems.add(new FieldProblem("gapWorkingDays", "range", Message.of(
						"容缺补正期限应为1至" + smallestLimit + "个工作日（不超过相关事项的承诺时限）",
						"the gap deadline is 1 to " + smallestLimit + " working days (not beyond the items' promised limits)")));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInput(problems);
			}
			WorkingDayCalendar calendar = calendars.of(RegionCode.of(c.region()));
			Instant now = clock.instant();
			LocalDate today = LocalDate.ofInstant(now, clock.getZone());
			int days = CriticalPath.of(items, matter::prerequisitesOf, code -> catalogue.item(code).orElseThrow().promisedLimit())
				.length();
			LocalDate promised = due(calendar, today, days);
			List<Gap> gaps = gapCodes.stream().map(code -> new Gap(code, materials.get(code).name().zh(), null)).toList();
			LocalDate gapDeadline = gaps.isEmpty() ? null : due(calendar, today, gapDays);
			Mode mode = !gaps.isEmpty() ? Mode.WITH_GAPS : !commitments.isEmpty() ? Mode.ON_COMMITMENT : Mode.STANDARD;
			CaseFile accepted = save(c.accept(mode, gaps, gapDeadline, List.copyOf(commitments), promised, now), version);
			cases.record(c.id(), null, now, clerk.username(), "ACCEPTED", c.state(), accepted.state(),
					"mode " + mode + (gaps.isEmpty() ? "" : ", gaps " + gapCodes + " by " + gapDeadline)
							+ (commitments.isEmpty() ? "" : ", commitments " + commitments) + ", promised " + promised);
			publish(new CaseAccepted(c.id(), c.number().value(), c.applicantUsername(), promised, mode.name(),
					gapCodes, gapDeadline));
			return dispatch(accepted, application, matter, items, commitments, clerk, now);
		});
	}

	/**
	 * One task per applicable item, to the competent department. Those with no prerequisite start at once:
	 * they are stored already started, with one step in the history for both, and all tasks and their steps
	 * go to the database in one round trip each.
	 */
	private CaseFile dispatch(CaseFile c, ApplicationRecord application, Matter matter, List<String> items,
			Set<String> commitments, Actor clerk, Instant now) {
		Catalogue catalogue = catalog.catalogue();
		RegionCode region = RegionCode.of(c.region());
		WorkingDayCalendar calendar = calendars.of(region);
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		List<Task> dispatched = new ArrayList<>();
		List<Cases.NewStep> steps = new ArrayList<>();
		for (String code : items) {
			Item item = catalogue.item(code).orElseThrow();
			// an item delegated to parks (赋权) goes to the department the enterprise's park runs for it
			Optional<Department> delegated = application.park() != null && item.delegatedToParks()
					? catalogue.department(application.park() + "-" + item.departmentType()) : Optional.empty();
			Department department = delegated.or(() -> catalogue.competentDepartment(item, region))
				.orElseThrow(() -> new CaseProblems.NoCompetentDepartment(code, c.region()));
			boolean mandatory = matter.items().stream().filter(l -> l.item().equals(code)).findFirst().orElseThrow().mandatory();
			boolean commitment = item.materials().stream().anyMatch(l -> commitments.contains(l.material()));
			List<String> prerequisites = matter.prerequisitesOf(code).stream().filter(items::contains).toList();
			Task task = new Task(UUID.randomUUID(), c.id(), code, department.code(), mandatory, commitment, TaskState.WAITING,
					prerequisites, Map.of(), null, null, null, null, null, null, null, 0, item.promisedLimit(), 0, null, null, "GREEN");
			String detail = "to " + department.name() + (prerequisites.isEmpty() ? "" : ", after " + prerequisites);
			if (prerequisites.isEmpty()) {
				task = started(task, item, Map.of(), calendar, today);
				detail += ", " + startDetail(task);
			}
			dispatched.add(task);
			steps.add(new Cases.NewStep(c.id(), task.id(), now, clerk.username(), "DISPATCHED", null, task.state(), detail));
		}
		cases.insert(c, dispatched);
		cases.recordAll(steps);
		Supplier<ApplicationRecord> submitted = () -> application;
		for (Task task : dispatched) {
			if (task.state() == TaskState.PENDING) {
				instantDecision(c, task, catalogue.item(task.item()).orElseThrow(), submitted, clerk, true, now);
			}
		}
		return advance(c, clerk, now, submitted, true);
	}

	public CaseFile refuseToAccept(Actor clerk, UUID caseId, int version, String reason, String legalBasis) {
		mayActAtWindow(clerk, caseId);
		requireText("reason", reason, "请写明不予受理的理由", "give the reason");
		requireText("legalBasis", legalBasis, "请写明法律依据", "give the legal basis");
		return transactions.execute(status -> {
			CaseFile c = atWindow(clerk, caseId, version);
			Instant now = clock.instant();
			CaseFile refused = save(c.refuseToAccept(new Refusal(reason.trim(), legalBasis.trim(), clerk.username()), now), version);
			cases.record(c.id(), null, now, clerk.username(), "NOT_ACCEPTED", c.state(), refused.state(),
					reason.trim() + "（" + legalBasis.trim() + "）");
			publish(new CaseNotAccepted(c.id(), c.number().value(), c.applicantUsername(), reason.trim()));
			return refused;
		});
	}

	/** 一次性告知: everything missing before acceptance, in one request. */
	public CaseFile askForSupplement(Actor clerk, UUID caseId, int version, List<SupplementRequest> requests) {
		mayActAtWindow(clerk, caseId);
		List<SupplementRequest> asked = checkedRequests(requests, clerk.username(), null);
		return transactions.execute(status -> {
			CaseFile c = atWindow(clerk, caseId, version);
			CaseFile waiting = save(c.askForSupplement(asked), version);
			Instant now = clock.instant();
			cases.record(c.id(), null, now, clerk.username(), "SUPPLEMENT_REQUESTED", c.state(), waiting.state(), describe(asked));
			publish(new SupplementRequested(c.id(), c.number().value(), c.applicantUsername(),
					asked.stream().map(SupplementRequest::subject).toList(), rounds(c.id()) + 1));
			return waiting;
		});
	}

	/**
	 * The applicant (or the window for them) supplies what was asked: attachments by material. Before
	 * acceptance the case goes back to the queue; during handling the waiting tasks resume and supplied
	 * gaps close.
	 */
	public CaseFile supplement(Actor actor, UUID caseId, Map<String, String> attachments, String note) {
		CaseFile before = cases.find(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
		if (!access.isApplicantSide(actor, before) && !actor.clerkOf(before.hall())) {
			throw new NotFound("办件", "Case", caseId.toString()); // before anything about the request is said
		}
		List<FieldProblem> problems = new ArrayList<>();
		Text.check(problems, "note", note, Kind.FREE_TEXT, Text.REASON);
		if (attachments != null && attachments.size() > MAX_ENTRIES) {
			problems.add(new FieldProblem("attachments", "too-many", Message.of("至多" + MAX_ENTRIES + "项", "at most " + MAX_ENTRIES + " entries")));
		}
		else if (attachments != null) {
			attachments.forEach((key, hash) -> {
				Text.check(problems, "attachments", key, Kind.LINE, SUBJECT);
				if (hash == null || hash.isBlank()) {
					problems.add(new FieldProblem("attachments." + shortened(key), "required", Message.of("请上传文件", "upload the file")));
				}
			});
			problems.addAll(this.attachments.problemsOfReferences(actor.username(), "attachments", shortenedKeys(attachments)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return transactions.execute(status -> {
			CaseFile c = cases.lock(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
			if (!access.isApplicantSide(actor, c) && !actor.clerkOf(c.hall())) {
				throw new NotFound("办件", "Case", caseId.toString());
			}
			Instant now = clock.instant();
			Map<String, String> files = attachments == null ? Map.of() : attachments;
			this.attachments.refer(actor.username(), files.values());
			String detail = "supplied " + files.keySet() + (note == null || note.isBlank() ? "" : ": " + note.trim());
			if (c.state() == CaseState.AWAITING_SUPPLEMENT) {
				CaseFile back = save(c.supplied(), c.version());
				cases.record(c.id(), null, now, actor.username(), "SUPPLIED", c.state(), back.state(), detail);
				return back;
			}
			IllegalTransition.check(c.state() == CaseState.IN_PROGRESS, "办件", c.state(), "提交补正材料");
			boolean asked = !c.supplement().isEmpty();
			List<Gap> gaps = c.gaps().stream()
				.map(g -> g.open() && files.containsKey(g.material()) ? new Gap(g.material(), g.name(), files.get(g.material())) : g)
				.toList();
			boolean gapSupplied = !gaps.equals(c.gaps());
			IllegalTransition.check(asked || gapSupplied, "办件（没有待补正的内容）", c.state(), "提交补正材料");
			CaseFile updated = save((asked ? c.withSupplementRequests(List.of()) : c).withGaps(gaps,
					c.gapsOverdue() && gaps.stream().anyMatch(Gap::open)), c.version());
			cases.record(c.id(), null, now, actor.username(), "SUPPLIED", c.state(), c.state(), detail);
			for (Task t : cases.tasks(caseId)) {
				if (t.state() == TaskState.AWAITING_SUPPLEMENT) {
					Task resumed = clocked(t.resume(), t, c, LocalDate.ofInstant(now, clock.getZone()));
					saveTask(resumed, t.version());
					cases.record(c.id(), t.id(), now, actor.username(), "RESUMED", t.state(), resumed.state(), "supplement received");
				}
			}
			return advance(updated, actor, now, applicationOf(updated), false);
		});
	}

	/** 统一出件: hands over (or mails) the result bundle of a ready case, and records licences as e-licences. */
	public CaseFile issue(Actor clerk, UUID caseId, int version, String trackingNumber) {
		Text.require("trackingNumber", trackingNumber, Kind.LINE, Text.CODE);
		return transactions.execute(status -> {
			CaseFile c = atWindow(clerk, caseId, version);
			IllegalTransition.check(c.state() == CaseState.READY, "办件", c.state(), "出件");
			String method = c.delivery() == null || c.delivery().method() == null ? "WINDOW_PICKUP" : c.delivery().method().name();
			if ("FREE_MAIL".equals(method) && (trackingNumber == null || trackingNumber.isBlank())) {
				throw InvalidInput.of("trackingNumber", "required", Message.of("免费邮寄须填写快递单号", "free mail needs the tracking number"));
			}
			Instant now = clock.instant();
			Catalogue catalogue = catalog.catalogue();
			for (Task t : cases.tasks(caseId)) {
				if (t.state() == TaskState.APPROVED && t.result() != null && "LICENCE".equals(t.result().kind())) {
					String issuer = catalogue.department(t.department()).map(Department::name).orElse(t.department());
					licences.record(c.applicantId(), t.result().licenceType(), t.result().number(), t.result().name(), issuer,
							LocalDate.ofInstant(now, clock.getZone()), null);
				}
			}
			CaseFile issued = save(c.issue(new Issue(method, trackingNumber == null ? null : trackingNumber.trim(), clerk.username(),
					now)), version);
			cases.record(c.id(), null, now, clerk.username(), "ISSUED", c.state(), issued.state(),
					method + (trackingNumber == null ? "" : " " + trackingNumber.trim()));
			publish(new CaseIssued(c.id(), c.number().value(), c.applicantUsername(), method, trackingNumber));
			return issued;
		});
	}

	// ------------------------------------------------------------------ the departments

	public Task claim(Actor reviewer, UUID taskId, int version) {
		return onTask(reviewer, taskId, version, "CLAIMED", t -> t.claim(reviewer.username()), null);
	}

	public Task release(Actor reviewer, UUID taskId, int version) {
		return onTask(reviewer, taskId, version, "RELEASED", Task::release, null);
	}

	public Task approve(Actor reviewer, UUID taskId, int version, String number, String notice) {
		mayDecide(reviewer, taskId);
		List<FieldProblem> problems = new ArrayList<>();
		Text.check(problems, "number", number, Kind.LINE, Text.CODE);
		Text.check(problems, "notice", notice, Kind.FREE_TEXT, Text.REASON);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String licenceNumber = number == null || number.isBlank() ? null : number.trim();
		Instant now = clock.instant();
		return onTask(reviewer, taskId, version, "APPROVED", t -> {
			Item item = catalog.catalogue().item(t.item()).orElseThrow();
			if (item.result().kind() == ResultKind.LICENCE && licenceNumber == null) {
				throw InvalidInput.of("number", "required", Message.of("证照类结果须填写证照编号", "a licence result needs its number"));
			}
			return t.approve(new TaskResult(item.result().kind().name(), item.result().licenceType(), licenceNumber,
					item.result().name().zh(), notice == null ? null : notice.trim()), now);
		}, "准予" + (licenceNumber == null ? "" : "，编号 " + licenceNumber));
	}

	public Task refuse(Actor reviewer, UUID taskId, int version, String reason, String legalBasis) {
		mayDecide(reviewer, taskId);
		requireText("reason", reason, "请写明不予许可的理由", "give the reason");
		requireText("legalBasis", legalBasis, "请写明法律依据", "give the legal basis");
		Instant now = clock.instant();
		return onTask(reviewer, taskId, version, "REFUSED",
				t -> t.refuse(new Decision(reason.trim(), legalBasis.trim(), null, null, List.of()), now),
				reason.trim() + "（" + legalBasis.trim() + "）");
	}

	/** The department asks the applicant, through the window, for more; the requests join the case's one list. */
	public Task askForTaskSupplement(Actor reviewer, UUID taskId, int version, List<SupplementRequest> requests) {
		mayDecide(reviewer, taskId);
		List<SupplementRequest> asked = checkedRequests(requests, reviewer.username(), taskId.toString());
		return onTask(reviewer, taskId, version, "SUPPLEMENT_REQUESTED",
				t -> t.askForSupplement(new Decision(null, null, null, null, asked)), describe(asked));
	}

	public Task suspend(Actor reviewer, UUID taskId, int version, String procedure, String reason, Integer maxWorkingDays) {
		mayDecide(reviewer, taskId);
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
		return onTask(reviewer, taskId, version, "SUSPENDED",
				t -> t.suspend(new Decision(reason.trim(), null, procedure, maxWorkingDays, List.of())),
				procedure + ", at most " + maxWorkingDays + " working days: " + reason.trim());
	}

	public Task resume(Actor reviewer, UUID taskId, int version) {
		return onTask(reviewer, taskId, version, "RESUMED", Task::resume, null);
	}

	/**
	 * One decision on one task: checked against the reviewer's department and the task's version (two
	 * reviewers at once: one wins, the other gets 409), under the case's row lock taken first — the order
	 * every writer of a case's tasks follows, so that a decision and the case moving on never deadlock —
	 * and then the case moves on.
	 */
	private Task onTask(Actor reviewer, UUID taskId, int version, String action, Function<Task, Task> transition,
			String detail) {
		return transactions.execute(status -> {
			Task t = cases.task(taskId).orElseThrow(() -> new NotFound("子件", "Task", taskId.toString()));
			access.requireDepartment(reviewer, t);
			if (t.version() != version) {
				throw new ConcurrentChange("子件", version);
			}
			CaseFile c = cases.lock(t.caseId()).orElseThrow();
			Instant now = clock.instant();
			Task next = saveTask(clocked(transition.apply(t), t, c, LocalDate.ofInstant(now, clock.getZone())), version);
			cases.record(c.id(), t.id(), now, reviewer.username(), action, t.state(), next.state(), detail);
			if (next.state() == TaskState.AWAITING_SUPPLEMENT) {
				List<SupplementRequest> all = new ArrayList<>(c.supplement());
				all.addAll(next.decision().requests());
				save(c.withSupplementRequests(all), c.version());
				publish(new SupplementRequested(c.id(), c.number().value(), c.applicantUsername(),
						all.stream().map(SupplementRequest::subject).toList(), rounds(c.id())));
			}
			if (next.state() == TaskState.APPROVED || next.state() == TaskState.REFUSED) {
				decided(c, next, reviewer, now);
				advance(c, reviewer, now, applicationOf(c), false);
			}
			return next;
		});
	}

	private void decided(CaseFile c, Task t, Actor actor, Instant now) {
		Item item = catalog.catalogue().item(t.item()).orElseThrow();
		String detail = t.state() == TaskState.APPROVED ? (t.result() == null || t.result().number() == null ? "" : t.result().number())
				: t.decision().reason();
		publish(new TaskDecided(c.id(), c.number().value(), c.applicantUsername(), t.id(), t.item(), item.name().zh(),
				t.department(), t.state().name(), detail));
		if (t.state() == TaskState.APPROVED && t.commitment()) {
			WorkingDayCalendar calendar = calendars.of(RegionCode.of(c.region()));
			LocalDate due = due(calendar, LocalDate.ofInstant(now, clock.getZone()), verificationWorkingDays);
			jdbc.sql("""
					INSERT INTO verification (id, case_id, task_id, department, due_on, state) VALUES (?, ?, ?, ?, ?, 'PENDING')
					ON CONFLICT (task_id) DO NOTHING""")
				.params(UUID.randomUUID(), c.id(), t.id(), t.department(), due)
				.update();
			cases.record(c.id(), t.id(), now, actor.username(), "VERIFICATION_SCHEDULED", null, null,
					"告知承诺事后核查，期限 " + (due == null ? PENDING_CALENDAR : due));
		}
	}

	/**
	 * Moves the case on after a change: cancels tasks that can no longer start, refuses the case when a
	 * mandatory item failed, starts tasks whose prerequisites are all approved (attaching their results),
	 * lets 即办 and 秒批 decide at once, and makes the case ready when everything is settled and no gap is
	 * open. Runs under the case's row lock, on the case as locked; reads the tasks once and keeps them as
	 * it writes them. Returns the case as stored afterwards.
	 */
	private CaseFile advance(CaseFile c, Actor actor, Instant now, Supplier<ApplicationRecord> application, boolean atWindow) {
		Catalogue catalogue = catalog.catalogue();
		WorkingDayCalendar calendar = calendars.of(RegionCode.of(c.region()));
		LocalDate today = LocalDate.ofInstant(now, clock.getZone());
		Map<UUID, Task> tasks = new LinkedHashMap<>();
		cases.tasks(c.id()).forEach(t -> tasks.put(t.id(), t));
		boolean changed = true;
		while (changed && c.state() == CaseState.IN_PROGRESS) {
			changed = false;
			for (Task blocked : CaseProgress.blocked(List.copyOf(tasks.values()))) {
				tasks.put(blocked.id(), saveTask(blocked.cancel(now), blocked.version()));
				cases.record(c.id(), blocked.id(), now, Actors.SYSTEM.username(), "CANCELLED", blocked.state(), TaskState.CANCELLED,
						"a prerequisite will not be approved");
				changed = true;
			}
			List<Task> current = List.copyOf(tasks.values());
			if (CaseProgress.mandatoryFailed(current)) {
				Task failed = current.stream()
					.filter(t -> t.mandatory() && (t.state() == TaskState.REFUSED || t.state() == TaskState.CANCELLED))
					.findFirst()
					.orElseThrow();
				String reason = "必办事项未获准予：" + catalogue.item(failed.item()).orElseThrow().name().zh();
				for (Task open : current) {
					if (!open.state().settled()) {
						saveTask(open.cancel(now), open.version());
						cases.record(c.id(), open.id(), now, Actors.SYSTEM.username(), "CANCELLED", open.state(), TaskState.CANCELLED,
								"the case was refused");
					}
				}
				CaseFile refused = save(c.refuse(new Refusal(reason, failed.decision() == null ? null : failed.decision().legalBasis(),
						Actors.SYSTEM.username()), now), c.version());
				cases.record(c.id(), null, now, Actors.SYSTEM.username(), "REFUSED", c.state(), refused.state(), reason);
				publish(new CaseRefused(c.id(), c.number().value(), c.applicantUsername(), reason));
				return refused;
			}
			Map<String, Task> byItem = current.stream().collect(Collectors.toMap(Task::item, Function.identity()));
			for (Task ready : CaseProgress.startable(current)) {
				Item item = catalogue.item(ready.item()).orElseThrow();
				Map<String, TaskResult> inputs = new LinkedHashMap<>();
				ready.prerequisites().forEach(p -> inputs.put(p, byItem.get(p).result()));
				Task started = saveTask(started(ready, item, inputs, calendar, today), ready.version());
				cases.record(c.id(), ready.id(), now, Actors.SYSTEM.username(), "STARTED", ready.state(), started.state(),
						startDetail(started) + (started.inputs().isEmpty() ? "" : ", with results of " + started.inputs().keySet()));
				tasks.put(started.id(), instantDecision(c, started, item, application, actor, atWindow, now));
				changed = true;
			}
		}
		if (c.state() == CaseState.IN_PROGRESS && CaseProgress.allSettled(List.copyOf(tasks.values())) && c.openGaps().isEmpty()) {
			CaseFile ready = save(c.ready(), c.version());
			cases.record(c.id(), null, now, Actors.SYSTEM.username(), "READY", c.state(), ready.state(), "all tasks settled");
			publish(new CaseReady(c.id(), c.number().value(), c.applicantUsername(),
					c.delivery() == null || c.delivery().method() == null ? "WINDOW_PICKUP" : c.delivery().method().name()));
			return ready;
		}
		return c;
	}

	/** A waiting task started today, with its prerequisites' results, due day and working-day clock. */
	private Task started(Task waiting, Item item, Map<String, TaskResult> inputs, WorkingDayCalendar calendar, LocalDate today) {
		Task started = waiting;
		for (Map.Entry<String, TaskResult> input : inputs.entrySet()) {
			started = started.withInput(input.getKey(), input.getValue());
		}
		started = started.start(today, due(calendar, today, item.promisedLimit()));
		cn.onego.clock.Deadline deadline = cn.onego.clock.Deadline.start(today, item.promisedLimit());
		return started.withClock(deadline, started.dueOn(), warnOn(calendar, deadline), "GREEN");
	}

	private static String startDetail(Task started) {
		return "due " + (started.dueOn() == null ? PENDING_CALENDAR : started.dueOn());
	}

	/**
	 * 即办件 are approved at the window at acceptance; 秒批 rules of the catalogue approve by the system.
	 * Returns the task as it is afterwards.
	 */
	private Task instantDecision(CaseFile c, Task task, Item item, Supplier<ApplicationRecord> application, Actor actor,
			boolean atWindow, Instant now) {
		String rule = null;
		Actor by = Actors.SYSTEM;
		if (item.autoApproval() != null && item.autoApproval().holds(facts(c, item.autoApproval(), application.get()))) {
			rule = "秒批 " + item.autoApproval().code() + ": " + item.autoApproval().when();
		}
		else if (item.instant() && atWindow && task.prerequisites().isEmpty()) {
			rule = "即办件（窗口即办）";
			by = actor;
		}
		if (rule == null) {
			return task;
		}
		String number = item.result().kind() == ResultKind.LICENCE ? c.number().value() + "-" + item.code() : null;
		TaskResult result = new TaskResult(item.result().kind().name(), item.result().licenceType(), number,
				item.result().name().zh(), rule);
		Task approved = saveTask(task.approveDirectly(result, rule, now), task.version());
		cases.record(c.id(), task.id(), now, by.username(), "APPROVED", task.state(), approved.state(), rule);
		decided(c, approved, by, now);
		return approved;
	}

	/** The facts a 秒批 rule reads: the form's values, and registry records under the application's consent. */
	private Map<String, String> facts(CaseFile c, AutoApproval rule, ApplicationRecord application) {
		Map<String, String> facts = new HashMap<>();
		application.form().forEach((element, value) -> facts.put("form." + element, value.value()));
		for (String registry : rule.registries()) {
			var read = onceOnly.registry(new OnceOnly.ReadRequest(Actors.SYSTEM.username(), c.applicantId(), c.matter(),
					application.consentId(), "秒批核验：" + c.number()), Registry.valueOf(registry), "秒批 " + rule.code());
			read.value().ifPresent(data -> data.forEach((k, v) -> facts.put("registry." + registry + "." + k, String.valueOf(v))));
		}
		return facts;
	}

	// ------------------------------------------------------------------ commitments afterwards

	/**
	 * The department's post-verification (事后核查) of a commitment-based approval. A failed one revokes the
	 * result (and its e-licence), tells the applicant, and blacklists the applicant with the case as evidence.
	 */
	public void verify(Actor reviewer, UUID verificationId, boolean passed, String finding) {
		transactions.executeWithoutResult(status -> {
			var v = jdbc.sql("SELECT case_id, task_id, department, state FROM verification WHERE id = ? FOR UPDATE")
				.param(verificationId)
				.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getString(4) })
				.optional()
				.orElseThrow(() -> new NotFound("核查任务", "Verification", verificationId.toString()));
			if (!reviewer.memberOf((String) v[2])) {
				throw new NotFound("核查任务", "Verification", verificationId.toString());
			}
			requireText("finding", finding, "请写明核查结论", "give the finding");
			IllegalTransition.check("PENDING".equals(v[3]), "核查任务", v[3], "核查");
			Instant now = clock.instant();
			jdbc.sql("UPDATE verification SET state = ?, finding = ?, decided_by = ?, decided_at = ? WHERE id = ?")
				.params(passed ? "PASSED" : "FAILED", finding.trim(), reviewer.username(), java.sql.Timestamp.from(now), verificationId)
				.update();
			UUID caseId = (UUID) v[0];
			UUID taskId = (UUID) v[1];
			cases.record(caseId, taskId, now, reviewer.username(), passed ? "VERIFIED" : "VERIFICATION_FAILED", null, null, finding.trim());
			if (passed) {
				return;
			}
			Task t = cases.task(taskId).orElseThrow();
			Task revoked = t.revoke(new Decision("告知承诺核查不实：" + finding.trim(), "《国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见》（国办发〔2020〕42号）",
					null, null, List.of()), now);
			saveTask(revoked, t.version());
			if (t.result() != null && t.result().licenceType() != null && t.result().number() != null) {
				licences.revoke(t.result().licenceType(), t.result().number());
			}
			CaseFile c = cases.lock(caseId).orElseThrow();
			cases.record(caseId, taskId, now, reviewer.username(), "REVOKED", t.state(), revoked.state(), finding.trim());
			credit.blacklist(c.applicantId(), "虚假承诺：" + finding.trim(), caseId, c.number().value(), reviewer.username());
			cases.record(caseId, null, now, reviewer.username(), "BLACKLISTED", null, null, masked(c.applicantId()));
			publish(new ResultRevoked(caseId, c.number().value(), c.applicantUsername(), taskId,
					catalog.catalogue().item(t.item()).orElseThrow().name().zh(), finding.trim()));
			if (t.mandatory() && c.state().canMoveTo(CaseState.REFUSED)) {
				String reason = "告知承诺核查不实，" + catalog.catalogue().item(t.item()).orElseThrow().name().zh() + "的准予决定已撤销";
				CaseFile refused = c.refuse(new Refusal(reason, null, reviewer.username()), now);
				save(refused, c.version());
				cases.record(caseId, null, now, reviewer.username(), "REFUSED", c.state(), refused.state(), reason);
				publish(new CaseRefused(caseId, c.number().value(), c.applicantUsername(), reason));
			}
		});
	}

	// ------------------------------------------------------------------ 容缺 deadlines

	/** Flags every case whose 容缺 materials are still missing after their deadline (reads only those due). */
	public int flagOverdueGaps(LocalDate today) {
		int flagged = 0;
		for (CaseFile due : cases.gapsDueBefore(today)) {
			Boolean done = transactions.execute(status -> {
				CaseFile c = cases.lock(due.id()).orElseThrow();
				if (c.gapsOverdue() || c.openGaps().isEmpty()) {
					return false;
				}
				save(c.withGaps(c.gaps(), true), c.version());
				cases.record(c.id(), null, clock.instant(), Actors.SYSTEM.username(), "GAPS_OVERDUE", c.state(), c.state(),
						"容缺材料逾期未补正：" + c.openGaps().stream().map(Gap::name).toList() + "，期限 " + c.gapDeadline());
				publish(new GapsOverdue(c.id(), c.number().value(), c.applicantUsername(), c.gapDeadline()));
				return true;
			});
			flagged += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return flagged;
	}

	@Scheduled(cron = "${onego.cases.gap-scan-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	void scanGaps() {
		int flagged = flagOverdueGaps(LocalDate.now(clock));
		if (flagged > 0) {
			log.info("Flagged {} cases with overdue 容缺 materials", flagged);
		}
	}

	// ------------------------------------------------------------------ helpers

	static final String PENDING_CALENDAR = "待定（所涉年度的工作日历尚未导入）";

	/**
	 * Publishes what happened, in the transaction that made it happen: the applicant's message goes into the
	 * notification outbox right here (it is an outbox entry itself), and the event goes through the event
	 * publication registry to the other modules.
	 */
	private void publish(CaseEvents.CaseEvent event) {
		notifications.tell(event);
		events.publishEvent(event);
	}

	/**
	 * The task's clock after a transition: it stops when the task starts waiting for the applicant or a
	 * special procedure, and when it runs again the working days lost move the due day.
	 */
	private Task clocked(Task next, Task before, CaseFile c, LocalDate today) {
		cn.onego.clock.Deadline deadline = before.deadline();
		if (deadline == null) {
			return next;
		}
		boolean stops = next.state() == TaskState.AWAITING_SUPPLEMENT || next.state() == TaskState.SUSPENDED;
		boolean runsAgain = (before.state() == TaskState.AWAITING_SUPPLEMENT || before.state() == TaskState.SUSPENDED)
				&& next.state() == TaskState.CLAIMED;
		if (stops) {
			return next.withClock(deadline.pause(today), next.dueOn(), next.warnOn(), next.colour());
		}
		if (runsAgain) {
			WorkingDayCalendar calendar = calendars.of(RegionCode.of(c.region()));
			try {
				cn.onego.clock.Deadline resumed = deadline.resume(today, calendar);
				return next.withClock(resumed, resumed.due(calendar), resumed.warnOn(calendar, warningShare),
						resumed.colour(today, calendar, warningShare).name());
			}
			catch (cn.onego.clock.CalendarNotLoaded notLoaded) {
				return next.withClock(new cn.onego.clock.Deadline(deadline.startedOn(), deadline.limit(), deadline.lostWorkingDays(), null),
						null, null, next.colour());
			}
		}
		return next;
	}

	private LocalDate warnOn(WorkingDayCalendar calendar, cn.onego.clock.Deadline deadline) {
		try {
			return deadline.warnOn(calendar, warningShare);
		}
		catch (cn.onego.clock.CalendarNotLoaded notLoaded) {
			return null;
		}
	}

	/**
	 * The day {@code days} working days after a start that falls on or after {@code from}; null while the
	 * year it falls in has no calendar yet (each December, before the State Council's notice), so that
	 * decisions go on and the date is set once the year is loaded, never guessed.
	 */
	static LocalDate due(WorkingDayCalendar calendar, LocalDate from, int days) {
		try {
			return calendar.plusWorkingDays(calendar.onOrNextWorkingDay(from), days);
		}
		catch (cn.onego.clock.CalendarNotLoaded notLoaded) {
			log.warn("Due date {} working days after {} pending: {}", days, from, notLoaded.getMessage());
			return null;
		}
	}

	/**
	 * Whose case it is comes before what is wrong with the request: a clerk of another hall learns nothing,
	 * not even that the case exists (checked again under the lock, where the case is changed).
	 */
	private void mayActAtWindow(Actor clerk, UUID caseId) {
		access.requireWindow(clerk, cases.find(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString())));
	}

	/** As {@link #mayActAtWindow}, for a department's decision on a task. */
	private void mayDecide(Actor reviewer, UUID taskId) {
		access.requireDepartment(reviewer, cases.task(taskId).orElseThrow(() -> new NotFound("子件", "Task", taskId.toString())));
	}

	private CaseFile atWindow(Actor clerk, UUID caseId, int version) {
		CaseFile c = cases.lock(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
		access.requireWindow(clerk, c);
		if (c.version() != version) {
			throw new ConcurrentChange("办件", version);
		}
		return c;
	}

	/** Writes the case over the version read; returns it as stored. */
	private CaseFile save(CaseFile c, int version) {
		if (!cases.update(c, version)) {
			throw new ConcurrentChange("办件", version);
		}
		return c.withVersion(version + 1);
	}

	/** Writes the task over the version read; returns it as stored. */
	private Task saveTask(Task t, int version) {
		if (!cases.update(t, version)) {
			throw new ConcurrentChange("子件", version);
		}
		return t.withVersion(version + 1);
	}

	/** The case's application, read only if a 秒批 rule asks for its facts, and then once. */
	private Supplier<ApplicationRecord> applicationOf(CaseFile c) {
		return new Supplier<>() {

			private ApplicationRecord read;

			@Override
			public ApplicationRecord get() {
				if (read == null) {
					read = submissions.submitted(c.applicationId());
				}
				return read;
			}
		};
	}

	private int rounds(UUID caseId) {
		return (int) cases.history(caseId).stream().filter(s -> s.action().equals("SUPPLEMENT_REQUESTED")).count();
	}

	private static List<SupplementRequest> checkedRequests(List<SupplementRequest> requests, String by, String task) {
		if (requests == null || requests.isEmpty()) {
			throw InvalidInput.of("requests", "required", Message.of("请列出需要补正的全部内容及原因", "list everything to supply, with the reason"));
		}
		if (requests.size() > MAX_ENTRIES) {
			throw InvalidInput.of("requests", "too-many", Message.of("至多" + MAX_ENTRIES + "项", "at most " + MAX_ENTRIES + " entries"));
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			SupplementRequest r = requests.get(i);
			if (r == null || r.subject() == null || r.subject().isBlank() || r.why() == null || r.why().isBlank()) {
				problems.add(new FieldProblem("requests[" + i + "]", "required", Message.of("每项补正须写明内容和原因", "each request names what and why")));
				continue;
			}
			Text.check(problems, "requests[" + i + "].subject", r.subject(), Kind.LINE, SUBJECT);
			Text.check(problems, "requests[" + i + "].why", r.why(), Kind.FREE_TEXT, Text.REASON);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return requests.stream().map(r -> new SupplementRequest(r.subject().trim(), r.why().trim(), by, task)).toList();
	}

	private static String describe(List<SupplementRequest> requests) {
		return requests.stream().map(r -> r.subject() + "：" + r.why()).collect(Collectors.joining("；"));
	}

	private static void requireText(String field, String value, String zh, String en) {
		if (value == null || value.isBlank()) {
			throw InvalidInput.of(field, "required", Message.of(zh, en));
		}
		Text.require(field, value, Kind.FREE_TEXT, Text.REASON);
	}

	/** The most entries a list or map of a window's or a department's decision may have. */
	static final int MAX_ENTRIES = 50;

	/** The longest subject of a supplement request (a material, or a short description). */
	static final int SUBJECT = 200;

	private static void codes(List<FieldProblem> problems, String field, List<String> codes) {
		if (codes == null) {
			return;
		}
		if (codes.size() > MAX_ENTRIES) {
			problems.add(new FieldProblem(field, "too-many", Message.of("至多" + MAX_ENTRIES + "项", "at most " + MAX_ENTRIES + " entries")));
			return;
		}
		for (int i = 0; i < codes.size(); i++) {
			if (codes.get(i) == null) {
				problems.add(new FieldProblem(field + "[" + i + "]", "required", Message.of("不能为空", "cannot be empty")));
				continue;
			}
			Text.check(problems, field + "[" + i + "]", codes.get(i), Kind.LINE, Text.CODE);
		}
	}

	private static String shortened(String key) {
		return key == null ? "" : key.length() > Text.CODE ? key.substring(0, Text.CODE) + "…" : key;
	}

	private static Map<String, String> shortenedKeys(Map<String, String> references) {
		Map<String, String> shortened = new LinkedHashMap<>();
		references.forEach((key, hash) -> shortened.put(shortened(key), hash));
		return shortened;
	}

	private static String english(cn.onego.shared.Label label) {
		return label.en() == null ? label.zh() : label.en();
	}
}

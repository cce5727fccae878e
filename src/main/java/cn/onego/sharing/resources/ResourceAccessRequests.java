package cn.onego.sharing.resources;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onego.audit.AuditTrail;
import cn.onego.catalog.CatalogQueries;
import cn.onego.clock.Calendars;
import cn.onego.clock.Deadline;
import cn.onego.clock.WorkingDayCalendar;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Problem;
import cn.onego.platform.Text;

/**
 * Departments' access to conditional resources (有条件共享): a department asks with a purpose and a legal basis; the
 * head of the providing department approves (perhaps until a day) or refuses with a reason, and may revoke approved
 * access. The answer is due 5 working days after the request on the provider's calendar (reference-facts §3.6, a
 * local default). A request is seen by the two departments only; every change is in the audit trail.
 */
@Service
public class ResourceAccessRequests {

	/** Working days the provider has to answer (府谷's rule for published data, reference-facts §3.6). */
	public static final int ANSWER_WITHIN_WORKING_DAYS = 5;

	/** The longest approved access: after it, the department asks again. */
	static final int LONGEST_YEARS = 3;

	/** The longest legal basis: the name of a law with its articles. */
	static final int LEGAL_BASIS = 200;

	private final ResourceAccesses accesses;
	private final SharedResources resources;
	private final CatalogQueries catalog;
	private final Calendars calendars;
	private final AuditTrail audit;
	private final Clock clock;

	ResourceAccessRequests(ResourceAccesses accesses, SharedResources resources, CatalogQueries catalog, Calendars calendars,
			AuditTrail audit, Clock clock) {
		this.accesses = accesses;
		this.resources = resources;
		this.catalog = catalog;
		this.calendars = calendars;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a department asks: why, under which law, and until when (null: as long as the provider allows). */
	public record Ask(String purpose, String legalBasis, LocalDate until) {
	}

	/** The department of the signed-in reviewer or head asks for access to a conditional resource. */
	@Transactional
	public ResourceAccess request(Actor actor, String code, Ask ask) {
		SharedResource resource = resources.get(code);
		String department = departmentOf(actor);
		List<FieldProblem> problems = new ArrayList<>();
		String purpose = required(problems, "purpose", ask.purpose(), Text.Kind.FREE_TEXT, Text.REASON);
		String basis = required(problems, "legalBasis", ask.legalBasis(), Text.Kind.LINE, LEGAL_BASIS);
		checkUntil(problems, "until", ask.until());
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		switch (resource.sharing()) {
			case NOT_SHARED -> throw AccessCannotBeRequested.notShared();
			case UNCONDITIONAL -> throw AccessCannotBeRequested.unconditional();
			case CONDITIONAL -> {
			}
		}
		if (resource.provider().equals(department)) {
			throw AccessCannotBeRequested.ownResource();
		}
		if (current(department, code).isPresent()) {
			throw AccessCannotBeRequested.granted();
		}
		LocalDate today = LocalDate.now(clock);
		ResourceAccess access = ResourceAccess.requested(UUID.randomUUID(), resource, department, purpose, basis,
				actor.username(), clock.instant(), answerDue(resource.provider(), today), ask.until());
		if (!accesses.add(access)) {
			throw AccessCannotBeRequested.pending();
		}
		audit.record(actor, "resource-access.request", "resource-access/" + access.id(),
				department + " asks for " + code + " under " + basis + " for " + purpose);
		return access;
	}

	@Transactional
	public ResourceAccess approve(Actor actor, UUID id, LocalDate until, String note) {
		ResourceAccess access = answerable(actor, id);
		List<FieldProblem> problems = new ArrayList<>();
		String checkedNote = Text.check(problems, "note", note, Text.Kind.FREE_TEXT, Text.REASON);
		checkUntil(problems, "until", until);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return saved(actor, access.approve(actor.username(), clock.instant(), until, checkedNote), "approve",
				"until " + (until != null ? until : access.validUntil() != null ? access.validUntil() : "revoked"));
	}

	@Transactional
	public ResourceAccess refuse(Actor actor, UUID id, String reason) {
		ResourceAccess access = answerable(actor, id);
		String why = reason(reason);
		return saved(actor, access.refuse(actor.username(), clock.instant(), why), "refuse", why);
	}

	@Transactional
	public ResourceAccess revoke(Actor actor, UUID id, String reason) {
		ResourceAccess access = answerable(actor, id);
		String why = reason(reason);
		return saved(actor, access.revoke(actor.username(), clock.instant(), why), "revoke", why);
	}

	/** A request as the requesting or the providing department sees it; nobody else learns it exists. */
	public ResourceAccess get(Actor actor, UUID id) {
		return accesses.find(id).filter(a -> actor.memberOf(a.requester()) || actor.memberOf(a.provider()))
			.orElseThrow(() -> new NotFound("共享申请", "Access request", String.valueOf(id)));
	}

	/** The department's requests, and the requests for the resources it provides, newest first. */
	public record Requests(List<ResourceAccess> made, List<ResourceAccess> received) {
	}

	public Requests of(Actor actor) {
		String department = departmentOf(actor);
		return new Requests(accesses.madeBy(department, 500), accesses.receivedBy(department, 500));
	}

	/** The department's approved access to the resource that serves today, if it holds one. */
	public Optional<ResourceAccess> current(String department, String resource) {
		LocalDate today = LocalDate.now(clock);
		return accesses.of(department, resource).stream().filter(a -> a.servesOn(today)).findFirst();
	}

	/** The department's latest request for the resource, whatever became of it. */
	public Optional<ResourceAccess> latest(String department, String resource) {
		return accesses.of(department, resource).stream().findFirst();
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	private ResourceAccess answerable(Actor actor, UUID id) {
		ResourceAccess access = get(actor, id);
		if (!actor.has(Role.DEPARTMENT_HEAD) || !actor.memberOf(access.provider())) {
			throw new NotTheProvidersHead();
		}
		return access;
	}

	private ResourceAccess saved(Actor actor, ResourceAccess changed, String action, String detail) {
		if (!accesses.save(changed)) {
			throw new ChangedMeanwhile();
		}
		audit.record(actor, "resource-access." + action, "resource-access/" + changed.id(),
				changed.requester() + " / " + changed.resource() + ": " + detail);
		return accesses.find(changed.id()).orElseThrow();
	}

	/**
	 * The day the provider's answer is due. In December it may fall in a year whose holidays are not published yet:
	 * it is then counted on that year's weekends alone, shown as provisional, and counted again when the year is
	 * loaded ({@link #settle}).
	 */
	private LocalDate answerDue(String provider, LocalDate requestedOn) {
		return Deadline.start(requestedOn, ANSWER_WITHIN_WORKING_DAYS).due(calendarOf(provider).provisional());
	}

	/** Whether the answer's due day is still counted on a year without its holidays. */
	public boolean answerDueProvisional(ResourceAccess access) {
		return access.answerDue() != null && !calendarOf(access.provider()).loaded(access.answerDue());
	}

	/**
	 * The open requests whose answer is due in the year just loaded, counted again on its holidays; answers how many
	 * moved. Each is one statement guarded by the version, so an answer given meanwhile is never overwritten.
	 */
	@Transactional
	public int settle(int year) {
		int moved = 0;
		for (ResourceAccess open : accesses.openDueFrom(LocalDate.of(year, 1, 1))) {
			LocalDate due = answerDue(open.provider(), LocalDate.ofInstant(open.requestedAt(), clock.getZone()));
			if (!due.equals(open.answerDue()) && accesses.moveAnswerDue(open, due)) {
				moved++;
			}
		}
		return moved;
	}

	private WorkingDayCalendar calendarOf(String provider) {
		return calendars.of(catalog.department(provider).region());
	}

	private void checkUntil(List<FieldProblem> problems, String field, LocalDate until) {
		LocalDate today = LocalDate.now(clock);
		if (until != null && (until.isBefore(today) || until.isAfter(today.plusYears(LONGEST_YEARS)))) {
			problems.add(new FieldProblem(field, "range", Message.of("截止日期应在今天至" + LONGEST_YEARS + "年内",
					"the end lies between today and " + LONGEST_YEARS + " years from now")));
		}
	}

	private static String reason(String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		String why = required(problems, "reason", reason, Text.Kind.FREE_TEXT, Text.REASON);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return why;
	}

	static String required(List<FieldProblem> problems, String field, String value, Text.Kind kind, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "required", Message.of("必填", "required")));
			return null;
		}
		return Text.check(problems, field, value, kind, max);
	}

	static String departmentOf(Actor actor) {
		if (actor.department() == null || !(actor.has(Role.REVIEWER) || actor.has(Role.DEPARTMENT_HEAD))) {
			throw new AccessNotGranted(Message.of("当前账号未归属任何部门。", "Your account belongs to no department."));
		}
		return actor.department();
	}

	/** Someone answered the request between reading and saving it. */
	public static class ChangedMeanwhile extends Problem {

		ChangedMeanwhile() {
			super(org.springframework.http.HttpStatus.CONFLICT, "access-already-answered", Message.of("申请已处理", "Request already answered"),
					Message.of("该申请刚刚已被他人处理，请刷新后查看。", "Someone answered the request a moment ago; reload to see it."), List.of());
		}
	}
}

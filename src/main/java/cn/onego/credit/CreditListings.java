package cn.onego.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onego.audit.AuditTrail;
import cn.onego.identity.Actor;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Text;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.shared.TimeOrderedIds;

/**
 * The credit administrators' and the subjects' work on listings. A credit administrator of a region finds the
 * listings of a subject made in that region or below, lists a subject on the evidence of a case of the region whose
 * applicant the subject is, decides appeals and lifts listings (信用修复). A subject sees their own listings and
 * appeals one with a statement. A listing outside the caller's reach is not found; every change, and every read of a
 * subject's listings by staff, goes into the audit trail in the transaction of the change.
 */
@Service
public class CreditListings {

	/** The longest a listing with a last day may run. */
	static final int LONGEST_YEARS = 10;

	private final Listings listings;
	private final EvidenceCases cases;
	private final AuditTrail audit;
	private final Clock clock;

	CreditListings(Listings listings, EvidenceCases cases, AuditTrail audit, Clock clock) {
		this.listings = listings;
		this.cases = cases;
		this.audit = audit;
		this.clock = clock;
	}

	/** A listing with its state today and its history. */
	public record Viewed(Listing listing, ListingState state, List<ListingStep> history) {
	}

	/** What a credit administrator sends to list a subject: a last day, or {@code lifetime} true. */
	public record NewListing(String subject, String reason, String evidenceCase, LocalDate until, Boolean lifetime) {
	}

	static String target(UUID listing) {
		return "credit-listing/" + listing;
	}

	/** The subject's listings the administrator may see, the newest first. */
	@Transactional
	public List<Viewed> search(Actor admin, String subject) {
		String valid = subject(subject);
		List<Viewed> found = listings.ofSubject(valid).stream().filter(l -> admin.managesCreditOf(l.region())).map(this::viewed).toList();
		audit.record(admin, "read.credit-listings", "credit-subject", "search by subject " + mask(valid) + ": " + found.size() + " found");
		return found;
	}

	/** One listing, for a credit administrator of its region. */
	@Transactional
	public Viewed view(Actor admin, UUID id) {
		Listing listing = managed(admin, id);
		audit.record(admin, "read.credit-listing", target(id), null);
		return viewed(listing);
	}

	/** 列入: the administrator lists the subject on the evidence of a case of their region whose applicant they are. */
	@Transactional
	public Viewed add(Actor admin, NewListing request) {
		if (request == null) {
			throw InvalidInput.of("subject", "required", Message.of("请填写失信主体", "give the subject"));
		}
		List<FieldProblem> problems = new ArrayList<>();
		String subject = request.subject() == null ? null : request.subject().trim();
		if (subject == null || (!IdNumber.isValid(subject) && !CreditCode.isValid(subject))) {
			problems.add(new FieldProblem("subject", "check-digit", Message.of("失信主体应为有效的公民身份号码或统一社会信用代码",
					"the subject is a valid citizen ID number or unified social credit code")));
		}
		String reason = required(problems, "reason", request.reason(), Text.REASON, "请写明列入理由", "give the reason");
		String number = required(problems, "evidenceCase", request.evidenceCase(), Text.CODE, "请填写作为证据的办件编号",
				"give the number of the case that is the evidence");
		EvidenceCases.EvidenceCase evidence = number == null || number.isEmpty() ? null
				: cases.byNumber(number).filter(c -> admin.managesCreditOf(c.region())).orElse(null);
		if (number != null && !number.isEmpty() && evidence == null) {
			problems.add(new FieldProblem("evidenceCase", "unknown", Message.of("本辖区没有此编号的办件", "no case of your region has this number")));
		}
		else if (evidence != null && subject != null && !evidence.applicant().equalsIgnoreCase(subject)) {
			problems.add(new FieldProblem("subject", "not-the-applicant", Message.of("失信主体应为作为证据的办件的申请人",
					"the subject must be the applicant of the evidence case")));
		}
		LocalDate today = LocalDate.now(clock);
		boolean lifetime = Boolean.TRUE.equals(request.lifetime());
		if (lifetime == (request.until() != null)) {
			problems.add(new FieldProblem("until", "required", Message.of("请填写有效期至某日，或选择长期有效（二者选一）",
					"give the last day, or choose lifetime (one of the two)")));
		}
		else if (!lifetime && (!request.until().isAfter(today) || request.until().isAfter(today.plusYears(LONGEST_YEARS)))) {
			problems.add(new FieldProblem("until", "range", Message.of("有效期应在明天至" + LONGEST_YEARS + "年内",
					"the last day lies between tomorrow and " + LONGEST_YEARS + " years from today")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Listing listing = new Listing(TimeOrderedIds.next(), evidence.applicant(), evidence.region(), reason,
				new Listing.Evidence(evidence.id(), evidence.number()), admin.username(), now(), request.until(),
				ListingState.ACTIVE, 0);
		listings.insert(listing);
		audit.record(admin, "credit.LISTED", target(listing.id()), "evidence " + evidence.number() + ", "
				+ (lifetime ? "lifetime" : "until " + request.until()) + ": " + reason);
		return viewed(listing);
	}

	/** 信用修复: the administrator lifts the listing, with the reason. */
	@Transactional
	public Viewed lift(Actor admin, UUID id, String reason) {
		Listing listing = managed(admin, id);
		String why = one("reason", reason, "请写明移出理由（信用修复的情况）", "give the reason (how the credit was repaired)");
		return change(admin, listing, l -> l.lift(why, admin.username(), clock.instant(), LocalDate.now(clock)));
	}

	/** The administrator decides an appeal: founded (lifted) or not (in effect again), with the reason. */
	@Transactional
	public Viewed decideAppeal(Actor admin, UUID id, Boolean founded, String reason) {
		Listing listing = managed(admin, id);
		List<FieldProblem> problems = new ArrayList<>();
		if (founded == null) {
			problems.add(new FieldProblem("founded", "required", Message.of("请选择申诉是否成立", "say whether the appeal is founded")));
		}
		String why = required(problems, "reason", reason, Text.REASON, "请写明决定理由", "give the reason for the decision");
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return change(admin, listing, l -> l.decideAppeal(founded, why, admin.username(), clock.instant(), LocalDate.now(clock)));
	}

	/** The subject's own listings, the newest first. */
	public List<Viewed> of(String subject) {
		return listings.ofSubject(subject).stream().map(this::viewed).toList();
	}

	/** 异议申诉: the subject disputes their own listing with a statement. */
	@Transactional
	public Viewed appeal(Actor subject, String subjectId, UUID id, String statement) {
		Listing listing = listings.find(id).filter(l -> l.subject().equalsIgnoreCase(subjectId))
			.orElseThrow(() -> notFound(id));
		String said = one("statement", statement, "请写明申诉的事实和理由", "state the facts and reasons of the appeal");
		return change(subject, listing, l -> l.appeal(said, subject.username(), clock.instant(), LocalDate.now(clock)));
	}

	private Viewed change(Actor actor, Listing listing, Function<Listing, Listing.Change> transition) {
		Listing.Change change = transition.apply(listing);
		if (!listings.save(change)) {
			throw new ListingChangedMeanwhile();
		}
		audit.record(actor, "credit." + change.step().action(), target(listing.id()), change.step().from() + " → " + change.step().to()
				+ (change.step().detail() == null ? "" : ": " + change.step().detail()));
		return viewed(change.after());
	}

	private Listing managed(Actor admin, UUID id) {
		return listings.find(id).filter(l -> admin.managesCreditOf(l.region())).orElseThrow(() -> notFound(id));
	}

	private Viewed viewed(Listing listing) {
		return new Viewed(listing, listing.stateOn(LocalDate.now(clock)), listings.history(listing.id()));
	}

	private static NotFound notFound(UUID id) {
		return new NotFound("失信记录", "credit listing", String.valueOf(id));
	}

	private static String subject(String subject) {
		String s = subject == null ? "" : subject.trim();
		if (!IdNumber.isValid(s) && !CreditCode.isValid(s)) {
			throw InvalidInput.of("subject", "check-digit", Message.of("应为有效的公民身份号码或统一社会信用代码",
					"a valid citizen ID number or unified social credit code"));
		}
		return s;
	}

	private static String mask(String subject) {
		return IdNumber.isValid(subject) ? IdNumber.mask(subject) : subject;
	}

	private static String one(String field, String value, String zh, String en) {
		List<FieldProblem> problems = new ArrayList<>();
		String checked = required(problems, field, value, Text.REASON, zh, en);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return checked;
	}

	private static String required(List<FieldProblem> problems, String field, String value, int max, String zh, String en) {
		String checked = Text.check(problems, field, value, max == Text.CODE ? Text.Kind.LINE : Text.Kind.FREE_TEXT, max);
		if (value == null || (checked != null && checked.isBlank())) {
			problems.add(new FieldProblem(field, "required", Message.of(zh, en)));
		}
		return checked == null ? null : checked.trim();
	}

	/** Now, as PostgreSQL keeps it (microseconds): the listing returned is the listing stored. */
	private Instant now() {
		return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}
}

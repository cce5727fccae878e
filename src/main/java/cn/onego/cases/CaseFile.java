package cn.onego.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.onego.application.ApplicationInput.Channel;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseIssued;
import cn.onego.cases.CaseEvents.CaseNotAccepted;
import cn.onego.cases.CaseEvents.CaseOpened;
import cn.onego.cases.CaseEvents.CaseReady;
import cn.onego.cases.CaseEvents.CaseRefused;
import cn.onego.cases.CaseEvents.CaseWithdrawn;
import cn.onego.cases.CaseEvents.GapsOverdue;
import cn.onego.cases.CaseEvents.SupplementRequested;
import cn.onego.cases.CaseState.Action;
import cn.onego.shared.RegionCode;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * A case (办件): one application of one matter, under one number, from acceptance to the exit window.
 * Immutable and made of parts — who applied, where it is handled, the terms it was accepted on, how it ended,
 * when — so that a change is one line. Each transition asks {@link CaseState} whether it is allowed and returns
 * a {@link Transition}: the case afterwards, the step for its history and the event it tells. The parts are
 * shown flat, as one object.
 *
 * @param revision how often the case or one of its tasks was saved: the check of every save, never shown
 */
public record CaseFile(CaseId id, CaseNumber number, UUID applicationId, String matter, @JsonUnwrapped Applicant applicant,
		@JsonUnwrapped Place place, CaseState state, @JsonUnwrapped Terms terms, @JsonUnwrapped Supplements supplements,
		@JsonUnwrapped Outcome outcome, Delivery delivery, @JsonUnwrapped Times times, int version, @JsonIgnore int revision) {

	/** Who applied, and who hears of the case (their account, or {@code SMS:<mobile>} for a visitor at the window). */
	public record Applicant(@JsonProperty("applicantId") String id, @JsonProperty("applicantName") String name,
			@JsonProperty("applicantUsername") String username) {

		/** The ID number as history, logs and messages show it; a credit code (an enterprise's) as it is. */
		String masked() {
			return cn.onego.shared.CreditCode.isValid(id) ? id : cn.onego.shared.IdNumber.mask(id);
		}
	}

	/** Where the case is handled: the applicant's region, the competent hall, and the channel it came in by. */
	/**
	 * Where the case is handled and where it is received. {@code region} is the competent region, whose departments,
	 * calendar and clock handle it; {@code hall} is the hall whose windows accept and deliver it, in
	 * {@code acceptingRegion} — another region than the competent one for 跨域通办 (异地收件、远程流转、属地办理).
	 */
	public record Place(@JsonSerialize(using = ToStringSerializer.class) RegionCode region, HallCode hall, Channel channel,
			@JsonSerialize(using = ToStringSerializer.class) RegionCode acceptingRegion) {

		public Place {
			acceptingRegion = acceptingRegion == null ? region : acceptingRegion;
		}

		/** A case received and handled in its own region. */
		public Place(RegionCode region, HallCode hall, Channel channel) {
			this(region, hall, channel, region);
		}

		/** Whether a hall of another region received the case for the competent one (跨域通办). */
		public boolean crossRegion() {
			return !acceptingRegion.equals(region);
		}
	}

	/** How the case was accepted. */
	public enum Mode {
		STANDARD,
		/** 容缺受理: accepted with non-key materials missing, to be supplied by the gap deadline. */
		WITH_GAPS,
		/** 告知承诺: accepted on the applicant's signed commitment instead of listed materials. */
		ON_COMMITMENT
	}

	/** The terms of acceptance: mode, gaps and their deadline, commitments, and the date promised on the receipt. */
	public record Terms(Mode mode, List<Gap> gaps, LocalDate gapDeadline, boolean gapsOverdue, List<String> commitments,
			LocalDate promisedDate) {

		static Terms none() {
			return new Terms(Mode.STANDARD, List.of(), null, false, List.of(), null);
		}

		Terms withGaps(List<Gap> gaps, boolean overdue) {
			return new Terms(mode, List.copyOf(gaps), gapDeadline, overdue, commitments, promisedDate);
		}

		@JsonIgnore
		List<Gap> openGaps() {
			return gaps.stream().filter(Gap::open).toList();
		}
	}

	/** A material accepted as missing (容缺), and when it was supplied. */
	public record Gap(String material, String name, String suppliedAttachment) {

		boolean open() {
			return suppliedAttachment == null;
		}
	}

	/**
	 * What the applicant is asked to supply now, as one list, and how many requests there were in all (null for a
	 * case opened before they were counted).
	 */
	public record Supplements(@JsonProperty("supplement") List<SupplementRequest> requests, @JsonIgnore Integer rounds) {

		static Supplements none() {
			return new Supplements(List.of(), 0);
		}

		Supplements asked(List<SupplementRequest> all, int round) {
			return new Supplements(List.copyOf(all), round);
		}

		Supplements answered() {
			return new Supplements(List.of(), rounds);
		}
	}

	/** How the case ended, or why the window refused it: refusal, or the one exit. */
	public record Outcome(Refusal refusal, Issue issue) {

		static Outcome none() {
			return new Outcome(null, null);
		}
	}

	/** Why the window refused to accept, or why the case ended refused. */
	public record Refusal(String reason, String legalBasis, String by) {
	}

	/** The one exit: how the result bundle left the window. */
	public record Issue(Delivery.Method method, String trackingNumber, String by, Instant at) {
	}

	/** When the case was submitted, accepted and closed. */
	public record Times(Instant submittedAt, Instant acceptedAt, Instant closedAt) {

		Times accepted(Instant at) {
			return new Times(submittedAt, at, closedAt);
		}

		Times closed(Instant at) {
			return new Times(submittedAt, acceptedAt, at);
		}
	}

	/** How the result bundle leaves: the applicant's choice, the window by default. */
	@JsonIgnore
	Delivery.Method deliveryMethod() {
		return delivery == null || delivery.method() == null ? Delivery.Method.WINDOW_PICKUP : delivery.method();
	}

	/** A new case in the hall's queue: the step SUBMITTED and the event that tells the applicant its number. */
	static Transition<CaseFile> open(CaseId id, CaseNumber number, UUID applicationId, String matter, Applicant applicant,
			Place place, Delivery delivery, Instant submittedAt, Act act) {
		CaseFile opened = new CaseFile(id, number, applicationId, matter, applicant, place, CaseState.AWAITING_ACCEPTANCE,
				Terms.none(), Supplements.none(), Outcome.none(), delivery, new Times(submittedAt, null, null), 0, 0);
		return Transition.of(null, opened, Step.of(id, null, act, "SUBMITTED", null, opened.state,
				StepMessage.of(HistoryText.SUBMITTED, "channel", place.channel(), "hall", place.hall().value())))
			.telling(new CaseOpened(id, applicationId, number, place.hall()));
	}

	Transition<CaseFile> accept(Terms accepted, boolean provisional, Act act) {
		CaseFile after = moved(Action.ACCEPT).withTerms(accepted).withTimes(times.accepted(act.at()));
		List<String> gapCodes = accepted.gaps().stream().map(Gap::material).toList();
		StepMessage said = StepMessage.of(HistoryText.ACCEPTED, "mode", accepted.mode(), "gaps", gapCodes, "gapDeadline",
				accepted.gapDeadline(), "commitments", accepted.commitments(), "promised", accepted.promisedDate(), "provisional",
				provisional);
		return step(after, act, "ACCEPTED", said)
			.telling(new CaseAccepted(id, accepted.promisedDate(), accepted.mode(), gapCodes, accepted.gapDeadline(), provisional));
	}

	Transition<CaseFile> refuseToAccept(Refusal why, Act act) {
		CaseFile after = moved(Action.REFUSE_TO_ACCEPT).withOutcome(new Outcome(why, outcome.issue()))
			.withTimes(times.closed(act.at()));
		return step(after, act, "NOT_ACCEPTED",
				StepMessage.of(HistoryText.REASON_AND_BASIS, "reason", why.reason(), "legalBasis", why.legalBasis()))
			.telling(new CaseNotAccepted(id, why.reason()));
	}

	/** 补正 before acceptance: everything missing, told once; {@code round} counts the case's requests so far. */
	Transition<CaseFile> askForSupplement(List<SupplementRequest> requests, int round, StepMessage detail, Act act) {
		CaseFile after = moved(Action.ASK_FOR_SUPPLEMENT).withSupplements(supplements.asked(requests, round));
		return step(after, act, "SUPPLEMENT_REQUESTED", detail)
			.telling(new SupplementRequested(id, requests.stream().map(SupplementRequest::subject).toList(), round));
	}

	/** A department's requests while the case runs, added to the case's one list (its step is the task's). */
	Transition<CaseFile> addSupplementRequests(List<SupplementRequest> requests, int round, Act act) {
		List<SupplementRequest> all = new java.util.ArrayList<>(supplements.requests());
		all.addAll(requests);
		CaseFile after = moved(Action.ADD_SUPPLEMENT_REQUESTS).withSupplements(supplements.asked(all, round));
		return new Transition<CaseFile>(this, after, null, null)
			.telling(new SupplementRequested(id, all.stream().map(SupplementRequest::subject).toList(), round));
	}

	/**
	 * The applicant supplied what was asked: before acceptance the case goes back to the queue; while it runs the
	 * requests are answered and the gaps supplied close (an overdue flag stays while a gap is still open).
	 */
	Transition<CaseFile> supplied(List<Gap> gaps, StepMessage detail, Act act) {
		CaseFile after = moved(Action.SUPPLY).withSupplements(supplements.answered());
		if (state == CaseState.IN_PROGRESS) {
			after = after.withTerms(terms.withGaps(gaps, terms.gapsOverdue() && gaps.stream().anyMatch(Gap::open)));
		}
		return step(after, act, "SUPPLIED", detail);
	}

	Transition<CaseFile> flagOverdueGaps(Act act) {
		CaseFile after = moved(Action.FLAG_OVERDUE_GAPS).withTerms(terms.withGaps(terms.gaps(), true));
		return step(after, act, "GAPS_OVERDUE", StepMessage.of(HistoryText.GAPS_OVERDUE, "gaps",
				terms.openGaps().stream().map(Gap::material).toList(), "gapDeadline", terms.gapDeadline()))
			.telling(new GapsOverdue(id, terms.gapDeadline()));
	}

	Transition<CaseFile> makeReady(Act act) {
		IllegalTransition.check(terms.openGaps().isEmpty(), "办件（容缺材料未补齐）", state, Action.MAKE_READY.zh());
		return step(moved(Action.MAKE_READY), act, "READY", StepMessage.of(HistoryText.READY)).telling(new CaseReady(id, deliveryMethod()));
	}

	/** Ends the case refused; {@code said} is how its history tells why. */
	Transition<CaseFile> refuse(Refusal why, StepMessage said, Act act) {
		CaseFile after = moved(Action.REFUSE).withSupplements(supplements.answered())
			.withOutcome(new Outcome(why, outcome.issue()))
			.withTimes(times.closed(act.at()));
		return step(after, act, "REFUSED", said).telling(new CaseRefused(id, why.reason()));
	}

	Transition<CaseFile> issue(Issue how, Act act) {
		CaseFile after = moved(Action.ISSUE).withOutcome(new Outcome(outcome.refusal(), how)).withTimes(times.closed(how.at()));
		return step(after, act, "ISSUED",
				StepMessage.of(HistoryText.ISSUED, "method", how.method(), "tracking", how.trackingNumber()))
			.telling(new CaseIssued(id, how.method(), how.trackingNumber()));
	}

	/** 代收代办: the results go to the partner platform whose hall received the case; that hall issues them. */
	Transition<CaseFile> handOver(Issue how, String partnerName, Act act) {
		CaseFile after = moved(Action.ISSUE).withOutcome(new Outcome(outcome.refusal(), how)).withTimes(times.closed(how.at()));
		return step(after, act, "ISSUED", StepMessage.of(HistoryText.HANDED_OVER, "partner", partnerName))
			.telling(new CaseIssued(id, how.method(), null));
	}

	/**
	 * 撤回申请: the applicant takes the application back before acceptance; what the window asked for is no longer
	 * asked, and the case is closed.
	 */
	Transition<CaseFile> withdraw(String reason, Act act) {
		CaseFile after = moved(Action.WITHDRAW).withSupplements(supplements.answered()).withTimes(times.closed(act.at()));
		return step(after, act, "WITHDRAWN", StepMessage.of(HistoryText.WITHDRAWN, "reason", reason)).telling(new CaseWithdrawn(id, reason));
	}

	/** The case as stored after a save that changed it. */
	CaseFile saved(boolean changed) {
		return new CaseFile(id, number, applicationId, matter, applicant, place, state, terms, supplements, outcome, delivery, times,
				changed ? version + 1 : version, revision + 1);
	}

	private Transition<CaseFile> step(CaseFile after, Act act, String action, StepMessage said) {
		return Transition.of(this, after, Step.of(id, null, act, action, state, after.state, said));
	}

	private CaseFile moved(Action action) {
		return withState(state.after(action));
	}

	private CaseFile withState(CaseState next) {
		return new CaseFile(id, number, applicationId, matter, applicant, place, next, terms, supplements, outcome, delivery, times,
				version, revision);
	}

	private CaseFile withTerms(Terms next) {
		return new CaseFile(id, number, applicationId, matter, applicant, place, state, next, supplements, outcome, delivery, times,
				version, revision);
	}

	private CaseFile withSupplements(Supplements next) {
		return new CaseFile(id, number, applicationId, matter, applicant, place, state, terms, next, outcome, delivery, times,
				version, revision);
	}

	private CaseFile withOutcome(Outcome next) {
		return new CaseFile(id, number, applicationId, matter, applicant, place, state, terms, supplements, next, delivery, times,
				version, revision);
	}

	private CaseFile withTimes(Times next) {
		return new CaseFile(id, number, applicationId, matter, applicant, place, state, terms, supplements, outcome, delivery, next,
				version, revision);
	}
}

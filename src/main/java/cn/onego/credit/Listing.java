package cn.onego.credit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.onego.credit.ListingState.Action;

/**
 * A credit listing (失信记录): the subject (a citizen's ID number or an enterprise's credit code), why, the case that
 * is its evidence, when and by whom it was made, where (the evidence case's region), until which day it has effect
 * ({@code null}: for life), and its stored state. Its methods return the change a transition makes; they change
 * nothing themselves, and refuse what the state does not allow.
 */
public record Listing(UUID id, String subject, String region, String reason, Evidence evidence, String listedBy,
		Instant listedAt, LocalDate until, ListingState stored, int version) {

	/** The case a listing rests on: its id and its number (一事一号). */
	public record Evidence(UUID caseId, String number) {
	}

	/** A transition of a listing: the listing after it and the step of its history. */
	public record Change(Listing after, ListingStep step) {
	}

	/** The listing's state on a day: a stored state in effect becomes {@link ListingState#EXPIRED} after its last day. */
	public ListingState stateOn(LocalDate day) {
		return stored.inEffect() && until != null && day.isAfter(until) ? ListingState.EXPIRED : stored;
	}

	/** Whether the listing closes the green channel on the day. */
	public boolean inEffectOn(LocalDate day) {
		return stateOn(day).inEffect();
	}

	/** A new listing's first step. */
	public ListingStep listed() {
		return new ListingStep(id, listedAt, listedBy, ListingStep.LISTED, null, ListingState.ACTIVE, reason);
	}

	/** 异议申诉: the subject disputes the listing with a statement. */
	public Change appeal(String statement, String by, Instant at, LocalDate today) {
		return transition(Action.APPEAL, statement, by, at, today);
	}

	/** The appeal decided: founded (the listing is lifted) or not (it stays in effect), with the reason. */
	public Change decideAppeal(boolean founded, String reason, String by, Instant at, LocalDate today) {
		return transition(founded ? Action.GRANT_APPEAL : Action.DISMISS_APPEAL, reason, by, at, today);
	}

	/** 信用修复: lifted, with the reason (what the subject did to repair their credit). */
	public Change lift(String reason, String by, Instant at, LocalDate today) {
		return transition(Action.LIFT, reason, by, at, today);
	}

	private Change transition(Action action, String detail, String by, Instant at, LocalDate today) {
		ListingState from = stateOn(today);
		ListingState to = from.after(action).orElseThrow(() -> new IllegalListingTransition(from, action));
		Listing after = new Listing(id, subject, region, reason, evidence, listedBy, listedAt, until, to, version + 1);
		return new Change(after, new ListingStep(id, at, by, action.name(), from, to, detail));
	}
}

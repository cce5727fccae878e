package cn.onego.credit;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a credit listing (失信记录) stands. Each state declares the actions it allows and where each leads; a
 * listing asks its state before it changes ({@link Listing}). {@link #EXPIRED} is reached by the date alone — a
 * listing is never stored expired.
 */
public enum ListingState {

	/** In effect: the subject gets neither 容缺 nor 告知承诺. */
	ACTIVE,
	/** The subject has appealed (异议申诉); still in effect until a credit administrator decides. */
	UNDER_APPEAL,
	/** Lifted: repaired (信用修复) or the appeal granted. No effect; the record and its history stay. */
	LIFTED,
	/** Its last day has passed. No effect, nothing more to decide. */
	EXPIRED;

	/** What may happen to a listing. */
	public enum Action {
		/** The subject disputes the listing, with a statement. */
		APPEAL,
		/** A credit administrator finds the appeal unfounded: the listing stays in effect. */
		DISMISS_APPEAL,
		/** A credit administrator finds the appeal founded: the listing is lifted. */
		GRANT_APPEAL,
		/** A credit administrator lifts the listing after the subject repaired their credit (信用修复). */
		LIFT
	}

	/** The state an action leads to from here, if it is allowed here. */
	public Optional<ListingState> after(Action action) {
		return Optional.ofNullable(switch (this) {
			case ACTIVE -> switch (action) {
				case APPEAL -> UNDER_APPEAL;
				case LIFT -> LIFTED;
				default -> null;
			};
			case UNDER_APPEAL -> switch (action) {
				case DISMISS_APPEAL -> ACTIVE;
				case GRANT_APPEAL, LIFT -> LIFTED;
				default -> null;
			};
			case LIFTED, EXPIRED -> null;
		});
	}

	/** The actions allowed here. */
	public Set<Action> allowed() {
		Set<Action> allowed = EnumSet.noneOf(Action.class);
		for (Action action : Action.values()) {
			after(action).ifPresent(next -> allowed.add(action));
		}
		return allowed;
	}

	/** Whether a listing in this state closes the green channel. */
	public boolean inEffect() {
		return this == ACTIVE || this == UNDER_APPEAL;
	}
}

package cn.onego.cases;

import java.util.function.UnaryOperator;

import cn.onego.cases.CaseEvents.CaseEvent;

/**
 * What one transition of a case or a task changed, as a value: the aggregate before (null for a new one) and
 * after, the step it adds to the case's history, and the event it tells (null when nobody is told). The
 * aggregate's method checks its guard through its state's table and returns this; {@link Cases#save} writes
 * it, with everything else the transaction changed, in one statement.
 */
record Transition<T>(T before, T after, Step step, CaseEvent event) {

	static <T> Transition<T> of(T before, T after, Step step) {
		return new Transition<>(before, after, step, null);
	}

	Transition<T> telling(CaseEvent event) {
		return new Transition<>(before, after, step, event);
	}

	/** The same transition with the aggregate afterwards adjusted (e.g. its clock stopped or restarted). */
	Transition<T> adjusted(UnaryOperator<T> adjustment) {
		return new Transition<>(before, adjustment.apply(after), step, event);
	}
}

package cn.onego.credit;

import java.time.Instant;
import java.util.UUID;

import cn.onego.credit.ListingState.Action;

/**
 * One step of a listing's history, as a row: who did what when, from which state to which, and the statement or
 * reason given. {@code action} is {@code LISTED} for the first step, otherwise an {@link Action}'s name.
 */
public record ListingStep(UUID listing, Instant at, String actor, String action, ListingState from, ListingState to,
		String detail) {

	public static final String LISTED = "LISTED";
}

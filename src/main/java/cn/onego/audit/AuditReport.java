package cn.onego.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * What a verification of the audit trail found, for the days from {@code from} to {@code to}.
 *
 * @param records how many records were read
 * @param chains how many chains (day × shard) they form
 * @param anchors how many anchors were checked
 * @param intact no finding at all
 * @param firstBrokenLink the first place, by day, shard and position, where a chain does not hold (null if none)
 * @param findings every altered, deleted or inserted record and broken link detected, and every anchor whose
 *        signature does not verify or whose heads the records no longer match, in chain order (at most
 *        {@value Verifier#MOST_FINDINGS}; {@code complete} is false when there were more)
 * @param unanchoredDays finished days after the last anchored one that hold records but no anchor yet (anchoring
 *        runs after midnight); one before an anchored day is an {@code ANCHOR_MISSING} finding
 * @param complete false when findings were left out
 */
public record AuditReport(LocalDate from, LocalDate to, long records, int chains, int anchors, boolean intact,
		Finding firstBrokenLink, List<Finding> findings, List<LocalDate> unanchoredDays, boolean complete) {

	/** What is wrong where: a record (day, shard, position, id where it still exists) or a day's anchor. */
	public record Finding(Kind kind, LocalDate day, Integer shard, Long seq, Long recordId, String detail) {
	}

	public enum Kind {
		/** The record's content no longer gives its hash: changed after it was written. */
		ALTERED,
		/** Positions of a chain are missing (in the middle, or after what the day's anchor signed). */
		DELETED,
		/** A record the chain or the day's anchor does not account for. */
		INSERTED,
		/** A record does not carry the hash of the record before it (that one was changed and rehashed, or replaced). */
		BROKEN_LINK,
		/** The day's anchor does not verify with the key it names. */
		ANCHOR_SIGNATURE,
		/** The day's anchor names a key that is not the platform's (or the one the auditor gave). */
		ANCHOR_UNKNOWN_KEY,
		/** A chain's records no longer end in the head the anchor signed: rewritten after the anchor. */
		ANCHOR_MISMATCH,
		/** A day holds records but no anchor, though a later day has one: its anchor was removed. */
		ANCHOR_MISSING;

		boolean ofAChain() {
			return this != ANCHOR_SIGNATURE && this != ANCHOR_UNKNOWN_KEY && this != ANCHOR_MISSING;
		}
	}
}

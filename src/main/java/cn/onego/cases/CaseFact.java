package cn.onego.cases;

import java.time.LocalDate;

/**
 * What one event of a case adds to the counts of supervision (行政效能电子监管): a case submitted, accepted, not
 * accepted, issued or refused on a day, or a task decided — in time or late, late on the case's critical path or
 * not, after how many working days of its limit. Written by the transition's own statement, so each event counts
 * exactly once; taken in batches through {@link CaseFacts}.
 * <p>
 * {@code region} is the competent region, whose departments handle the case; {@code acceptingRegion} the region of the
 * hall that received it, the same as {@code region} for a case received in its own region (never null here; the
 * ledger stores NULL for it, as {@code case_file} does). Statistics count a cross-region case for both (跨域通办).
 */
public record CaseFact(Kind kind, LocalDate day, String region, String hall, String department, String matter, String channel,
		boolean late, boolean lateOnCriticalPath, int handlingDays, int limitDays, String acceptingRegion) {

	public CaseFact {
		acceptingRegion = acceptingRegion == null ? region : acceptingRegion;
	}

	/** A fact of a case received in its own region. */
	public CaseFact(Kind kind, LocalDate day, String region, String hall, String department, String matter, String channel,
			boolean late, boolean lateOnCriticalPath, int handlingDays, int limitDays) {
		this(kind, day, region, hall, department, matter, channel, late, lateOnCriticalPath, handlingDays, limitDays, region);
	}

	/** Whether a hall of another region received the case for the competent one. */
	public boolean crossRegion() {
		return !acceptingRegion.equals(region);
	}

	/** What is counted. */
	public enum Kind {
		SUBMITTED, ACCEPTED, NOT_ACCEPTED, ISSUED, REFUSED, DECIDED;

		/** As stored (lower case, as supervision's aggregates name their columns). */
		String stored() {
			return name().toLowerCase();
		}

		static Kind ofStored(String stored) {
			return valueOf(stored.toUpperCase());
		}
	}
}

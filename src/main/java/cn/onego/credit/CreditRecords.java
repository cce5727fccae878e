package cn.onego.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.onego.audit.AuditTrail;
import cn.onego.shared.TimeOrderedIds;

/**
 * What the case engine asks of credit: whether an applicant is listed today (checked before any green-channel
 * decision), and the listings it makes itself — after a failed post-verification or false materials found by a
 * reviewer — in the transaction of the decision that found them, each recorded in the audit trail.
 */
@Service
public class CreditRecords {

	/**
	 * How long a listing made by the case engine has effect: three years, the longest period a serious untrustworthy
	 * record stays published under 《失信行为纠正后的信用信息修复管理办法（试行）》 (NDRC Order No. 58, 2023); a credit
	 * administrator may lift it earlier (信用修复).
	 */
	static final Period AUTOMATIC_DURATION = Period.ofYears(3);

	private final Listings listings;
	private final AuditTrail audit;
	private final Clock clock;

	CreditRecords(Listings listings, AuditTrail audit, Clock clock) {
		this.listings = listings;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether a listing of the subject has effect today: neither lifted nor past its last day. */
	public boolean blacklisted(String subject) {
		return listings.inEffect(subject, LocalDate.now(clock));
	}

	/**
	 * Lists the subject on the evidence of a case of the region, for {@link #AUTOMATIC_DURATION}, as decided by the
	 * user named (the reviewer who found it) — unless a listing of the subject on that case has effect already (two
	 * items of one case refused for the same false materials are one listing).
	 */
	public Listing blacklist(String subject, String region, String reason, Listing.Evidence evidence, String listedBy) {
		LocalDate today = LocalDate.now(clock);
		var existing = listings.ofSubject(subject).stream()
			.filter(l -> evidence.caseId().equals(l.evidence().caseId()) && l.inEffectOn(today))
			.findFirst();
		if (existing.isPresent()) {
			return existing.get();
		}
		Listing listing = new Listing(TimeOrderedIds.next(), subject, region, reason, evidence, listedBy, now(),
				today.plus(AUTOMATIC_DURATION), ListingState.ACTIVE, 0);
		listings.insert(listing);
		audit.record(listedBy, "credit.LISTED", CreditListings.target(listing.id()), "evidence " + evidence.number() + ": " + reason);
		return listing;
	}

	/** Every listing of the subject, the newest first, whatever its state. */
	public List<Listing> listings(String subject) {
		return listings.ofSubject(subject);
	}

	/** A listing's history, in order. */
	public List<ListingStep> history(Listing listing) {
		return listings.history(listing.id());
	}

	/** Now, as PostgreSQL keeps it (microseconds): the listing returned is the listing stored. */
	private Instant now() {
		return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
	}
}

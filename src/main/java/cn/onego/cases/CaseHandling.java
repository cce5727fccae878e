package cn.onego.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import cn.onego.identity.Actor;
import cn.onego.shared.RegionCode;

/**
 * The case flow's actions, as the module offers them: each is one use case of its own class — {@link CaseOpening},
 * {@link WindowAcceptance}, {@link PreAcceptance}, {@link Supplying}, {@link Withdrawal}, {@link Issuing}, {@link DepartmentReview},
 * {@link PostVerification}, {@link GapDeadlines} — which reads the case once, checks who may act before what was
 * sent, applies the transitions and saves them in one statement. Every action is one transaction.
 */
@Service
public class CaseHandling {

	private final CaseOpening opening;
	private final WindowAcceptance acceptance;
	private final PreAcceptance preAcceptance;
	private final Supplying supplying;
	private final Withdrawal withdrawal;
	private final Issuing issuing;
	private final DepartmentReview review;
	private final PostVerification verification;
	private final GapDeadlines gapDeadlines;
	private final PartnerDecisions partnerDecisions;

	CaseHandling(CaseOpening opening, WindowAcceptance acceptance, PreAcceptance preAcceptance, Supplying supplying,
			Withdrawal withdrawal, Issuing issuing, DepartmentReview review, PostVerification verification, GapDeadlines gapDeadlines,
			PartnerDecisions partnerDecisions) {
		this.opening = opening;
		this.acceptance = acceptance;
		this.preAcceptance = preAcceptance;
		this.supplying = supplying;
		this.withdrawal = withdrawal;
		this.issuing = issuing;
		this.review = review;
		this.verification = verification;
		this.gapDeadlines = gapDeadlines;
		this.partnerDecisions = partnerDecisions;
	}

	/**
	 * How the window accepts: materials accepted as missing (容缺) with the working days to supply them,
	 * and materials the applicant's signed commitment replaces (告知承诺). Both empty: a standard acceptance.
	 */
	public record Acceptance(List<String> gaps, Integer gapWorkingDays, List<String> commitments) {
	}

	/** Opens the case of a submitted application in the competent hall's queue; opening twice opens one. */
	public CaseFile open(UUID applicationId) {
		return opening.open(applicationId);
	}

	// ------------------------------------------------------------------ the window

	public CaseFile accept(Actor clerk, CaseId caseId, int version, Acceptance decision) {
		return acceptance.accept(clerk, caseId, version, decision);
	}

	public CaseFile refuseToAccept(Actor clerk, CaseId caseId, int version, String reason, String legalBasis) {
		return preAcceptance.refuseToAccept(clerk, caseId, version, reason, legalBasis);
	}

	/** 一次性告知: everything missing before acceptance, in one request. */
	public CaseFile askForSupplement(Actor clerk, CaseId caseId, int version, List<SupplementRequest> requests) {
		return preAcceptance.askForSupplement(clerk, caseId, version, requests);
	}

	/** The applicant (or the window for them) supplies what was asked: attachments by material. */
	public CaseFile supplement(Actor actor, CaseId caseId, Map<String, String> attachments, String note) {
		return supplying.supply(actor, caseId, attachments, note);
	}

	/**
	 * 撤回申请: the applicant (or their agent) withdraws a case the window has not accepted yet, with an optional
	 * reason; afterwards they are told to contact the hall.
	 */
	public CaseFile withdraw(Actor applicant, CaseId caseId, String reason) {
		return withdrawal.withdraw(applicant, caseId, reason);
	}

	/** 统一出件: hands over (or mails) the result bundle of a ready case, and records licences as e-licences. */
	public CaseFile issue(Actor clerk, CaseId caseId, int version, String trackingNumber) {
		return issuing.issue(clerk, caseId, version, trackingNumber);
	}

	// ------------------------------------------------------------------ the departments

	public Task claim(Actor reviewer, TaskId taskId, int version) {
		return review.claim(reviewer, taskId, version);
	}

	public Task release(Actor reviewer, TaskId taskId, int version) {
		return review.release(reviewer, taskId, version);
	}

	public Task approve(Actor reviewer, TaskId taskId, int version, String number, String notice) {
		return review.approve(reviewer, taskId, version, number, notice);
	}

	public Task refuse(Actor reviewer, TaskId taskId, int version, String reason, String legalBasis, boolean falseMaterials) {
		return review.refuse(reviewer, taskId, version, reason, legalBasis, falseMaterials);
	}

	/** The department asks the applicant, through the window, for more; the requests join the case's one list. */
	public Task askForTaskSupplement(Actor reviewer, TaskId taskId, int version, List<SupplementRequest> requests) {
		return review.askForSupplement(reviewer, taskId, version, requests);
	}

	public Task suspend(Actor reviewer, TaskId taskId, int version, String procedure, String reason, Integer maxWorkingDays) {
		return review.suspend(reviewer, taskId, version, procedure, reason, maxWorkingDays);
	}

	public Task resume(Actor reviewer, TaskId taskId, int version) {
		return review.resume(reviewer, taskId, version);
	}

	/** The department's post-verification (事后核查) of a commitment-based approval. */
	public void verify(Actor reviewer, UUID verificationId, boolean passed, String finding) {
		verification.verify(reviewer, verificationId, passed, finding);
	}

	// ------------------------------------------------------------------ partner platforms (跨域通办)

	/**
	 * What a partner platform's department decided on one item of a case this platform's hall received for it:
	 * approved (with the licence number of a licence result, and a notice), or refused with reason and legal basis.
	 */
	public record PartnerDecision(String item, boolean approved, String licenceNumber, String notice, String reason,
			String legalBasis, Instant decidedAt) {
	}

	/** Opens, in the competent hall's queue, the case of an application a partner platform's hall received and forwarded. */
	public CaseFile openReceived(UUID applicationId, RegionCode receivedIn) {
		return opening.openReceived(applicationId, receivedIn);
	}

	/** Applies the partner's decisions this case has not recorded yet, in the order its items depend on each other. */
	public int applyPartnerDecisions(CaseId caseId, String partner, List<PartnerDecision> decisions) {
		return partnerDecisions.apply(caseId, partner, decisions);
	}

	/** Closes a ready case whose results the partner platform that received it issues (代收代办). */
	public CaseFile handOver(CaseId caseId, String partnerName) {
		return issuing.handOver(caseId, partnerName);
	}

	/** Flags every case whose 容缺 materials are still missing after their deadline (reads only those due). */
	public int flagOverdueGaps(LocalDate today) {
		return gapDeadlines.flagOverdueGaps(today);
	}
}

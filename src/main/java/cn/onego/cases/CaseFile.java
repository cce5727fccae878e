package cn.onego.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.onego.application.ApplicationInput.Delivery;

/**
 * A case (办件): one application of one matter, under one number, from acceptance to the exit window.
 * Immutable; each transition checks the state machine and returns the case as it is afterwards.
 */
public record CaseFile(UUID id, CaseNumber number, UUID applicationId, String matter, String applicantId,
		String applicantName, String applicantUsername, String region, String hall, String channel, CaseState state,
		Mode mode, List<Gap> gaps, LocalDate gapDeadline, boolean gapsOverdue, List<String> commitments,
		List<SupplementRequest> supplement, Refusal refusal, LocalDate promisedDate, Delivery delivery, Issue issue,
		Instant submittedAt, Instant acceptedAt, Instant closedAt, int version) {

	/** How the case was accepted. */
	public enum Mode {
		STANDARD,
		/** 容缺受理: accepted with non-key materials missing, to be supplied by the gap deadline. */
		WITH_GAPS,
		/** 告知承诺: accepted on the applicant's signed commitment instead of listed materials. */
		ON_COMMITMENT
	}

	/** A material accepted as missing (容缺), and when it was supplied. */
	public record Gap(String material, String name, String suppliedAttachment) {

		boolean open() {
			return suppliedAttachment == null;
		}
	}

	/** Why the window refused to accept, or why the case ended refused. */
	public record Refusal(String reason, String legalBasis, String by) {
	}

	/** The one exit: how the result bundle left the window. */
	public record Issue(String method, String trackingNumber, String by, Instant at) {
	}

	CaseFile accept(Mode mode, List<Gap> gaps, LocalDate gapDeadline, List<String> commitments, LocalDate promisedDate,
			Instant at) {
		IllegalTransition.check(state == CaseState.AWAITING_ACCEPTANCE, "办件", state, "受理");
		return new CaseFile(id, number, applicationId, matter, applicantId, applicantName, applicantUsername, region, hall,
				channel, CaseState.IN_PROGRESS, mode, gaps, gapDeadline, false, commitments, List.of(), null, promisedDate,
				delivery, null, submittedAt, at, null, version);
	}

	CaseFile refuseToAccept(Refusal why, Instant at) {
		IllegalTransition.check(state.canMoveTo(CaseState.NOT_ACCEPTED), "办件", state, "不予受理");
		return moveTo(CaseState.NOT_ACCEPTED, supplement, why, issue, at);
	}

	/** 补正 before acceptance: everything missing, told once. */
	CaseFile askForSupplement(List<SupplementRequest> requests) {
		IllegalTransition.check(state == CaseState.AWAITING_ACCEPTANCE, "办件", state, "一次性告知补正");
		return moveTo(CaseState.AWAITING_SUPPLEMENT, List.copyOf(requests), refusal, issue, closedAt);
	}

	CaseFile supplied() {
		IllegalTransition.check(state == CaseState.AWAITING_SUPPLEMENT, "办件", state, "提交补正材料");
		return moveTo(CaseState.AWAITING_ACCEPTANCE, List.of(), refusal, issue, closedAt);
	}

	/** Requests of the departments while the case runs, consolidated into the case's one list. */
	CaseFile withSupplementRequests(List<SupplementRequest> requests) {
		IllegalTransition.check(state == CaseState.IN_PROGRESS, "办件", state, "要求补正");
		return new CaseFile(id, number, applicationId, matter, applicantId, applicantName, applicantUsername, region, hall,
				channel, state, mode, gaps, gapDeadline, gapsOverdue, commitments, List.copyOf(requests), refusal, promisedDate,
				delivery, issue, submittedAt, acceptedAt, closedAt, version);
	}

	CaseFile withGaps(List<Gap> gaps, boolean overdue) {
		return new CaseFile(id, number, applicationId, matter, applicantId, applicantName, applicantUsername, region, hall,
				channel, state, mode, gaps, gapDeadline, overdue, commitments, supplement, refusal, promisedDate, delivery, issue,
				submittedAt, acceptedAt, closedAt, version);
	}

	CaseFile ready() {
		IllegalTransition.check(state.canMoveTo(CaseState.READY), "办件", state, "待出件");
		IllegalTransition.check(openGaps().isEmpty(), "办件（容缺材料未补齐）", state, "待出件");
		return moveTo(CaseState.READY, supplement, refusal, issue, closedAt);
	}

	CaseFile refuse(Refusal why, Instant at) {
		IllegalTransition.check(state.canMoveTo(CaseState.REFUSED), "办件", state, "不予许可");
		return moveTo(CaseState.REFUSED, List.of(), why, issue, at);
	}

	CaseFile issue(Issue how) {
		IllegalTransition.check(state == CaseState.READY, "办件", state, "出件");
		return moveTo(CaseState.ISSUED, supplement, refusal, how, how.at());
	}

	/** The case as stored after a write that bumped its version. */
	CaseFile withVersion(int stored) {
		return new CaseFile(id, number, applicationId, matter, applicantId, applicantName, applicantUsername, region, hall,
				channel, state, mode, gaps, gapDeadline, gapsOverdue, commitments, supplement, refusal, promisedDate, delivery,
				issue, submittedAt, acceptedAt, closedAt, stored);
	}

	List<Gap> openGaps() {
		return gaps.stream().filter(Gap::open).toList();
	}

	private CaseFile moveTo(CaseState next, List<SupplementRequest> supplement, Refusal refusal, Issue issue, Instant closedAt) {
		return new CaseFile(id, number, applicationId, matter, applicantId, applicantName, applicantUsername, region, hall,
				channel, next, mode, gaps, gapDeadline, gapsOverdue, commitments, supplement, refusal, promisedDate, delivery,
				issue, submittedAt, acceptedAt, closedAt, version);
	}
}

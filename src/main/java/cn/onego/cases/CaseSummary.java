package cn.onego.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;

/**
 * A case as a line of a list (a hall's queue, an applicant's cases): enough to find and open it, with a
 * person's ID number masked — a list is read over shoulders and exported; the case itself shows the whole
 * number to those who handle it. An enterprise's credit code is public and stays whole.
 */
public record CaseSummary(UUID id, String number, UUID applicationId, String matter, String applicantName, String applicantId,
		String region, String hall, String channel, CaseState state, CaseFile.Mode mode, boolean gapsOverdue,
		LocalDate promisedDate, Instant submittedAt, Instant acceptedAt, Instant closedAt, int version) {

	static CaseSummary of(CaseFile c) {
		String applicant = CreditCode.isValid(c.applicantId()) ? c.applicantId() : IdNumber.mask(c.applicantId());
		return new CaseSummary(c.id(), c.number().value(), c.applicationId(), c.matter(), c.applicantName(), applicant,
				c.region(), c.hall(), c.channel(), c.state(), c.mode(), c.gapsOverdue(), c.promisedDate(), c.submittedAt(),
				c.acceptedAt(), c.closedAt(), c.version());
	}
}

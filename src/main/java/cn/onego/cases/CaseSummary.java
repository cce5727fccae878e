package cn.onego.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.onego.application.ApplicationInput.Channel;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.shared.Label;

/**
 * A case as a line of a list (a hall's queue, an applicant's cases): enough to find and open it, with a
 * person's ID number masked — a list is read over shoulders and exported; the case itself shows the whole
 * number to those who handle it. An enterprise's credit code is public and stays whole. The hall by its code, to
 * filter on, and by its name, to show. {@code acceptingRegion}: the region of the hall that accepted the case for
 * the competent {@code region} (跨域通办), null for a case accepted where it is handled.
 */
public record CaseSummary(CaseId id, String number, UUID applicationId, String matter, String applicantName, String applicantId,
		String region, HallCode hall, Channel channel, CaseState state, CaseFile.Mode mode, boolean gapsOverdue,
		LocalDate promisedDate, Instant submittedAt, Instant acceptedAt, Instant closedAt, int version, Label hallName,
		String acceptingRegion) {

	static CaseSummary of(CaseFile c, Halls halls) {
		String id = c.applicant().id();
		String applicant = CreditCode.isValid(id) ? id : IdNumber.mask(id);
		return new CaseSummary(c.id(), c.number().value(), c.applicationId(), c.matter(), c.applicant().name(), applicant,
				c.place().region().value(), c.place().hall(), c.place().channel(), c.state(), c.terms().mode(), c.terms().gapsOverdue(),
				c.terms().promisedDate(), c.times().submittedAt(), c.times().acceptedAt(), c.times().closedAt(), c.version(),
				halls.hall(c.place().hall().value()).map(h -> Label.of(h.name(), h.nameEn())).orElse(Label.of("政务服务中心", "Government Service Centre")),
				c.place().crossRegion() ? c.place().acceptingRegion().value() : null);
	}
}

package cn.onego.crossregion;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseQueries;
import cn.onego.identity.Actor;
import cn.onego.platform.NotFound;
import cn.onego.shared.Label;

/**
 * Where a case stands with the partner platform that handles it, for those who may read the case: the applicant and
 * the receiving hall see "sent, not yet received" (and staff are warned when that lasts), then the partner's case
 * number and state as its reports come in.
 */
@Service
public class PartnerCases {

	/** A forwarded case as the receiving side sees it; {@code delivered}: the partner took it. */
	public record PartnerStatus(Label partner, boolean delivered, boolean overdue, int attempts, String lastError,
			Instant forwardedAt, Instant receivedAt, String partnerNumber, String partnerState, String partnerReason,
			Instant reportedAt) {
	}

	private final CaseQueries cases;
	private final FederationOutbox outbox;
	private final Federation federation;
	private final JdbcClient jdbc;

	PartnerCases(CaseQueries cases, FederationOutbox outbox, Federation federation, JdbcClient jdbc) {
		this.cases = cases;
		this.outbox = outbox;
		this.federation = federation;
		this.jdbc = jdbc;
	}

	/** The status of a forwarded case the actor may read; a case not forwarded (or not theirs) is not found. */
	public PartnerStatus status(Actor actor, CaseId caseId) {
		CaseFile c = cases.caseFile(actor, caseId);
		record Row(String partner, Instant forwardedAt, String number, String state, String reason, Instant reportedAt) {
		}
		Row row = jdbc.sql("""
				SELECT partner, forwarded_at, partner_number, partner_state, partner_reason, reported_at FROM forwarded_case
				WHERE case_id = ?""")
			.param(c.id().value())
			.query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.optional()
			.orElseThrow(() -> new NotFound("转办", "Forwarded case", caseId.toString()));
		List<OutgoingMessage> messages = outbox.about(c.id().value().toString());
		Optional<OutgoingMessage> forward = messages.stream().filter(m -> m.kind().equals(ForwardedCase.FORWARD)).findFirst();
		String name = federation.partner(row.partner()).map(Partner::name).orElse(row.partner());
		boolean staff = actor.staff();
		return new PartnerStatus(Label.of(name, null), forward.map(m -> m.state() == OutgoingMessage.State.DELIVERED).orElse(false),
				forward.map(OutgoingMessage::overdue).orElse(false), forward.map(OutgoingMessage::attempts).orElse(0),
				staff ? forward.map(OutgoingMessage::lastError).orElse(null) : null, row.forwardedAt(),
				forward.map(OutgoingMessage::deliveredAt).orElse(null), row.number(), row.state(), row.reason(), row.reportedAt());
	}
}

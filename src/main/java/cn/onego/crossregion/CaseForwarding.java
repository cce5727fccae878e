package cn.onego.crossregion;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationRecord;
import cn.onego.application.Attachments;
import cn.onego.application.Submissions;
import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.Halls;

/**
 * 远程流转, on the receiving side: a case this platform's hall accepted for a region a partner platform serves is
 * forwarded there — its application, its files and the hall that received it — through the outbox, in the
 * acceptance's own transaction, so that it is sent once and resent until the partner takes it. The case's
 * tasks stay here as the partner's decisions will be applied to them ({@link CaseReports}).
 */
@Component
class CaseForwarding {

	private static final Logger log = LoggerFactory.getLogger(CaseForwarding.class);

	private final Federation federation;
	private final FederationOutbox outbox;
	private final CaseQueries cases;
	private final Submissions submissions;
	private final Attachments attachments;
	private final Halls halls;
	private final JdbcClient jdbc;
	private final Clock clock;

	CaseForwarding(Federation federation, FederationOutbox outbox, CaseQueries cases, Submissions submissions, Attachments attachments,
			Halls halls, JdbcClient jdbc, Clock clock) {
		this.federation = federation;
		this.outbox = outbox;
		this.cases = cases;
		this.submissions = submissions;
		this.attachments = attachments;
		this.halls = halls;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** In the acceptance's own transaction (ADR 0002): a platform without partners pays nothing for it. */
	@EventListener
	void on(CaseAccepted accepted) {
		if (federation.partners().isEmpty()) {
			return;
		}
		CaseFile c = cases.caseFile(accepted.caseId());
		if (federation.servesLocally(c.place().region())) {
			return;
		}
		Optional<Partner> partner = federation.partnerServing(c.place().region());
		if (partner.isEmpty()) {
			log.warn("Case {} was accepted for region {}, which neither this platform nor a partner serves", c.number(),
					c.place().region());
			return;
		}
		forward(c, partner.get());
	}

	/** The partner took the case: its number there, waiting for the competent hall's acceptance. */
	@EventListener
	void on(OutgoingMessageDelivered delivered) {
		if (!ForwardedCase.FORWARD.equals(delivered.kind()) || delivered.response() == null || !delivered.response().has("number")) {
			return;
		}
		jdbc.sql("""
				UPDATE forwarded_case SET partner_number = ?, partner_state = coalesce(partner_state, 'AWAITING_ACCEPTANCE')
				WHERE case_id = ?::uuid AND partner = ?""")
			.params(delivered.response().get("number").asString(), delivered.subject(), delivered.partnerId())
			.update();
	}

	private void forward(CaseFile c, Partner partner) {
		ApplicationRecord application = submissions.submitted(c.applicationId());
		Set<String> hashes = new LinkedHashSet<>(application.materials().attachments().values());
		application.materials().resolved().stream().map(ApplicationRecord.MaterialEntry::attachment).filter(h -> h != null).forEach(hashes::add);
		UUID caseId = c.id().value();
		List<ForwardedCase.File> files = new ArrayList<>();
		List<ForwardedCase.FilePart> parts = new ArrayList<>();
		for (String hash : hashes) {
			attachments.content(hash).ifPresent(f -> {
				files.add(new ForwardedCase.File(f.hash(), null, f.contentType()));
				parts.add(new ForwardedCase.FilePart(caseId, f.hash(), f.contentType(), f.bytes()));
			});
		}
		ForwardedCase.Hall hall = halls.hall(c.place().hall().value())
			.map(h -> new ForwardedCase.Hall(h.name(), h.nameEn(), h.address(), h.phone()))
			.orElse(new ForwardedCase.Hall(c.place().hall().value(), null, null, null));
		ForwardedCase.Forward forward = new ForwardedCase.Forward(c.id().value(), c.number().value(), c.matter(),
				c.place().region().value(), c.place().acceptingRegion().value(), hall, application.applicant(), application.answers(),
				application.form(), application.commitments(), application.materials().resolved(), application.materials().attachments(),
				files, c.times().submittedAt(), c.times().acceptedAt());
		int noted = jdbc.sql("""
				INSERT INTO forwarded_case (case_id, partner, forwarded_at) VALUES (?, ?, ?) ON CONFLICT (case_id) DO NOTHING""")
			.params(caseId, partner.id(), java.sql.Timestamp.from(clock.instant()))
			.update();
		if (noted == 1) {
			for (ForwardedCase.FilePart part : parts) {
				outbox.send(partner.id(), ForwardedCase.FILE, "file:" + caseId + ":" + part.hash(), caseId.toString(), part);
			}
			outbox.send(partner.id(), ForwardedCase.FORWARD, "forward:" + caseId, caseId.toString(), forward);
		}
	}
}

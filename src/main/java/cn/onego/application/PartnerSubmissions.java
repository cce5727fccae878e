package cn.onego.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import cn.onego.application.ApplicationInput.Applicant;
import cn.onego.application.ApplicationInput.Channel;
import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.ApplicationRecord.Materials;
import cn.onego.application.ApplicationRecord.Status;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.shared.RegionCode;

/**
 * 远程流转: an application a partner platform's hall received (异地收件) and forwarded here, where it is handled
 * (属地办理). The partner checked it as a whole when it was submitted there, against the same catalogue of
 * national items; here it is checked for what this platform relies on — a matter and items it knows, a region of
 * its own — and stored as submitted, on the channel {@link Channel#PARTNER} that no user can submit through.
 * Receiving the same forwarded application twice stores it once.
 */
@Service
public class PartnerSubmissions {

	/** What the partner sends of the application; {@code attachments} are files already stored here by hash. */
	public record Forwarded(UUID id, String matter, RegionCode region, Applicant applicant, Map<String, List<String>> answers,
			Map<String, FieldValue> form, Set<String> commitments, List<MaterialEntry> materials, Map<String, String> attachments,
			String partnerHall, String receivedBy, Instant submittedAt) {
	}

	private final Applications applications;
	private final CatalogQueries catalog;
	private final Clock clock;

	PartnerSubmissions(Applications applications, CatalogQueries catalog, Clock clock) {
		this.applications = applications;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** Stores the forwarded application as submitted here, or finds the one stored by an earlier delivery. */
	public ApplicationRecord receive(Forwarded f) {
		Optional<ApplicationRecord> earlier = applications.find(f.id());
		if (earlier.isPresent()) {
			return earlier.get();
		}
		Catalogue catalogue = catalog.catalogue();
		List<FieldProblem> problems = new ArrayList<>();
		if (f.matter() == null || catalogue.matter(f.matter()).isEmpty()) {
			problems.add(new FieldProblem("matter", "unknown", Message.of("本平台目录中没有该一件事", "this platform's catalogue has no such matter")));
		}
		if (f.region() == null || catalogue.region(f.region()).isEmpty()) {
			problems.add(new FieldProblem("region", "unknown", Message.of("行政区划不存在", "unknown region")));
		}
		if (f.applicant() == null || f.applicant().kind() == null || f.applicant().id() == null || f.applicant().name() == null) {
			problems.add(new FieldProblem("applicant", "required", Message.of("缺少申请人", "the applicant is missing")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Instant now = clock.instant();
		// acted for by the partner platform, whose hall received it: nobody here filed it
		ApplicationRecord a = new ApplicationRecord(f.id(), Status.SUBMITTED, f.matter(), catalogue.version(), f.applicant(), f.receivedBy(), null,
				f.region().value(), Channel.PARTNER, null, f.answers() == null ? Map.of() : f.answers(), f.form() == null ? Map.of() : f.form(),
				f.commitments() == null ? Set.of() : f.commitments(),
				new Materials(f.attachments() == null ? Map.of() : f.attachments(), f.materials() == null ? List.of() : f.materials()),
				null, f.receivedBy(), f.submittedAt() == null ? now : f.submittedAt(), now, f.submittedAt() == null ? now : f.submittedAt(), 1,
				null, f.partnerHall());
		applications.insert(a);
		return a;
	}
}

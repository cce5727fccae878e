package cn.onego.application;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.ApplicationRecord.Materials;
import cn.onego.application.ApplicationRecord.Status;
import cn.onego.application.Submissions.AlreadySubmitted;
import cn.onego.application.Submissions.StaleVersion;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Matter;
import cn.onego.identity.Actor;
import cn.onego.platform.NotFound;
import cn.onego.sharing.OnceOnly.ReadRequest;
import cn.onego.sharing.Representation;

/**
 * Drafts of applications: kept between visits, changed under an optimistic version so that a change
 * made elsewhere is not overwritten, and prefilled from the verified identity, the shared registries under
 * the applicant's consent and the questionnaire. Only the user who created a draft changes or submits it.
 */
@Component
class Drafting {

	private final CatalogQueries catalog;
	private final Applications applications;
	private final Filling filling;
	private final Attachments attachments;
	private final ApplicantReads reads;
	private final Representation representation;
	private final Clock clock;

	Drafting(CatalogQueries catalog, Applications applications, Filling filling, Attachments attachments,
			ApplicantReads reads, Representation representation, Clock clock) {
		this.catalog = catalog;
		this.applications = applications;
		this.filling = filling;
		this.attachments = attachments;
		this.reads = reads;
		this.representation = representation;
		this.clock = clock;
	}

	ApplicationRecord createDraft(Actor actor, ApplicationInput input) {
		Instant now = clock.instant();
		ApplicationRecord empty = filling.blank(actor, UUID.randomUUID(), input, now);
		ApplicationRecord draft = filling.apply(empty, input, actor, now, true);
		applications.insert(draft);
		attachments.refer(actor.username(), draft.materials().attachments().values());
		return draft;
	}

	ApplicationRecord updateDraft(Actor actor, UUID id, int version, ApplicationInput input) {
		ApplicationRecord draft = draftOf(actor, id);
		ApplicationRecord updated = filling.apply(draft, input, actor, clock.instant(), true);
		if (!applications.update(withVersion(updated, version + 1), version)) {
			throw new StaleVersion(id, version);
		}
		attachments.refer(actor.username(), updated.materials().attachments().values());
		return applications.find(id).orElseThrow();
	}

	void deleteDraft(Actor actor, UUID id) {
		draftOf(actor, id);
		applications.delete(id);
	}

	/**
	 * Fills the draft's form with what the government knows ({@link Prefill}): the verified identity, the shared
	 * registries under the draft's consent — each read checked and logged, a refused one leaving the field to the
	 * applicant — and the questionnaire's answers; values the applicant typed stay. It also decides, by reading
	 * e-licences and registries once, which materials are obtained; the page's badges and the submission both
	 * follow that decision ({@link DecidedSources}).
	 */
	ApplicationRecord prefill(Actor actor, UUID id, int version) {
		ApplicationRecord draft = draftOf(actor, id);
		Catalogue catalogue = catalog.catalogue();
		Matter matter = catalogue.matter(draft.matter()).orElseThrow(() -> new NotFound("一件事", "Matter", draft.matter()));
		Applicability applicability = Applicability.of(matter, new Answers(draft.answers()));
		String applicant = draft.applicant().id();
		ReadRequest request = reads.aboutApplicant(actor, applicant, matter, draft.consentId());
		Parties parties = new Parties(actor.displayName(), actor.idNumber(), draft.applicant().kind(), applicant,
				representation.capacity(actor.username(), actor.idNumber(), applicant).orElse(null), matter.theme());
		Registry home = parties.enterprise() ? Registry.ENTERPRISE : Registry.POPULATION;
		Map<Registry, Optional<Map<String, Object>>> read = new EnumMap<>(Registry.class);
		Map<String, FieldValue> form = Prefill.fill(MergedForm.derive(catalogue, applicability.items()).fields(), draft.form(),
				parties, home, registry -> read.computeIfAbsent(registry,
						r -> reads.onceOnly().registry(request, r, "form fields").value()),
				draft.answers(), draft.consentId());
		MaterialList materials = MaterialList.derive(catalogue, matter, applicability, draft.commitments(),
				reads.sources(actor, applicant, matter, draft.consentId()));
		List<MaterialEntry> decided = materials.materials()
			.stream()
			.map(m -> new MaterialEntry(m.material(), m.name(), m.required(), m.resolution().source(),
					m.resolution().explanation(), null, false, m.neededBy()))
			.toList();
		ApplicationRecord prefilled = new ApplicationRecord(draft.id(), draft.status(), draft.matter(), draft.catalogueVersion(),
				draft.applicant(), draft.actingPerson(), draft.agent(), draft.region(), draft.channel(), draft.consentId(),
				draft.answers(), form, draft.commitments(), new Materials(draft.materials().attachments(), decided),
				draft.delivery(), draft.createdBy(), draft.createdAt(), clock.instant(), null, version + 1, draft.park(),
				draft.acceptingHall());
		if (!applications.update(prefilled, version)) {
			throw new StaleVersion(id, version);
		}
		return prefilled;
	}

	/** The actor's own draft; another user's is not found, a submitted one is no longer a draft. */
	ApplicationRecord draftOf(Actor actor, UUID id) {
		ApplicationRecord a = applications.find(id)
			.filter(r -> r.createdBy().equals(actor.username()))
			.orElseThrow(() -> new NotFound("草稿", "Draft", id.toString()));
		if (a.status() != Status.DRAFT) {
			throw new AlreadySubmitted(id);
		}
		return a;
	}

	private static ApplicationRecord withVersion(ApplicationRecord a, int version) {
		return new ApplicationRecord(a.id(), a.status(), a.matter(), a.catalogueVersion(), a.applicant(), a.actingPerson(),
				a.agent(), a.region(), a.channel(), a.consentId(), a.answers(), a.form(), a.commitments(), a.materials(),
				a.delivery(), a.createdBy(), a.createdAt(), a.updatedAt(), a.submittedAt(), version, a.park(), a.acceptingHall());
	}
}

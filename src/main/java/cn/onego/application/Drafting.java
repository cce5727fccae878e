package cn.onego.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationRecord.Status;
import cn.onego.application.MergedForm.FormField;
import cn.onego.application.Submissions.AlreadySubmitted;
import cn.onego.application.Submissions.StaleVersion;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Matter;
import cn.onego.identity.Actor;
import cn.onego.platform.NotFound;
import cn.onego.sharing.OnceOnly;
import cn.onego.sharing.OnceOnly.ReadRequest;

/**
 * Drafts of applications: kept between visits, changed under an optimistic version so that a change
 * made elsewhere is not overwritten, and prefilled from the shared registries under the applicant's
 * consent. Only the user who created a draft changes or submits it.
 */
@Component
class Drafting {

	private final CatalogQueries catalog;
	private final Applications applications;
	private final Filling filling;
	private final Attachments attachments;
	private final OnceOnly onceOnly;
	private final Clock clock;

	Drafting(CatalogQueries catalog, Applications applications, Filling filling, Attachments attachments,
			OnceOnly onceOnly, Clock clock) {
		this.catalog = catalog;
		this.applications = applications;
		this.filling = filling;
		this.attachments = attachments;
		this.onceOnly = onceOnly;
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
	 * Fills the draft's form from the shared registries under its consent. Each read is checked and
	 * logged; a refused read leaves the field to the applicant. Values the applicant already typed stay.
	 */
	ApplicationRecord prefill(Actor actor, UUID id, int version) {
		ApplicationRecord draft = draftOf(actor, id);
		Catalogue catalogue = catalog.catalogue();
		Matter matter = catalogue.matter(draft.matter()).orElseThrow(() -> new NotFound("一件事", "Matter", draft.matter()));
		Applicability applicability = Applicability.of(matter, new Answers(draft.answers()));
		ReadRequest request = new ReadRequest(actor.username(), draft.applicant().id(), matter.code(), draft.consentId(),
				ApplicantSources.purpose(matter));
		Map<String, FieldValue> form = new LinkedHashMap<>(draft.form());
		Map<Registry, Optional<Map<String, Object>>> read = new LinkedHashMap<>();
		for (FormField field : MergedForm.derive(catalogue, applicability.items()).fields()) {
			if (field.registry() == null || (form.containsKey(field.element()) && form.get(field.element()).source() == FieldValue.Source.APPLICANT)) {
				continue;
			}
			Optional<Map<String, Object>> record = read.computeIfAbsent(field.registry(),
					registry -> onceOnly.registry(request, registry, "form fields").value());
			record.map(data -> data.get(field.element())).ifPresent(value -> form.put(field.element(),
					new FieldValue(value.toString(), FieldValue.Source.PREFILLED, field.registry().name(), draft.consentId(),
							value.toString(), null)));
		}
		ApplicationRecord prefilled = new ApplicationRecord(draft.id(), draft.status(), draft.matter(), draft.catalogueVersion(),
				draft.applicant(), draft.actingPerson(), draft.agent(), draft.region(), draft.channel(), draft.consentId(),
				draft.answers(), form, draft.commitments(), draft.materials(), draft.delivery(), draft.createdBy(),
				draft.createdAt(), clock.instant(), null, version + 1, draft.park());
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
				a.delivery(), a.createdBy(), a.createdAt(), a.updatedAt(), a.submittedAt(), version, a.park());
	}
}

package cn.onego.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import cn.onego.application.ApplicationRecord.Status;
import cn.onego.application.SubmissionRules.Validated;
import cn.onego.audit.AuditTrail;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.identity.Actor;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Problem;
import cn.onego.shared.RegionCode;
import cn.onego.sharing.Representation;

/**
 * Drafts and submissions of applications. A submission is checked as a whole — answers, every form
 * field, every material, the applicant's entitlement, consent and delivery — and refused with every
 * problem listed, storing nothing; with the same Idempotency-Key it returns the same application and
 * never creates a second one.
 * <p>
 * The work is done by {@link Drafting}, {@link Filling}, {@link SubmissionRules} and
 * {@link KeyedSubmissions}; this class is what the web layer and the case engine call.
 */
@Service
public class Submissions {

	private final Drafting drafting;
	private final Filling filling;
	private final SubmissionRules rules;
	private final KeyedSubmissions keyed;
	private final Applications applications;
	private final Representation representation;
	private final HallChoices hallChoices;
	private final CatalogQueries catalog;
	private final Clock clock;
	private final AuditTrail audit;

	Submissions(Drafting drafting, Filling filling, SubmissionRules rules, KeyedSubmissions keyed,
			Applications applications, Representation representation, HallChoices hallChoices, CatalogQueries catalog,
			Clock clock, AuditTrail audit) {
		this.drafting = drafting;
		this.filling = filling;
		this.rules = rules;
		this.keyed = keyed;
		this.applications = applications;
		this.representation = representation;
		this.hallChoices = hallChoices;
		this.catalog = catalog;
		this.clock = clock;
		this.audit = audit;
	}

	/** A submission's answer: the application, and whether it was already submitted under the key. */
	public record Submitted(ApplicationRecord application, boolean replay) {
	}

	// ------------------------------------------------------------------ drafts

	public ApplicationRecord createDraft(Actor actor, ApplicationInput input) {
		return drafting.createDraft(actor, input);
	}

	public ApplicationRecord updateDraft(Actor actor, UUID id, int version, ApplicationInput input) {
		return drafting.updateDraft(actor, id, version, input);
	}

	public void deleteDraft(Actor actor, UUID id) {
		drafting.deleteDraft(actor, id);
	}

	/**
	 * Fills the draft's form from the shared registries under its consent. Each read is checked and
	 * logged; a refused read leaves the field to the applicant. Values the applicant already typed stay.
	 */
	public ApplicationRecord prefill(Actor actor, UUID id, int version) {
		return drafting.prefill(actor, id, version);
	}

	// ------------------------------------------------------------------ submission

	/**
	 * Submits an application — a stored draft when {@code draftId} is given, with {@code input} laid over
	 * it — exactly once per idempotency key.
	 */
	public Submitted submit(Actor actor, String idempotencyKey, UUID draftId, ApplicationInput input) {
		if (draftId != null) {
			drafting.draftOf(actor, draftId); // somebody else's draft is not found, whatever else is wrong with the request
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			throw InvalidInput.of("Idempotency-Key", "required", Message.of("请在请求头 Idempotency-Key 中提供1至200位的幂等键",
					"send an Idempotency-Key header of 1 to 200 characters"));
		}
		String hash = keyed.requestHash(draftId, input);
		Optional<Submitted> replay = keyed.replay(actor, idempotencyKey, hash);
		if (replay.isPresent()) {
			return replay.get();
		}
		// Validation reads shared registries, and each read is logged in a transaction of its own; so it
		// runs before the submission's transaction, which then needs one connection only, however many
		// retries of the same key wait on it.
		UUID id = draftId != null ? draftId : UUID.randomUUID();
		Instant now = clock.instant();
		ApplicationRecord base = draftId != null ? drafting.draftOf(actor, draftId) : filling.blank(actor, id, input, now);
		ApplicationRecord filled = filling.apply(base, input, actor, now, false);
		Validated validated = rules.validate(filled, actor);
		if (validated.notOfferedAtTheHall()) {
			throw new NotOfferedAcrossRegions(validated.problems(), validated.halls());
		}
		if (!validated.problems().isEmpty()) {
			throw new InvalidInput(validated.problems());
		}
		return keyed.store(actor, idempotencyKey, hash, filled, validated.materials(), draftId != null, base.version(), now);
	}

	// ------------------------------------------------------------------ reading

	/**
	 * An application or draft of the actor: one they filed, one of their own, or one of a person they may
	 * act for. Staff read a submitted application through its case, where their part in the case is checked.
	 */
	public ApplicationRecord find(Actor actor, UUID id) {
		ApplicationRecord a = applications.find(id).orElseThrow(() -> new NotFound("申请", "Application", id.toString()));
		boolean own = a.createdBy().equals(actor.username()) || actor.isPerson(a.applicant().id())
				|| representation.capacity(actor.username(), actor.idNumber(), a.applicant().id()).isPresent();
		if (!own) {
			throw new NotFound("申请", "Application", id.toString());
		}
		if (!actor.isPerson(a.applicant().id())) {
			// a clerk who filed it at the window (帮代办) or an agent reads another person's data
			audit.record(actor, "read.application", "application/" + a.id(), a.status().name());
		}
		return a;
	}

	/**
	 * The halls where the actor's application may be handed in and collected (异地收件): the competent region's own
	 * hall first, then every open hall whose region the 通办范围 of every item the answers so far make applicable
	 * reaches. None while the matter or the region is not chosen yet.
	 */
	public List<HallOption> acceptingHalls(Actor actor, UUID id) {
		ApplicationRecord a = find(actor, id);
		Catalogue catalogue = catalog.catalogue();
		Optional<Matter> matter = a.matter() == null ? Optional.empty() : catalogue.matter(a.matter());
		Optional<RegionCode> region = RegionCode.parse(a.region()).filter(r -> catalogue.region(r).isPresent());
		if (matter.isEmpty() || region.isEmpty()) {
			return List.of();
		}
		List<String> items = Applicability.of(matter.get(), new Answers(a.answers())).items();
		return hallChoices.possible(catalogue, matter.get(), items, region.get());
	}

	/** A submitted application, for the modules that take it further; callers check who may see it. */
	public ApplicationRecord submitted(UUID id) {
		return applications.find(id)
			.filter(a -> a.status() == Status.SUBMITTED)
			.orElseThrow(() -> new NotFound("已提交的申请", "Submitted application", id.toString()));
	}

	/**
	 * Several submitted applications in one statement, by id, for the modules that work through batches; one not
	 * found or not submitted is not in the map. Callers check who may see them.
	 */
	public Map<UUID, ApplicationRecord> submitted(Collection<UUID> ids) {
		Map<UUID, ApplicationRecord> found = new HashMap<>();
		applications.find(ids).stream().filter(a -> a.status() == Status.SUBMITTED).forEach(a -> found.put(a.id(), a));
		return found;
	}

	public List<ApplicationRecord> mine(Actor actor, Status status) {
		return applications.of(actor.username(), actor.idNumber() == null ? "" : actor.idNumber(), status, 200);
	}

	/** The same Idempotency-Key came with a different request. */
	public static class KeyReused extends Problem {

		KeyReused(String key) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", Message.of("幂等键已用于另一请求", "Idempotency key reused"),
					Message.of("幂等键“" + key + "”已用于内容不同的提交，请为新的提交使用新的幂等键。",
							"The Idempotency-Key '" + key + "' was used for a different submission; use a new key for a new submission."),
					List.of());
		}
	}

	/** The draft changed since it was read. */
	public static class StaleVersion extends Problem {

		StaleVersion(UUID id, int version) {
			super(HttpStatus.CONFLICT, "stale-version", Message.of("草稿已被修改", "Draft changed"),
					Message.of("草稿已在别处修改（您读取的是第 " + version + " 版），请重新读取后再保存。",
							"The draft was changed elsewhere (you read version " + version + "); reload it and save again."),
					List.of());
		}
	}

	/** The application was submitted already and is no longer a draft. */
	public static class AlreadySubmitted extends Problem {

		AlreadySubmitted(UUID id) {
			super(HttpStatus.CONFLICT, "already-submitted", Message.of("申请已提交", "Already submitted"),
					Message.of("该申请已提交，不能再作为草稿修改：" + id, "This application was submitted and is no longer a draft: " + id),
					List.of());
		}
	}
}

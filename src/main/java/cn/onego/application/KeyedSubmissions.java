package cn.onego.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.ApplicationRecord.Materials;
import cn.onego.application.ApplicationRecord.Status;
import cn.onego.application.Submissions.KeyReused;
import cn.onego.application.Submissions.StaleVersion;
import cn.onego.application.Submissions.Submitted;
import cn.onego.catalog.CatalogQueries;
import cn.onego.identity.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a submission exactly once per Idempotency-Key: a client that retries after a lost answer gets
 * the application its first attempt created, and a key used again for a different request is refused
 * rather than answered with the wrong application.
 */
@Component
class KeyedSubmissions {

	private final CatalogQueries catalog;
	private final Applications applications;
	private final SubmissionKeys keys;
	private final Attachments attachments;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;

	KeyedSubmissions(CatalogQueries catalog, Applications applications, SubmissionKeys keys, Attachments attachments,
			TransactionTemplate transactions, ApplicationEventPublisher events, JsonMapper json) {
		this.catalog = catalog;
		this.applications = applications;
		this.keys = keys;
		this.attachments = attachments;
		this.transactions = transactions;
		this.events = events;
		this.json = json;
	}

	/**
	 * Stores the checked application as submitted and announces it, in one transaction with the key's
	 * claim; when a concurrent request claimed the key first, answers with that request's application.
	 *
	 * @param baseVersion the version of the stored draft, or 0 for an application submitted without one
	 */
	Submitted store(Actor actor, String idempotencyKey, String hash, ApplicationRecord filled,
			List<MaterialEntry> materials, boolean fromDraft, int baseVersion, Instant now) {
		UUID id = filled.id();
		return transactions.execute(status -> {
			if (!keys.claim(actor.username(), idempotencyKey, hash, id)) {
				return replay(actor, idempotencyKey, hash).orElseThrow();
			}
			ApplicationRecord submitted = new ApplicationRecord(filled.id(), Status.SUBMITTED, filled.matter(),
					catalog.catalogue().version(), filled.applicant(), filled.actingPerson(), filled.agent(), filled.region(),
					filled.channel(), filled.consentId(), filled.answers(), filled.form(), filled.commitments(),
					new Materials(filled.materials().attachments(), materials), filled.delivery(),
					filled.createdBy(), filled.createdAt(), now, now, baseVersion + 1, filled.park(),
					filled.acceptingHall());
			if (fromDraft) {
				if (!applications.update(submitted, baseVersion)) {
					throw new StaleVersion(id, baseVersion);
				}
			}
			else {
				applications.insert(submitted);
			}
			attachments.refer(actor.username(), submitted.materials().attachments().values());
			events.publishEvent(new ApplicationSubmitted(submitted.id(), submitted.matter(), submitted.region(), submitted.channel().name(), now));
			return new Submitted(submitted, false);
		});
	}

	/** The application an earlier submission under the key created, if the request is the same. */
	Optional<Submitted> replay(Actor actor, String key, String hash) {
		return keys.find(actor.username(), key).map(claim -> {
			if (!claim.requestHash().equals(hash)) {
				throw new KeyReused(key);
			}
			return new Submitted(applications.find(claim.application()).orElseThrow(), true);
		});
	}

	/** The request in a canonical form: map keys and sets sorted, so equal requests hash equally. */
	String requestHash(UUID draftId, ApplicationInput input) {
		Map<String, Object> canonical = new TreeMap<>();
		canonical.put("draftId", draftId);
		if (input != null) {
			canonical.put("matter", input.matter());
			canonical.put("region", input.region());
			canonical.put("applicant", input.applicant());
			canonical.put("answers", input.answers() == null ? null : sorted(input.answers()));
			canonical.put("form", input.form() == null ? null : new TreeMap<>(input.form()));
			canonical.put("corrections", input.corrections() == null ? null : new TreeMap<>(input.corrections()));
			canonical.put("commitments", input.commitments() == null ? null : new TreeSet<>(input.commitments()));
			canonical.put("attachments", input.attachments() == null ? null : new TreeMap<>(input.attachments()));
			canonical.put("delivery", input.delivery());
			canonical.put("consentId", input.consentId());
			canonical.put("channel", input.channel());
			canonical.put("park", input.park());
		canonical.put("acceptingHall", input.acceptingHall());
		}
		return Attachments.sha256(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, List<String>> sorted(Map<String, List<String>> answers) {
		Map<String, List<String>> sorted = new TreeMap<>();
		answers.forEach((k, v) -> sorted.put(k, v == null ? List.of() : v.stream().sorted().toList()));
		return sorted;
	}
}

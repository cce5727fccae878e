package cn.onego.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.audit.AuditTrail;
import cn.onego.catalog.Enums.Registry;
import cn.onego.licences.ELicence;
import cn.onego.licences.ELicences;
import cn.onego.platform.registry.PopulationRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads of what the government already holds about an applicant (once-only, "无证明"), each checked
 * against the applicant's consent and logged, granted or refused. It also answers the real-name check of
 * an identity provider ({@link PopulationRegistry}).
 */
@Service
public class OnceOnly implements PopulationRegistry {

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final Consents consents;
	private final ELicences licences;
	private final JsonMapper json;
	private final Clock clock;
	private final TransactionTemplate separately;
	private final RegistryReads reads;
	private final AuditTrail audit;

	OnceOnly(JdbcClient jdbc, Consents consents, ELicences licences, JsonMapper json, Clock clock,
			PlatformTransactionManager transactions, RegistryReads reads, AuditTrail audit) {
		this.reads = reads;
		this.audit = audit;
		this.jdbc = jdbc;
		this.consents = consents;
		this.licences = licences;
		this.json = json;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Who reads about whom, for which matter and purpose, under which consent (may be null: refused). */
	public record ReadRequest(String actor, String subject, String matter, UUID consentId, String purpose) {
	}

	/** The answer of a read: the value when granted, otherwise why it was refused. */
	public record Read<T>(Optional<T> value, boolean granted, String refusal) {

		static <T> Read<T> refused(String reason) {
			return new Read<>(Optional.empty(), false, reason);
		}
	}

	/** The subject's valid e-licence of a type, if the consent covers that type. */
	public Read<ELicence> licence(ReadRequest request, String licenceType) {
		return reads.timed("E_LICENCE", () -> readLicence(request, licenceType), RegistryReads::of);
	}

	private Read<ELicence> readLicence(ReadRequest request, String licenceType) {
		String refusal = refusal(request, consent -> consent.licenceTypes().contains(licenceType));
		if (refusal != null) {
			log(request, "E_LICENCE", licenceType, DataAccess.Outcome.REFUSED, refusal);
			return Read.refused(refusal);
		}
		Optional<ELicence> licence = licences.validLicence(request.subject(), licenceType);
		log(request, "E_LICENCE", licenceType, DataAccess.Outcome.GRANTED, licence.isPresent() ? null : "no valid licence held");
		return new Read<>(licence, true, null);
	}

	/** What a registry holds about the subject, if the consent covers the registry. */
	public Read<Map<String, Object>> registry(ReadRequest request, Registry registry, String what) {
		return reads.timed(registry.name(), () -> readRegistry(request, registry, what), RegistryReads::of);
	}

	private Read<Map<String, Object>> readRegistry(ReadRequest request, Registry registry, String what) {
		String refusal = refusal(request, consent -> consent.registries().contains(registry));
		if (refusal != null) {
			log(request, registry.name(), what, DataAccess.Outcome.REFUSED, refusal);
			return Read.refused(refusal);
		}
		Optional<Map<String, Object>> data = jdbc.sql("SELECT data::text FROM registry_record WHERE registry = ? AND subject = ?")
			.params(registry.name(), request.subject())
			.query(String.class)
			.optional()
			.map(text -> json.readValue(text, DATA));
		log(request, registry.name(), what, DataAccess.Outcome.GRANTED, data.isPresent() ? null : "no record held");
		return new Read<>(data, true, null);
	}

	/**
	 * The name and mobile the population registry holds for an ID number (keys {@code APPLICANT_NAME} and
	 * {@code MOBILE} of its record). Asked by the person themselves while registering, so no consent is needed,
	 * but the read is logged under their number like every other, found or not.
	 */
	@Override
	public Optional<PersonOnRecord> personOnRecord(String idNumber, String reader, String purpose) {
		return reads.timed(Registry.POPULATION.name(), () -> readPerson(idNumber, reader, purpose),
				person -> person.isPresent() ? "granted" : "not_held");
	}

	private Optional<PersonOnRecord> readPerson(String idNumber, String reader, String purpose) {
		Optional<PersonOnRecord> person = jdbc.sql("""
				SELECT data ->> 'APPLICANT_NAME', data ->> 'MOBILE' FROM registry_record WHERE registry = ? AND subject = ?""")
			.params(Registry.POPULATION.name(), idNumber)
			.query((rs, n) -> new PersonOnRecord(idNumber, rs.getString(1), rs.getString(2)))
			.optional()
			.filter(p -> p.name() != null);
		log(new ReadRequest(reader, idNumber, null, null, purpose), Registry.POPULATION.name(), "APPLICANT_NAME,MOBILE",
				DataAccess.Outcome.GRANTED, person.isPresent() ? "real-name check asked by the person" : "no record held");
		return person;
	}

	private String refusal(ReadRequest request, java.util.function.Predicate<Consent> covers) {
		if (request.consentId() == null) {
			return "no consent given";
		}
		Optional<Consent> consent = consents.find(request.consentId());
		if (consent.isEmpty()) {
			return "unknown consent";
		}
		Consent c = consent.get();
		Instant now = clock.instant();
		if (!c.subject().equals(request.subject())) {
			return "consent is for another applicant";
		}
		if (!c.matter().equals(request.matter())) {
			return "consent is for another matter";
		}
		if (c.withdrawnAt() != null) {
			return "consent withdrawn";
		}
		if (!c.activeAt(now)) {
			return "consent expired";
		}
		if (!covers.test(c)) {
			return "consent does not cover this data";
		}
		return null;
	}

	/**
	 * In a transaction of its own, so the entry survives the caller's rollback: the read happened either way.
	 * The same transaction appends it to the audit trail, where it points at the entry (which names the
	 * subject) and shows the subject masked.
	 */
	private void log(ReadRequest request, String source, String what, DataAccess.Outcome outcome, String reason) {
		separately.executeWithoutResult(status -> {
			long entry = jdbc.sql("""
					INSERT INTO data_access (at, actor, subject, source, what, purpose, consent_id, outcome, reason)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
				.params(Timestamp.from(clock.instant()), request.actor(), request.subject(), source, what, request.purpose(),
						request.consentId(), outcome.name(), reason)
				.query(Long.class)
				.single();
			audit.record(request.actor(), "read." + source.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
					"data-access/" + entry, outcome + " " + what + " about " + masked(request.subject()) + " for "
							+ request.purpose() + (reason == null ? "" : " (" + reason + ")"));
		});
	}

	private static String masked(String subject) {
		return subject != null && cn.onego.shared.CreditCode.isValid(subject) ? subject : cn.onego.shared.IdNumber.mask(subject);
	}

	/** Every read about the subject, newest first (data-access transparency). */
	public List<DataAccess> accessesAbout(String subject, int limit) {
		return jdbc.sql("""
				SELECT id, at, actor, subject, source, what, purpose, consent_id, outcome, reason
				FROM data_access WHERE subject = ? ORDER BY at DESC, id DESC LIMIT ?""")
			.params(subject, limit)
			.query((rs, n) -> new DataAccess(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
					DataAccess.Outcome.valueOf(rs.getString(9)), rs.getString(10)))
			.list();
	}

	/** Stores what a registry holds about a subject (registry feeds and administrators). */
	public void putRecord(Registry registry, String subject, Map<String, Object> data) {
		jdbc.sql("""
				INSERT INTO registry_record (registry, subject, data, updated_at) VALUES (?, ?, ?::jsonb, ?)
				ON CONFLICT (registry, subject) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at""")
			.params(registry.name(), subject, json.writeValueAsString(data), java.sql.Timestamp.from(clock.instant()))
			.update();
	}
}

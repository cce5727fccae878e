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
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;
import cn.onego.platform.registry.PopulationRegistry;

/**
 * Reads of what the government already holds about an applicant (once-only, "无证明"), each checked
 * against the applicant's consent and logged, granted or refused. It also answers the real-name check of
 * an identity provider ({@link PopulationRegistry}).
 */
@Service
public class OnceOnly implements PopulationRegistry, SealedColumns {

	/** The subject of each read, sealed, found by its blind index (data-access transparency). */
	private static final SealedColumn ACCESS_SUBJECT = SealedColumn.indexed("data_access", "subject", "subject_index");

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final RegistryRecords records;
	private final RegistryConnectors connectors;
	private final Consents consents;
	private final ELicences licences;
	private final Clock clock;
	private final TransactionTemplate separately;
	private final RegistryReads reads;
	private final AuditTrail audit;

	OnceOnly(JdbcClient jdbc, PersonalData data, RegistryRecords records, RegistryConnectors connectors, Consents consents,
			ELicences licences, Clock clock, PlatformTransactionManager transactions, RegistryReads reads, AuditTrail audit) {
		this.connectors = connectors;
		this.reads = reads;
		this.audit = audit;
		this.jdbc = jdbc;
		this.data = data;
		this.records = records;
		this.consents = consents;
		this.licences = licences;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * The legal basis of the once-only machinery's reads: the applicant's consent. It reads nothing without one,
	 * not even what 《政务数据共享条例》 lets departments share unconditionally — the applicant decides what their
	 * application is filled from, and sees it on their data-access list.
	 */
	public static final String CONSENT_BASIS = "申请人的授权同意";

	/** The basis of the real-name check while registering: the person asks about themselves. */
	public static final String OWN_REQUEST_BASIS = "本人申请实名核验";

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(ACCESS_SUBJECT);
	}

	/** Who reads about whom, for which matter and purpose, under which consent (may be null: refused). */
	public record ReadRequest(String actor, String subject, String matter, UUID consentId, String purpose) {
	}

	/**
	 * The answer of a read: the value when granted, otherwise why it was refused. {@code unavailable} when the
	 * consent allowed the read but the registry could not be asked or answered nonsense (timeout, 5xx, garbage,
	 * circuit open): the value is empty as if nothing were held, and the caller asks the applicant to upload.
	 */
	public record Read<T>(Optional<T> value, boolean granted, String refusal, boolean unavailable) {

		public Read(Optional<T> value, boolean granted, String refusal) {
			this(value, granted, refusal, false);
		}

		static <T> Read<T> refused(String reason) {
			return new Read<>(Optional.empty(), false, reason);
		}

		static <T> Read<T> failed() {
			return new Read<>(Optional.empty(), true, null, true);
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

	/**
	 * What a registry holds about the subject, if the consent covers the registry. A registry that fails gives an
	 * {@link Read#unavailable() unavailable} read, never an exception: the application goes on without it.
	 */
	public Read<Map<String, Object>> registry(ReadRequest request, Registry registry, String what) {
		return reads.timed(registry.name(), () -> readRegistry(request, registry, what), RegistryReads::of);
	}

	private Read<Map<String, Object>> readRegistry(ReadRequest request, Registry registry, String what) {
		String refusal = refusal(request, consent -> consent.registries().contains(registry));
		if (refusal != null) {
			log(request, registry.name(), what, DataAccess.Outcome.REFUSED, refusal);
			return Read.refused(refusal);
		}
		RegistryAnswer answer = connectors.read(registry, request.subject());
		log(request, registry.name(), what, DataAccess.Outcome.GRANTED, reason(answer));
		if (answer instanceof RegistryAnswer.Found found) {
			return new Read<>(Optional.of(found.data()), true, null);
		}
		return answer instanceof RegistryAnswer.Failed ? Read.failed() : new Read<>(Optional.empty(), true, null);
	}

	/** Why nothing came back, as the data-access log says it; null when a record was read. */
	private static String reason(RegistryAnswer answer) {
		if (answer instanceof RegistryAnswer.Failed failed) {
			return "registry unavailable (" + failed.failure().tag() + "), nothing read";
		}
		return answer instanceof RegistryAnswer.Found ? null : "no record held";
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
		RegistryAnswer answer = connectors.read(Registry.POPULATION, idNumber);
		Optional<PersonOnRecord> person = Optional.of(answer)
			.filter(RegistryAnswer.Found.class::isInstance)
			.map(found -> ((RegistryAnswer.Found) found).data())
			.map(record -> new PersonOnRecord(idNumber, text(record.get("APPLICANT_NAME")), text(record.get("MOBILE"))))
			.filter(p -> p.name() != null);
		log(new ReadRequest(reader, idNumber, null, null, purpose), null, OWN_REQUEST_BASIS, Registry.POPULATION.name(),
				"APPLICANT_NAME,MOBILE", DataAccess.Outcome.GRANTED, person.isPresent() ? "real-name check asked by the person"
						: answer instanceof RegistryAnswer.Failed ? reason(answer) : "no record held");
		return person;
	}

	private static String text(Object value) {
		return value == null ? null : String.valueOf(value);
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
		log(request, null, CONSENT_BASIS, source, what, outcome, reason);
	}

	/**
	 * Logs a read with the department that read (null: the once-only machinery) and the legal basis it read under;
	 * department reads of shared resources ({@link SharedResourceReads}) are logged here too.
	 */
	void log(ReadRequest request, String department, String legalBasis, String source, String what, DataAccess.Outcome outcome,
			String reason) {
		separately.executeWithoutResult(status -> {
			long entry = jdbc.sql("""
					INSERT INTO data_access (at, actor, subject, subject_index, source, what, purpose, consent_id, outcome, reason,
					    legal_basis, department)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
				.params(Timestamp.from(clock.instant()), request.actor(), data.seal(request.subject(), ACCESS_SUBJECT.name()),
						data.index(request.subject()), source, what, request.purpose(), request.consentId(), outcome.name(), reason,
						legalBasis, department)
				.query(Long.class)
				.single();
			audit.record(request.actor(), "read." + source.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
					"data-access/" + entry, outcome + " " + what + " about " + masked(request.subject()) + " for "
							+ request.purpose() + " under " + legalBasis + (reason == null ? "" : " (" + reason + ")"));
		});
	}

	private static String masked(String subject) {
		return subject != null && cn.onego.shared.CreditCode.isValid(subject) ? subject : cn.onego.shared.IdNumber.mask(subject);
	}

	/** Every read about the subject, newest first (data-access transparency). */
	public List<DataAccess> accessesAbout(String subject, int limit) {
		return jdbc.sql("""
				SELECT id, at, actor, subject, source, what, purpose, consent_id, outcome, reason, legal_basis, department
				FROM data_access WHERE subject_index = ? ORDER BY at DESC, id DESC LIMIT ?""")
			.params(data.index(subject), limit)
			.query((rs, n) -> new DataAccess(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					data.open(rs.getString(4), ACCESS_SUBJECT.name()),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, UUID.class),
					DataAccess.Outcome.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12)))
			.list();
	}

	/** Stores what a registry holds about a subject (registry feeds and administrators). */
	public void putRecord(Registry registry, String subject, Map<String, Object> record) {
		records.put(registry, subject, record);
	}
}

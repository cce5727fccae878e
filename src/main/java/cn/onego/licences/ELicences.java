package cn.onego.licences;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onego.platform.InvalidInput;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The electronic licences held for each holder; the holder and the data on a licence sealed, the holder found by
 * its blind index. Every licence is issued signed by its issuing department ({@link IssuerKeys}) over its
 * {@link SignedContent}, with a GB/T 36904-style {@link LicenceIdentifier} and a random verification code for its
 * QR; a licence recorded before licences were signed is signed the first time it is recorded again (the demo data
 * at every start) or by {@link #signUnsigned()}.
 */
@Service
public class ELicences implements SealedColumns {

	static final SealedColumn HOLDER = SealedColumn.indexed("e_licence", "holder", "holder_index");
	static final SealedColumn DATA = SealedColumn.of("e_licence", "data");
	static final String COLUMNS = """
			id, holder, licence_type, number, name, issuer, issued_on, valid_until, revoked_at, identifier, issuer_code, department,
			data, revocation_kind, revocation_reason, signing_key_id, signature, verification_code""";
	private static final SecureRandom random = new SecureRandom();

	/**
	 * A licence as stored: with its signature and the code its QR carries; not intact when a sealed column or the
	 * signature no longer opens (changed in the database), which no signature check can then pass.
	 */
	record Stored(ELicence licence, UUID keyId, byte[] signature, String verificationCode, boolean intact) {
	}

	/**
	 * What an issuing department issues: to whom, what, and the data on it.
	 *
	 * @param department the catalogue department issuing it, or {@code null} (a feed)
	 * @param region the issuer's region (6 digits) for its stand-in credit code, or {@code null}
	 */
	public record Issue(String holder, String licenceType, String number, String name, String issuer, String department, String region,
			LocalDate issuedOn, LocalDate validUntil, Map<String, String> data) {
	}

	private final JdbcClient jdbc;
	private final PersonalData sealing;
	private final IssuerKeys keys;
	private final JsonMapper json;
	private final Clock clock;

	ELicences(JdbcClient jdbc, PersonalData sealing, IssuerKeys keys, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.sealing = sealing;
		this.keys = keys;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(HOLDER, DATA);
	}

	/**
	 * The holder's licence of a type that is valid today and genuine (its issuer's signature holds), the most recently
	 * issued first: what stands in for a paper material. A licence changed in the database stands in for nothing.
	 */
	public Optional<ELicence> validLicence(String holder, String licenceType) {
		LocalDate today = LocalDate.now(clock);
		return stored(holder).stream()
			.filter(s -> s.licence().licenceType().equals(licenceType))
			.filter(s -> s.licence().validOn(today))
			.filter(this::genuine)
			.map(Stored::licence)
			.findFirst();
	}

	/** Whether the stored licence is its issuer's, unchanged since it was signed. */
	boolean genuine(Stored stored) {
		return stored.intact() && stored.signature() != null && stored.keyId() != null && stored.licence().identifier() != null
				&& keys.verify(stored.keyId(), stored.licence().content().canonical(), stored.signature());
	}

	/** Every licence of the holder, valid or not, the most recently issued first. */
	public List<ELicence> all(String holder) {
		return stored(holder).stream().map(Stored::licence).toList();
	}

	List<Stored> stored(String holder) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM e_licence WHERE holder_index = ? ORDER BY issued_on DESC NULLS LAST, created_at DESC")
			.param(sealing.index(holder))
			.query(this::row)
			.list();
	}

	/** Records a licence from a feed (or the demo data): {@link #issue} without a catalogue department or data. */
	public ELicence record(String holder, String licenceType, String number, String name, String issuer, LocalDate issuedOn,
			LocalDate validUntil) {
		return issue(new Issue(holder, licenceType, number, name, issuer, null, null, issuedOn, validUntil, Map.of()));
	}

	/**
	 * Issues a signed licence. Issuing the same type and number for the same holder again changes nothing and returns
	 * the licence issued first (a retried issue, the demo data at every start) — signed now if it was recorded before
	 * licences were signed.
	 *
	 * @throws InvalidInput when the number is not one of the type ({@link LicenceType#numberProblem}): nothing is issued
	 * @throws LicenceNumberTaken when another holder already holds a licence of that type and number: nothing is
	 *         issued, and the other holder's licence is never returned
	 */
	@Transactional
	public ELicence issue(Issue issue) {
		requireValidNumber(issue.licenceType(), issue.number());
		String issuer = issue.issuer() == null || issue.issuer().isBlank() ? "一件事一次办平台" : issue.issuer();
		String issuerCode = keys.issuerCode(issuer, issue.region());
		long serial = jdbc.sql("SELECT nextval('e_licence_serial')").query(Long.class).single();
		String identifier = LicenceIdentifier.of(LicenceType.of(issue.licenceType()).typeCode(), issuerCode, serial).value();
		ELicence licence = new ELicence(UUID.randomUUID(), issue.holder(), issue.licenceType(), issue.number(), issue.name(), issuer,
				issue.issuedOn(), issue.validUntil(), false, identifier, issuerCode, issue.department(), issue.data(), null);
		IssuerKeys.SigningKey key = keys.current(issuer, issuerCode);
		byte[] signature = key.sign(licence.content().canonical());
		jdbc.sql("""
				INSERT INTO e_licence (id, holder, holder_index, licence_type, number, name, issuer, issued_on, valid_until, identifier,
				    issuer_code, department, data, signing_key_id, signature, verification_code)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (licence_type, number) DO NOTHING""")
			.params(licence.id(), sealing.seal(licence.holder(), HOLDER.name()), sealing.index(licence.holder()), licence.licenceType(),
					licence.number(), licence.name(), licence.issuer(), licence.issuedOn(), licence.validUntil(), identifier, issuerCode,
					licence.department(), sealing.seal(json.writeValueAsString(licence.data()), DATA.name()), key.id(),
					Base64.getEncoder().encodeToString(signature), verificationCode())
			.update();
		Stored recorded = find(issue.licenceType(), issue.number()).orElseThrow();
		if (!issue.holder().equals(recorded.licence().holder())) {
			throw new LicenceNumberTaken(issue.licenceType(), issue.number());
		}
		return recorded.signature() == null && recorded.intact() ? sign(recorded.licence()) : recorded.licence();
	}

	/**
	 * Refuses, before anything is decided, a number that is not one of the licence type or that another holder
	 * already holds — what a reviewer approving a licence result calls with the number they typed, so that the
	 * approval fails on {@code number} instead of the issue failing later.
	 *
	 * @throws InvalidInput when the number is not one of the type
	 * @throws LicenceNumberTaken when another holder holds a licence of that type and number
	 */
	public void requireIssuable(String holder, String licenceType, String number) {
		requireValidNumber(licenceType, number);
		requireAvailable(holder, licenceType, number);
	}

	/**
	 * Refuses a licence number that another holder already holds.
	 *
	 * @throws LicenceNumberTaken when another holder holds a licence of that type and number
	 */
	public void requireAvailable(String holder, String licenceType, String number) {
		Optional<Stored> held = find(licenceType, number);
		if (held.isPresent() && !holder.equals(held.get().licence().holder())) {
			throw new LicenceNumberTaken(licenceType, number);
		}
	}

	/** @throws InvalidInput on {@code number} when the number is not one of the type */
	public static void requireValidNumber(String licenceType, String number) {
		LicenceType.of(licenceType).numberProblem(number).ifPresent(problem -> {
			throw new InvalidInput(List.of(problem));
		});
	}

	/**
	 * Revokes a licence whose decision was withdrawn (a commitment found untrue at post-verification: 撤销); tells
	 * whether one was valid.
	 */
	public boolean revoke(String licenceType, String number) {
		return find(licenceType, number)
			.filter(s -> revoke(s.licence().id(), RevocationKind.RESCINDED, "告知承诺事后核查不实，撤销许可", "system"))
			.isPresent();
	}

	/** Ends a licence for good; false when it was already revoked (or is not there). */
	boolean revoke(UUID id, RevocationKind kind, String reason, String by) {
		return jdbc.sql("""
				UPDATE e_licence SET revoked_at = ?, revocation_kind = ?, revocation_reason = ?, revoked_by = ?
				WHERE id = ? AND revoked_at IS NULL""")
			.params(Timestamp.from(clock.instant()), kind.name(), reason, by, id)
			.update() == 1;
	}

	/** Signs every licence recorded before licences were signed; how many. */
	@Transactional
	public int signUnsigned() {
		List<Stored> unsigned = jdbc.sql("SELECT " + COLUMNS + " FROM e_licence WHERE signature IS NULL LIMIT 10000").query(this::row).list();
		unsigned.stream().filter(Stored::intact).forEach(s -> sign(s.licence()));
		return unsigned.size();
	}

	Optional<Stored> find(String licenceType, String number) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM e_licence WHERE licence_type = ? AND number = ?")
			.params(licenceType, number)
			.query(this::row)
			.optional();
	}

	Optional<Stored> byIdentifier(String identifier) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM e_licence WHERE identifier = ?").param(identifier).query(this::row).optional();
	}

	Optional<Stored> byId(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM e_licence WHERE id = ?").param(id).query(this::row).optional();
	}

	/** Gives a licence recorded unsigned its identifier, signature and verification code, as issued now. */
	private ELicence sign(ELicence unsigned) {
		String issuer = unsigned.issuer() == null || unsigned.issuer().isBlank() ? "一件事一次办平台" : unsigned.issuer();
		String issuerCode = keys.issuerCode(issuer, null);
		long serial = jdbc.sql("SELECT nextval('e_licence_serial')").query(Long.class).single();
		String identifier = LicenceIdentifier.of(LicenceType.of(unsigned.licenceType()).typeCode(), issuerCode, serial).value();
		ELicence licence = new ELicence(unsigned.id(), unsigned.holder(), unsigned.licenceType(), unsigned.number(), unsigned.name(),
				issuer, unsigned.issuedOn(), unsigned.validUntil(), unsigned.revoked(), identifier, issuerCode, unsigned.department(),
				unsigned.data(), unsigned.revocation());
		IssuerKeys.SigningKey key = keys.current(issuer, issuerCode);
		byte[] signature = key.sign(licence.content().canonical());
		jdbc.sql("""
				UPDATE e_licence SET issuer = ?, identifier = ?, issuer_code = ?, data = ?, signing_key_id = ?, signature = ?,
				    verification_code = ? WHERE id = ? AND signature IS NULL""")
			.params(issuer, identifier, issuerCode, sealing.seal(json.writeValueAsString(licence.data()), DATA.name()), key.id(),
					Base64.getEncoder().encodeToString(signature), verificationCode(), licence.id())
			.update();
		return licence;
	}

	private Stored row(ResultSet rs, int row) throws SQLException {
		String kind = rs.getString(14);
		Timestamp revokedAt = rs.getTimestamp(9);
		ELicence.Revocation revocation = revokedAt == null ? null
				: new ELicence.Revocation(kind == null ? RevocationKind.OTHER : RevocationKind.valueOf(kind), rs.getString(15),
						revokedAt.toInstant());
		boolean intact = true;
		String holder = null;
		Map<String, String> data = Map.of();
		byte[] signature = null;
		try {
			holder = sealing.open(rs.getString(2), HOLDER.name());
			String sealedData = sealing.open(rs.getString(13), DATA.name());
			if (sealedData != null) {
				data = json.readValue(sealedData, new TypeReference<LinkedHashMap<String, String>>() {
				});
			}
			String encoded = rs.getString(17);
			signature = encoded == null ? null : Base64.getDecoder().decode(encoded);
		}
		catch (PersonalData.Tampered | IllegalArgumentException | tools.jackson.core.JacksonException e) {
			intact = false;
		}
		ELicence licence = new ELicence(rs.getObject(1, UUID.class), holder, rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), revokedAt != null, rs.getString(10),
				rs.getString(11), rs.getString(12), data, revocation);
		return new Stored(licence, rs.getObject(16, UUID.class), signature, rs.getString(18), intact);
	}

	/** 16 hex digits (64 bits): what the QR carries beside the identifier, never guessed. */
	private static String verificationCode() {
		byte[] bytes = new byte[8];
		random.nextBytes(bytes);
		return HexFormat.of().withUpperCase().formatHex(bytes);
	}
}

package cn.onego.licences;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;

/** The electronic licences held for each holder; the holder sealed, found by its blind index. */
@Service
public class ELicences implements SealedColumns {

	private static final SealedColumn HOLDER = SealedColumn.indexed("e_licence", "holder", "holder_index");

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final Clock clock;

	ELicences(JdbcClient jdbc, PersonalData data, Clock clock) {
		this.jdbc = jdbc;
		this.data = data;
		this.clock = clock;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(HOLDER);
	}

	/** The holder's licence of a type that is valid today, the most recently issued first. */
	public Optional<ELicence> validLicence(String holder, String licenceType) {
		LocalDate today = LocalDate.now(clock);
		return all(holder).stream()
			.filter(l -> l.licenceType().equals(licenceType))
			.filter(l -> l.validOn(today))
			.findFirst();
	}

	public List<ELicence> all(String holder) {
		return jdbc.sql("""
				SELECT id, holder, licence_type, number, name, issuer, issued_on, valid_until, revoked_at IS NOT NULL
				FROM e_licence WHERE holder_index = ? ORDER BY issued_on DESC NULLS LAST, created_at DESC""")
			.param(data.index(holder))
			.query(this::licence)
			.list();
	}

	/** Revokes a licence (its decision was revoked); tells whether one was valid. */
	public boolean revoke(String licenceType, String number) {
		return jdbc.sql("UPDATE e_licence SET revoked_at = ? WHERE licence_type = ? AND number = ? AND revoked_at IS NULL")
			.params(java.sql.Timestamp.from(clock.instant()), licenceType, number)
			.update() == 1;
	}

	/**
	 * Records a licence for its holder. Recording the same type and number for the same holder again changes
	 * nothing and returns the licence recorded first (a retried issue, the demo data at every start).
	 *
	 * @throws LicenceNumberTaken when another holder already holds a licence of that type and number: nothing is
	 *         recorded, and the other holder's licence is never returned
	 */
	public ELicence record(String holder, String licenceType, String number, String name, String issuer,
			LocalDate issuedOn, LocalDate validUntil) {
		jdbc.sql("""
				INSERT INTO e_licence (id, holder, holder_index, licence_type, number, name, issuer, issued_on, valid_until)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (licence_type, number) DO NOTHING""")
			.params(UUID.randomUUID(), data.seal(holder, HOLDER.name()), data.index(holder), licenceType, number, name, issuer, issuedOn, validUntil)
			.update();
		ELicence recorded = find(licenceType, number).orElseThrow();
		if (!recorded.holder().equals(holder)) {
			throw new LicenceNumberTaken(licenceType, number);
		}
		return recorded;
	}

	/**
	 * Refuses, before anything is decided, a licence number that another holder already holds — what a reviewer
	 * approving a licence result calls with the number they typed, so that the approval fails on {@code number}
	 * instead of the issue failing later.
	 *
	 * @throws LicenceNumberTaken when another holder holds a licence of that type and number
	 */
	public void requireAvailable(String holder, String licenceType, String number) {
		Optional<ELicence> held = find(licenceType, number);
		if (held.isPresent() && !held.get().holder().equals(holder)) {
			throw new LicenceNumberTaken(licenceType, number);
		}
	}

	private Optional<ELicence> find(String licenceType, String number) {
		return jdbc.sql("""
				SELECT id, holder, licence_type, number, name, issuer, issued_on, valid_until, revoked_at IS NOT NULL
				FROM e_licence WHERE licence_type = ? AND number = ?""")
			.params(licenceType, number)
			.query(this::licence)
			.optional();
	}

	private ELicence licence(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new ELicence(rs.getObject(1, UUID.class), data.open(rs.getString(2), HOLDER.name()), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getBoolean(9));
	}
}

package cn.onego.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.catalog.Enums.Registry;
import cn.onego.identity.Actor;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;

/**
 * Who may act for an applicant: the person themself; an enterprise's legal representative, as the
 * enterprise registry says; or anyone holding a recorded authorisation — an enterprise's authorised
 * handler, a relative, or 帮代办 staff of a hall.
 */
@Service
public class Representation implements SealedColumns {

	/** For whom an authorisation was given, sealed, found by its blind index. */
	private static final SealedColumn SUBJECT = SealedColumn.indexed("representation", "subject", "subject_index");

	/** The capacity in which one acts for another. */
	public enum Capacity {
		SELF, LEGAL_REPRESENTATIVE, AUTHORISED_HANDLER, RELATIVE, ASSISTANT
	}

	/** A recorded authorisation; {@code authorisation} names the signed document (an attachment hash). */
	public record Authorisation(UUID id, String subject, String subjectName, String username, Capacity capacity,
			String authorisation, LocalDate validUntil, String recordedBy) {
	}

	/** A recorded authorisation as its principal, its holder or its recorder sees it. */
	public record Listed(UUID id, String subject, String subjectName, String username, Capacity capacity, String authorisation,
			LocalDate validUntil, String recordedBy, java.time.Instant recordedAt, java.time.Instant revokedAt, String revokedBy) {
	}

	/** The signed-in user may not act for that applicant. */
	public static class NotEntitled extends cn.onego.platform.Problem {

		public NotEntitled() {
			super(org.springframework.http.HttpStatus.FORBIDDEN, "not-entitled", Message.of("无权代理", "Not entitled"),
					Message.of("您没有代理该申请人的授权（本人、法定代表人或已登记的代办授权）。",
							"You may not act for this applicant (only the person, the legal representative or a recorded authorisation)."),
					List.of());
		}
	}

	/** The longest an authorisation may be recorded for: a letter valid until 9999 is not a real one. */
	static final int LONGEST_YEARS = 5;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Representation.class);

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final RegistryConnectors registries;
	private final Clock clock;
	private final SignedDocuments documents;

	Representation(JdbcClient jdbc, PersonalData data, RegistryConnectors registries, Clock clock, SignedDocuments documents) {
		this.jdbc = jdbc;
		this.data = data;
		this.registries = registries;
		this.clock = clock;
		this.documents = documents;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(SUBJECT);
	}

	/**
	 * The capacity in which the user (with their ID number) may act for the subject, or empty. A legal
	 * representative is recognised from the enterprise registry (法人库) entry {@code LEGAL_REP_ID}.
	 */
	public Optional<Capacity> capacity(String username, String idNumber, String subject) {
		if (idNumber != null && idNumber.equals(subject)) {
			return Optional.of(Capacity.SELF);
		}
		if (idNumber != null && CreditCode.isValid(subject)) {
			// through the enterprise registry's connector: the province's 法人库 when one is configured
			boolean legalRepresentative = registries.read(Registry.ENTERPRISE, subject) instanceof RegistryAnswer.Found found
					&& idNumber.equals(found.data().get("LEGAL_REP_ID"));
			if (legalRepresentative) {
				return Optional.of(Capacity.LEGAL_REPRESENTATIVE);
			}
		}
		return jdbc.sql("""
				SELECT capacity FROM representation
				WHERE username = ? AND subject_index = ? AND revoked_at IS NULL AND valid_until >= ?
				ORDER BY recorded_at DESC LIMIT 1""")
			.params(username, data.index(subject), LocalDate.now(clock))
			.query(String.class)
			.optional()
			.map(Capacity::valueOf);
	}

	/**
	 * Whose records the signed-in person asks to see or act on: their own when no subject is named, otherwise the
	 * named person or enterprise — only if they may act for it (the person, the legal representative, an agent).
	 *
	 * @param attempt what they tried, for the log of a refusal ("read the data of" …)
	 */
	public String subjectFor(Actor actor, String subject, String attempt) {
		if (subject == null || subject.isBlank()) {
			if (actor.idNumber() == null) {
				throw new cn.onego.platform.NotFound("申请人身份", "Applicant identity of the signed-in user", actor.username());
			}
			return actor.idNumber();
		}
		if (!IdNumber.isValid(subject) && !CreditCode.isValid(subject)) {
			throw InvalidInput.of("subject", "check-digit", Message.of("应为有效的公民身份号码或统一社会信用代码",
					"a valid citizen ID number or unified social credit code"));
		}
		if (capacity(actor.username(), actor.idNumber(), subject).isEmpty()) {
			throw refused(actor.username(), subject, attempt);
		}
		return subject;
	}

	/** Records that {@code username} may act for the subject, on the signed authorisation named. */
	public Authorisation record(String subject, String subjectName, String username, Capacity capacity, String authorisation,
			LocalDate validUntil, String recordedBy) {
		List<FieldProblem> problems = new ArrayList<>();
		if (subject == null || !(IdNumber.isValid(subject) || CreditCode.isValid(subject))) {
			problems.add(new FieldProblem("subject", "check-digit", Message.of("被代理人应为有效的公民身份号码或统一社会信用代码",
					"the principal must be a valid citizen ID number or unified social credit code")));
		}
		String name = Text.check(problems, "subjectName", subjectName, Text.Kind.LINE, Text.ORGANISATION);
		if (subjectName == null || (name != null && name.isEmpty())) {
			problems.add(new FieldProblem("subjectName", "required", Message.of("请填写被代理人名称", "enter the principal's name")));
		}
		if (capacity == null || capacity == Capacity.SELF || capacity == Capacity.LEGAL_REPRESENTATIVE) {
			problems.add(new FieldProblem("capacity", "invalid", Message.of("代理身份应为授权经办人、亲属或帮代办人员",
					"the capacity is AUTHORISED_HANDLER, RELATIVE or ASSISTANT")));
		}
		if (authorisation == null || authorisation.isBlank()) {
			problems.add(new FieldProblem("authorisation", "required", Message.of("请上传签字的授权委托书",
					"upload the signed letter of authorisation")));
		}
		else if (authorisation.length() > 64 || !documents.uploadedBy(recordedBy, authorisation)) {
			problems.add(new FieldProblem("authorisation", "not-found", Message.of("未找到您上传的授权委托书，请重新上传",
					"no letter of authorisation you uploaded has this reference; upload it again")));
		}
		LocalDate today = LocalDate.now(clock);
		if (validUntil == null || validUntil.isBefore(today) || validUntil.isAfter(today.plusYears(LONGEST_YEARS))) {
			problems.add(new FieldProblem("validUntil", "range", Message.of("授权有效期应在今天至" + LONGEST_YEARS + "年内",
					"the authorisation is valid from today for at most " + LONGEST_YEARS + " years")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		documents.referTo(recordedBy, authorisation);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO representation (id, subject, subject_index, subject_name, username, capacity, authorisation, valid_until,
				  recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, data.seal(subject, SUBJECT.name()), data.index(subject), name, username, capacity.name(), authorisation, validUntil, recordedBy,
					Timestamp.from(clock.instant()))
			.update();
		return new Authorisation(id, subject, name, username, capacity, authorisation, validUntil, recordedBy);
	}

	/**
	 * The authorisations that concern the user: those given for the subjects they answer for (themself, or
	 * an enterprise they represent), those they hold, and those they recorded at a window.
	 */
	public List<Listed> concerning(String username, String idNumber, List<String> subjects) {
		return jdbc.sql("""
				SELECT %s FROM representation WHERE subject_index = ANY (?) OR username = ? OR recorded_by = ?
				ORDER BY recorded_at DESC LIMIT 200""".formatted(COLUMNS))
			.params(subjects.stream().map(data::index).toArray(String[]::new), username, username)
			.query((rs, n) -> listed(rs))
			.list();
	}

	/**
	 * Revokes an authorisation: its principal (the person, or the enterprise's legal representative), its
	 * holder giving it up, or whoever recorded it. Anyone else learns nothing (not found).
	 */
	public Listed revoke(UUID id, String username, String idNumber) {
		Listed a = concerning(username, idNumber, idNumber == null ? List.of() : List.of(idNumber)).stream()
			.filter(l -> l.id().equals(id))
			.findFirst()
			.or(() -> find(id).filter(l -> idNumber != null && capacity(username, idNumber, l.subject())
				.filter(c -> c == Capacity.LEGAL_REPRESENTATIVE).isPresent()))
			.orElseThrow(() -> new cn.onego.platform.NotFound("代办授权", "Authorisation", id.toString()));
		jdbc.sql("UPDATE representation SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), username, id)
			.update();
		return find(id).orElseThrow();
	}

	private java.util.Optional<Listed> find(UUID id) {
		return jdbc.sql("""
				SELECT %s FROM representation WHERE id = ?""".formatted(COLUMNS))
			.param(id)
			.query((rs, n) -> listed(rs))
			.optional();
	}

	/**
	 * The refusal of someone who tried to act for a person or an enterprise without being entitled —
	 * impersonation, or an authorisation that expired — logged with the subject masked.
	 */
	public NotEntitled refused(String username, String subject, String attempt) {
		log.warn("Refused: {} tried to {} {} without being the person, their legal representative or an authorised agent",
				username, attempt, cn.onego.shared.IdNumber.mask(subject));
		return new NotEntitled();
	}

	private static final String COLUMNS = """
			id, subject, subject_name, username, capacity, authorisation, valid_until, recorded_by, recorded_at, revoked_at,
			revoked_by""";

	private Listed listed(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp revoked = rs.getTimestamp(10);
		return new Listed(rs.getObject(1, UUID.class), data.open(rs.getString(2), SUBJECT.name()), rs.getString(3), rs.getString(4),
				Capacity.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
				rs.getTimestamp(9).toInstant(), revoked == null ? null : revoked.toInstant(), rs.getString(11));
	}
}

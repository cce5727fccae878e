package cn.onego.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.application.ApplicationInput.Applicant;
import cn.onego.application.ApplicationInput.Channel;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.application.ApplicationRecord.Agent;
import cn.onego.application.ApplicationRecord.Materials;
import cn.onego.application.ApplicationRecord.Status;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts and submitted applications in PostgreSQL; the JSON columns hold the application's own values. Who
 * applies (ID number or credit code), who acts, the agent, the form's values and the delivery (address, mobile)
 * are sealed, each column whole; an applicant's applications are found by the blind index of their number.
 */
@Repository
class Applications implements SealedColumns {

	private static final SealedColumn APPLICANT_ID = SealedColumn.indexed("application", "applicant_id", "applicant_id_index");
	private static final SealedColumn ACTING_PERSON = SealedColumn.of("application", "acting_person");
	private static final SealedColumn AGENT = SealedColumn.of("application", "agent");
	private static final SealedColumn FORM_VALUES = SealedColumn.of("application", "form");
	private static final SealedColumn DELIVERY = SealedColumn.of("application", "delivery");

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, FieldValue>> FORM = new TypeReference<>() {
	};
	private static final TypeReference<Set<String>> COMMITMENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final PersonalData data;

	Applications(JdbcClient jdbc, JsonMapper json, PersonalData data) {
		this.jdbc = jdbc;
		this.json = json;
		this.data = data;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(APPLICANT_ID, ACTING_PERSON, AGENT, FORM_VALUES, DELIVERY);
	}

	void insert(ApplicationRecord a) {
		jdbc.sql("""
				INSERT INTO application (id, status, matter, catalogue_version, applicant_kind, applicant_id, applicant_id_index,
				    applicant_name, acting_person, agent, region, channel, consent_id, answers, form, commitments, materials,
				    delivery, created_by, created_at, updated_at, submitted_at, version, park, accepting_hall)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), a.status().name(), a.matter(), a.catalogueVersion(), a.applicant().kind().name(),
					data.seal(a.applicant().id(), APPLICANT_ID.name()), data.index(a.applicant().id()), a.applicant().name(),
					data.seal(a.actingPerson(), ACTING_PERSON.name()), data.seal(write(a.agent()), AGENT.name()), a.region(),
					a.channel().name(), a.consentId(), write(a.answers()), data.seal(write(a.form()), FORM_VALUES.name()),
					write(a.commitments()), write(a.materials()), data.seal(write(a.delivery()), DELIVERY.name()), a.createdBy(), Timestamp.from(a.createdAt()),
					Timestamp.from(a.updatedAt()), a.submittedAt() == null ? null : Timestamp.from(a.submittedAt()),
					a.version(), a.park(), a.acceptingHall())
			.update();
	}

	/** Writes the record if it still has the version read; tells whether it did. */
	boolean update(ApplicationRecord a, int expectedVersion) {
		return jdbc.sql("""
				UPDATE application SET status = ?, matter = ?, catalogue_version = ?, applicant_kind = ?, applicant_id = ?,
				    applicant_id_index = ?, applicant_name = ?, acting_person = ?, agent = ?, region = ?, channel = ?,
				    consent_id = ?, answers = ?::jsonb, form = ?, commitments = ?::jsonb, materials = ?::jsonb, delivery = ?,
				    updated_at = ?, submitted_at = ?, version = ?, park = ?, accepting_hall = ?
				WHERE id = ? AND version = ?""")
			.params(a.status().name(), a.matter(), a.catalogueVersion(), a.applicant().kind().name(),
					data.seal(a.applicant().id(), APPLICANT_ID.name()), data.index(a.applicant().id()), a.applicant().name(),
					data.seal(a.actingPerson(), ACTING_PERSON.name()), data.seal(write(a.agent()), AGENT.name()), a.region(),
					a.channel().name(), a.consentId(), write(a.answers()), data.seal(write(a.form()), FORM_VALUES.name()),
					write(a.commitments()), write(a.materials()), data.seal(write(a.delivery()), DELIVERY.name()),
					Timestamp.from(a.updatedAt()), a.submittedAt() == null ? null : Timestamp.from(a.submittedAt()),
					a.version(), a.park(), a.acceptingHall(), a.id(), expectedVersion)
			.update() == 1;
	}

	Optional<ApplicationRecord> find(UUID id) {
		return jdbc.sql("SELECT * FROM application WHERE id = ?").param(id).query(this::record).optional();
	}

	/** Several applications in one statement. */
	List<ApplicationRecord> find(Collection<UUID> ids) {
		return ids.isEmpty() ? List.of()
				: jdbc.sql("SELECT * FROM application WHERE id = ANY (?)").param(ids.stream().distinct().toArray(UUID[]::new))
					.query(this::record).list();
	}

	/** The applications the user created or that are for the applicant, newest first. */
	List<ApplicationRecord> of(String username, String applicantId, Status status, int limit) {
		return jdbc.sql("""
				SELECT * FROM application
				WHERE (created_by = ? OR applicant_id_index = ?) AND (?::text IS NULL OR status = ?)
				ORDER BY updated_at DESC LIMIT ?""")
			.params(username, data.index(applicantId), status == null ? null : status.name(), status == null ? null : status.name(), limit)
			.query(this::record)
			.list();
	}

	void delete(UUID id) {
		jdbc.sql("DELETE FROM application WHERE id = ? AND status = 'DRAFT'").param(id).update();
	}

	private <T> T read(String text, Class<T> type) {
		return text == null ? null : json.readValue(text, type);
	}

	private String write(Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}

	private ApplicationRecord record(ResultSet rs, int row) throws SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		String agent = data.open(rs.getString("agent"), AGENT.name());
		return new ApplicationRecord(rs.getObject("id", UUID.class), Status.valueOf(rs.getString("status")),
				rs.getString("matter"), rs.getLong("catalogue_version"),
				new Applicant(ApplicantType.valueOf(rs.getString("applicant_kind")),
						data.open(rs.getString("applicant_id"), APPLICANT_ID.name()), rs.getString("applicant_name")),
				data.open(rs.getString("acting_person"), ACTING_PERSON.name()), read(agent, Agent.class),
				rs.getString("region"), Channel.valueOf(rs.getString("channel")), rs.getObject("consent_id", UUID.class),
				json.readValue(rs.getString("answers"), ANSWERS), json.readValue(data.open(rs.getString("form"), FORM_VALUES.name()), FORM),
				json.readValue(rs.getString("commitments"), COMMITMENTS),
				json.readValue(rs.getString("materials"), Materials.class),
				read(data.open(rs.getString("delivery"), DELIVERY.name()), Delivery.class), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				submitted == null ? null : submitted.toInstant(), rs.getInt("version"), rs.getString("park"),
				rs.getString("accepting_hall"));
	}
}

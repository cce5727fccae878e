package cn.onego.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Drafts and submitted applications in PostgreSQL; the JSON columns hold the application's own values. */
@Repository
class Applications {

	private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {
	};
	private static final TypeReference<Map<String, FieldValue>> FORM = new TypeReference<>() {
	};
	private static final TypeReference<Set<String>> COMMITMENTS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Applications(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(ApplicationRecord a) {
		jdbc.sql("""
				INSERT INTO application (id, status, matter, catalogue_version, applicant_kind, applicant_id, applicant_name,
				    acting_person, agent, region, channel, consent_id, answers, form, commitments, materials, delivery,
				    created_by, created_at, updated_at, submitted_at, version, park)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
			.params(a.id(), a.status().name(), a.matter(), a.catalogueVersion(), a.applicant().kind().name(),
					a.applicant().id(), a.applicant().name(), a.actingPerson(), write(a.agent()), a.region(),
					a.channel().name(), a.consentId(), write(a.answers()), write(a.form()), write(a.commitments()),
					write(a.materials()), write(a.delivery()), a.createdBy(), Timestamp.from(a.createdAt()),
					Timestamp.from(a.updatedAt()), a.submittedAt() == null ? null : Timestamp.from(a.submittedAt()),
					a.version(), a.park())
			.update();
	}

	/** Writes the record if it still has the version read; tells whether it did. */
	boolean update(ApplicationRecord a, int expectedVersion) {
		return jdbc.sql("""
				UPDATE application SET status = ?, matter = ?, catalogue_version = ?, applicant_kind = ?, applicant_id = ?,
				    applicant_name = ?, acting_person = ?, agent = ?::jsonb, region = ?, channel = ?, consent_id = ?,
				    answers = ?::jsonb, form = ?::jsonb, commitments = ?::jsonb, materials = ?::jsonb, delivery = ?::jsonb,
				    updated_at = ?, submitted_at = ?, version = ?, park = ?
				WHERE id = ? AND version = ?""")
			.params(a.status().name(), a.matter(), a.catalogueVersion(), a.applicant().kind().name(), a.applicant().id(),
					a.applicant().name(), a.actingPerson(), write(a.agent()), a.region(), a.channel().name(), a.consentId(),
					write(a.answers()), write(a.form()), write(a.commitments()), write(a.materials()), write(a.delivery()),
					Timestamp.from(a.updatedAt()), a.submittedAt() == null ? null : Timestamp.from(a.submittedAt()),
					a.version(), a.park(), a.id(), expectedVersion)
			.update() == 1;
	}

	Optional<ApplicationRecord> find(UUID id) {
		return jdbc.sql("SELECT * FROM application WHERE id = ?").param(id).query(this::record).optional();
	}

	/** The applications the user created or that are for the applicant, newest first. */
	List<ApplicationRecord> of(String username, String applicantId, Status status, int limit) {
		return jdbc.sql("""
				SELECT * FROM application
				WHERE (created_by = ? OR applicant_id = ?) AND (?::text IS NULL OR status = ?)
				ORDER BY updated_at DESC LIMIT ?""")
			.params(username, applicantId, status == null ? null : status.name(), status == null ? null : status.name(), limit)
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
		String agent = rs.getString("agent");
		return new ApplicationRecord(rs.getObject("id", UUID.class), Status.valueOf(rs.getString("status")),
				rs.getString("matter"), rs.getLong("catalogue_version"),
				new Applicant(ApplicantType.valueOf(rs.getString("applicant_kind")), rs.getString("applicant_id"),
						rs.getString("applicant_name")),
				rs.getString("acting_person"), read(agent, Agent.class),
				rs.getString("region"), Channel.valueOf(rs.getString("channel")), rs.getObject("consent_id", UUID.class),
				json.readValue(rs.getString("answers"), ANSWERS), json.readValue(rs.getString("form"), FORM),
				json.readValue(rs.getString("commitments"), COMMITMENTS),
				json.readValue(rs.getString("materials"), Materials.class),
				read(rs.getString("delivery"), Delivery.class), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				submitted == null ? null : submitted.toInstant(), rs.getInt("version"), rs.getString("park"));
	}
}

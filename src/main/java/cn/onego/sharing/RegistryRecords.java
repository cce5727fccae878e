package cn.onego.sharing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.catalog.Enums.Registry;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each shared registry holds about a subject ({@code registry_record}): the subject (an ID number or a
 * credit code) and the record both sealed, a record found by the subject's blind index. The record is read and
 * compared in Java: nothing in it is visible to SQL.
 */
@Repository
class RegistryRecords implements SealedColumns {

	private static final TypeReference<Map<String, Object>> DATA = new TypeReference<>() {
	};
	static final SealedColumn SUBJECT = SealedColumn.indexed("registry_record", "subject", "subject_index");
	static final SealedColumn DATA_COLUMN = SealedColumn.of("registry_record", "data");

	/** Rows per multi-row insert: 2,500 parameters, far below PostgreSQL's limit of 65,535. */
	private static final int ROWS_PER_INSERT = 500;

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final JsonMapper json;
	private final Clock clock;

	RegistryRecords(JdbcClient jdbc, PersonalData data, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.data = data;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(SUBJECT, DATA_COLUMN);
	}

	Optional<Map<String, Object>> find(Registry registry, String subject) {
		return jdbc.sql("SELECT data FROM registry_record WHERE registry = ? AND subject_index = ?")
			.params(registry.name(), data.index(subject))
			.query(String.class)
			.optional()
			.map(text -> json.readValue(data.open(text, DATA_COLUMN.name()), DATA));
	}

	/** Whether the registry holds a record about the subject, without opening it. */
	boolean holds(Registry registry, String subject) {
		return jdbc.sql("SELECT count(*) FROM registry_record WHERE registry = ? AND subject_index = ?")
			.params(registry.name(), data.index(subject))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Stores the records that are not there yet; a record already there stays as it is (an administrator's
	 * correction of a synthetic record survives the next start). Sealing is spread over the cores and the rows go
	 * in as multi-row inserts, which keeps thousands of records to a second or two of start-up.
	 */
	void putAbsent(List<SyntheticRecords.Entry> entries) {
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> rows = entries.parallelStream()
			.map(e -> new Object[] { e.registry().name(), data.seal(e.subject(), SUBJECT.name()), data.index(e.subject()),
					data.seal(json.writeValueAsString(e.data()), DATA_COLUMN.name()), now })
			.toList();
		for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
			List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
			List<Object> params = new ArrayList<>(chunk.size() * 5);
			chunk.forEach(row -> params.addAll(List.of(row)));
			jdbc.sql("INSERT INTO registry_record (registry, subject, subject_index, data, updated_at) VALUES "
					+ String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?)"))
					+ " ON CONFLICT (registry, subject_index) DO NOTHING")
				.params(params)
				.update();
		}
	}

	void put(Registry registry, String subject, Map<String, Object> record) {
		jdbc.sql("""
				INSERT INTO registry_record (registry, subject, subject_index, data, updated_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (registry, subject_index) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at""")
			.params(registry.name(), data.seal(subject, SUBJECT.name()), data.index(subject),
					data.seal(json.writeValueAsString(record), DATA_COLUMN.name()), Timestamp.from(clock.instant()))
			.update();
	}
}

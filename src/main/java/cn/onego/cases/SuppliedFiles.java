package cn.onego.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.onego.cases.CaseFiles.Uploader;

/**
 * The files supplied for a case after it was submitted, by material (V46): written with the supplement's save,
 * read when the case's files are listed or one is opened.
 */
@Component
class SuppliedFiles {

	/** A supplied file: for which material, its content hash, whose upload it is, in which capacity, and when. */
	record Supplied(String material, String hash, String owner, Uploader by, Instant at) {
	}

	private final JdbcClient jdbc;

	SuppliedFiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keeps the files of one supplement, in the supplement's transaction; a file supplied twice is kept once. */
	void record(CaseId caseId, Map<String, String> files, String owner, Uploader by, Instant at) {
		if (files.isEmpty()) {
			return;
		}
		List<Map.Entry<String, String>> entries = List.copyOf(files.entrySet());
		jdbc.sql("""
				INSERT INTO case_supplied_file (case_id, material, hash, owner, supplied_by, supplied_at)
				SELECT ?, m, h, ?, ?, ? FROM unnest(?::text[], ?::text[]) AS f (m, h)
				ON CONFLICT DO NOTHING""")
			.params(caseId.value(), owner, by.name(), Timestamp.from(at),
					entries.stream().map(Map.Entry::getKey).toArray(String[]::new),
					entries.stream().map(Map.Entry::getValue).toArray(String[]::new))
			.update();
	}

	/** The case's supplied files, oldest first. */
	List<Supplied> of(CaseId caseId) {
		return jdbc.sql("""
				SELECT material, hash, owner, supplied_by, supplied_at FROM case_supplied_file WHERE case_id = ?
				ORDER BY supplied_at, material""")
			.param(caseId.value())
			.query((rs, n) -> new Supplied(rs.getString(1), rs.getString(2), rs.getString(3), Uploader.valueOf(rs.getString(4)),
					rs.getTimestamp(5).toInstant()))
			.list();
	}
}

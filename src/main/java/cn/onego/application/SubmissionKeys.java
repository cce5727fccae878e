package cn.onego.application;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of submissions. Claiming a key inserts it; a concurrent claim of the same key waits
 * on the primary key until the first transaction ends, and then finds the first one's row.
 */
@Repository
class SubmissionKeys {

	private final JdbcClient jdbc;

	SubmissionKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Claim(String requestHash, UUID application) {
	}

	boolean claim(String username, String key, String requestHash, UUID application) {
		return jdbc.sql("""
				INSERT INTO submission_key (idempotency_key, username, request_hash, application_id) VALUES (?, ?, ?, ?)
				ON CONFLICT (username, idempotency_key) DO NOTHING""")
			.params(key, username, requestHash, application)
			.update() == 1;
	}

	Optional<Claim> find(String username, String key) {
		return jdbc.sql("SELECT request_hash, application_id FROM submission_key WHERE username = ? AND idempotency_key = ?")
			.params(username, key)
			.query((rs, n) -> new Claim(rs.getString(1), rs.getObject(2, UUID.class)))
			.optional();
	}
}

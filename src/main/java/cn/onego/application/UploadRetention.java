package cn.onego.application;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the uploads nobody referred to within {@code onego.attachments.unreferenced-days}, and the
 * contents no upload is left for: such an upload serves no application, and without the clean-up every
 * day's upload quota would add to the store for good.
 */
@Component
class UploadRetention {

	// the log lines keep the category they had when Attachments cleaned up itself
	private static final Logger log = LoggerFactory.getLogger(Attachments.class);

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final int unreferencedDays;

	UploadRetention(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
			@Value("${onego.attachments.unreferenced-days:7}") int unreferencedDays) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.unreferencedDays = unreferencedDays;
	}

	/**
	 * Deletes the uploads nobody referred to that are older than the retention at {@code now}, and the
	 * contents no upload is left for. Returns how many uploads were deleted.
	 */
	int deleteUnreferenced(Instant now) {
		Instant before = now.minus(Duration.ofDays(unreferencedDays));
		List<String> hashes = jdbc.sql("""
				DELETE FROM attachment_upload WHERE referenced_at IS NULL AND uploaded_at < ? RETURNING hash""")
			.param(Timestamp.from(before))
			.query(String.class)
			.list();
		for (String hash : new HashSet<>(hashes)) {
			transactions.executeWithoutResult(status -> {
				// the content's row lock orders this against an upload of the same content going on now
				boolean present = jdbc.sql("SELECT hash FROM attachment WHERE hash = ? FOR UPDATE").param(hash)
					.query(String.class).optional().isPresent();
				if (present) {
					jdbc.sql("DELETE FROM attachment WHERE hash = ? AND NOT EXISTS (SELECT 1 FROM attachment_upload WHERE hash = ?)")
						.params(hash, hash)
						.update();
				}
			});
		}
		return hashes.size();
	}

	@Scheduled(cron = "${onego.attachments.clean-up-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	void cleanUp() {
		int deleted = deleteUnreferenced(clock.instant());
		if (deleted > 0) {
			log.info("Deleted {} uploads nobody referred to within {} days", deleted, unreferencedDays);
		}
	}
}

package cn.onego.audit;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.onego.platform.DatabaseProperties;

/**
 * Where the anchor key lives: the file {@code onego.audit.key-file} ({@code ONEGO_AUDIT_KEY_FILE}) when set —
 * the same file on every node of a deployment —, otherwise with the embedded database
 * {@code <data-dir>/audit/anchor-key.pem}; for a throw-away test database, and (with a warning) for an external
 * database without a configured file, in memory only. Never in the database: whoever could rewrite the records
 * could then sign new anchors for them.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AuditConfiguration.class);

	@Bean
	AnchorKey anchorKey(DatabaseProperties database, @Value("${onego.audit.key-file:}") String keyFile) {
		if (keyFile != null && !keyFile.isBlank()) {
			return AnchorKey.keptIn(Path.of(keyFile.trim()));
		}
		if (database.ephemeral()) {
			return AnchorKey.generate();
		}
		if (database.url() != null && !database.url().isBlank()) {
			// an external database: no data directory of OneGo's, and the key must never live in the database
			log.warn("No onego.audit.key-file (ONEGO_AUDIT_KEY_FILE) with an external database: the audit trail's anchors are "
					+ "signed with a key kept in memory only, and will not verify after a restart. Configure a key file, the "
					+ "same on every node.");
			return AnchorKey.generate();
		}
		return AnchorKey.keptIn(database.dataDir().resolve("audit").resolve(AnchorKey.FILE));
	}
}

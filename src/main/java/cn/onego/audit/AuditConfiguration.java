package cn.onego.audit;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.onego.platform.DatabaseProperties;

/**
 * Where the anchor key lives: the file {@code onego.audit.key-file} ({@code ONEGO_AUDIT_KEY_FILE}) when set —
 * the same file on every node of a deployment —, otherwise {@code <data-dir>/audit/anchor-key.pem}; for a
 * throw-away test database in memory only.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	AnchorKey anchorKey(DatabaseProperties database, @Value("${onego.audit.key-file:}") String keyFile) {
		if (keyFile != null && !keyFile.isBlank()) {
			return AnchorKey.keptIn(Path.of(keyFile.trim()));
		}
		if (database.ephemeral()) {
			return AnchorKey.generate();
		}
		return AnchorKey.keptIn(database.dataDir().resolve("audit").resolve(AnchorKey.FILE));
	}
}

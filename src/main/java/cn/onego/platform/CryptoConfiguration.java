package cn.onego.platform;

import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.onego.platform.crypto.DataKeys;
import cn.onego.platform.crypto.KeyFile;
import cn.onego.platform.crypto.PersonalData;

/**
 * The keys of personal data and the sealing built on them. A deployment with a key management service declares
 * its own {@link DataKeys} bean; otherwise the keys are a {@link KeyFile}: {@code onego.crypto.key-file}
 * ({@code ONEGO_KEY_FILE}) when set, else {@value #KEY_FILE} beside the embedded database's files (with the
 * passwords, mode 600). An external database needs the setting: its keys must not be in it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoConfiguration.CryptoProperties.class)
class CryptoConfiguration {

	static final String KEY_FILE = "onego-data-keys.properties";

	/** @param keyFile the key file ({@code ONEGO_KEY_FILE}); beside the embedded database when empty */
	@ConfigurationProperties("onego.crypto")
	record CryptoProperties(String keyFile) {
	}

	@Bean
	@ConditionalOnMissingBean(DataKeys.class)
	DataKeys dataKeys(CryptoProperties properties, Database database) {
		if (properties.keyFile() != null && !properties.keyFile().isBlank()) {
			return KeyFile.loadOrCreate(Path.of(properties.keyFile()));
		}
		if (database.embedded() == null) {
			throw new IllegalStateException("With an external database (ONEGO_DB_URL) the keys of personal data must be"
					+ " outside it: set ONEGO_KEY_FILE (onego.crypto.key-file) or provide a DataKeys bean for the KMS");
		}
		return KeyFile.loadOrCreate(database.embedded().root().resolve(KEY_FILE));
	}

	@Bean
	PersonalData personalData(DataKeys keys) {
		return new PersonalData(keys);
	}
}

package cn.onego.idp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import cn.onego.platform.SecretFiles;

/**
 * The RSA key pair that signs ID and access tokens. Generated once and kept in the data directory
 * ({@code <data-dir>/idp/signing-key.jwk.json}, readable by the owner only), so that tokens issued before a
 * restart still verify after it; with an external database, which has no data directory and may serve
 * several nodes, in that database; for a throw-away test database in memory only.
 */
final class SigningKey {

	private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
	static final String FILE = "signing-key.jwk.json";

	private SigningKey() {
	}

	static RSAKey inMemory() {
		return generate();
	}

	/** The key kept in the directory, created there (mode 600, directory 700) on first use. */
	static RSAKey keptIn(Path directory) {
		Path file = directory.resolve(FILE);
		try {
			if (Files.exists(file)) {
				return (RSAKey) JWK.parse(SecretFiles.read(file));
			}
			RSAKey key = generate();
			if (!SecretFiles.createOnce(file, key.toJSONString())) {
				// another node or process created it meanwhile: then both use the first
				return (RSAKey) JWK.parse(SecretFiles.read(file));
			}
			log.info("Generated the identity provider's signing key {} in {}", key.getKeyID(), file.toAbsolutePath());
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the identity provider's signing key in " + file, e);
		}
		catch (ParseException | ClassCastException e) {
			throw new IllegalStateException("Not an RSA private key in JWK form: " + file, e);
		}
	}

	/**
	 * The key kept in the database ({@code idp_signing_key}), for an external database: no data directory, and
	 * every node must sign with the same key. The first node to start writes it.
	 */
	static RSAKey keptIn(JdbcClient jdbc) {
		RSAKey generated = generate();
		int written = jdbc.sql("INSERT INTO idp_signing_key (id, jwk, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING")
			.params(generated.toJSONString(), Timestamp.from(Instant.now()))
			.update();
		String stored = jdbc.sql("SELECT jwk FROM idp_signing_key WHERE id = 1").query(String.class).single();
		try {
			RSAKey key = (RSAKey) JWK.parse(stored);
			if (written == 1) {
				log.info("Generated the identity provider's signing key {} in the database", key.getKeyID());
			}
			return key;
		}
		catch (ParseException | ClassCastException e) {
			throw new IllegalStateException("Not an RSA private key in JWK form in idp_signing_key", e);
		}
	}

	private static RSAKey generate() {
		try {
			RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
			// the key id is the key's own thumbprint (RFC 7638): the same key, the same id, on every node
			return new RSAKey.Builder(key).keyID(key.computeThumbprint().toString()).build();
		}
		catch (JOSEException e) {
			throw new IllegalStateException("Cannot generate an RSA key", e);
		}
	}
}

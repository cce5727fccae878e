package cn.onego.licences;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;
import cn.onego.shared.CreditCode;

/**
 * The signing keys of the issuing departments, generated and kept by OneGo: one current key per department and
 * algorithm, made the first time the department issues a licence. The private key (PKCS#8) is sealed like personal
 * data — SM4-GCM under a data key kept outside the database — so a copy of the database cannot sign; the public key
 * (X.509 SubjectPublicKeyInfo) is published for verifiers ({@link #published()}). A key that was replaced stays to
 * verify what it signed.
 */
@Service
public class IssuerKeys implements SealedColumns {

	static final SealedColumn PRIVATE_KEY = SealedColumn.of("licence_signing_key", "private_key");

	/** A department's key as published: who it belongs to and the public key, Base64 of its X.509 encoding. */
	public record PublishedKey(UUID id, String issuer, String issuerCode, SignatureAlgorithm algorithm, String publicKey,
			Instant createdAt, Instant retiredAt) {
	}

	/**
	 * A seal set on content by a body's key: which key (to verify with later), the body's credit code, the signature
	 * algorithm's JCA name and the signature.
	 */
	public record Seal(UUID keyId, String issuerCode, String algorithm, byte[] signature) {
	}

	/** A key able to sign, with its signature objects ready. */
	record SigningKey(UUID id, String issuer, String issuerCode, SignatureAlgorithm algorithm, Signers signers) {

		SigningKey(UUID id, String issuer, String issuerCode, SignatureAlgorithm algorithm, PrivateKey privateKey) {
			this(id, issuer, issuerCode, algorithm, new Signers(algorithm, privateKey));
		}

		byte[] sign(byte[] content) {
			return signers.sign(content);
		}
	}

	/**
	 * How long a node signs with the current key it read before reading it again: a key an operator retires in the
	 * database is no longer used after at most this long. Reading, unsealing and parsing it for every document had been
	 * a tenth of a case's work.
	 */
	static final java.time.Duration READ_AGAIN_AFTER = java.time.Duration.ofMinutes(1);

	private record Current(SigningKey key, long readAt) {
	}

	private record VerifyingKey(SignatureAlgorithm algorithm, PublicKey key) {
	}

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final LicenceSettings settings;
	private final Map<UUID, VerifyingKey> verifying = new ConcurrentHashMap<>();
	private final Map<String, Current> current = new ConcurrentHashMap<>();

	IssuerKeys(JdbcClient jdbc, PersonalData data, LicenceSettings settings) {
		this.jdbc = jdbc;
		this.data = data;
		this.settings = settings;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(PRIVATE_KEY);
	}

	/** The issuer's credit code: the configured real one, or a stand-in derived from its name. */
	String issuerCode(String issuer, String region) {
		String configured = settings.issuerCodes().get(issuer);
		if (configured != null && CreditCode.isValid(configured)) {
			return configured;
		}
		return SyntheticCreditCodes.of(issuer, region == null || !region.matches("\\d{6}") ? "000000" : region);
	}

	/**
	 * The issuer's current key of the configured algorithm, made now if it has none. Two nodes making one at once:
	 * the unique index lets one win, and both then sign with it.
	 */
	SigningKey current(String issuer, String issuerCode) {
		SignatureAlgorithm algorithm = settings.signatureAlgorithm();
		String name = algorithm + "/" + issuer;
		Current known = current.get(name);
		long now = System.nanoTime();
		if (known != null && now - known.readAt() < READ_AGAIN_AFTER.toNanos()) {
			return known.key();
		}
		SigningKey read = currentInDatabase(issuer, issuerCode, algorithm);
		// the same key read again keeps the signature objects it has
		SigningKey key = known != null && known.key().id().equals(read.id()) ? known.key() : read;
		current.put(name, new Current(key, now));
		return key;
	}

	private SigningKey currentInDatabase(String issuer, String issuerCode, SignatureAlgorithm algorithm) {
		return find(issuer, algorithm).orElseGet(() -> {
			KeyPair pair = algorithm.generate();
			jdbc.sql("""
					INSERT INTO licence_signing_key (id, issuer, issuer_code, algorithm, public_key, private_key)
					VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(UUID.randomUUID(), issuer, issuerCode, algorithm.name(), base64(pair.getPublic().getEncoded()),
						data.seal(base64(pair.getPrivate().getEncoded()), PRIVATE_KEY.name()))
				.update();
			return find(issuer, algorithm).orElseThrow();
		});
	}

	/**
	 * Seals content with the body's current key — the key it signs licences with, made now if it has none — for the
	 * modules that issue signed documents other than licences (official notices). The region (GB/T 2260) gives the
	 * stand-in credit code of a body without a configured one.
	 */
	public Seal seal(String issuer, String region, byte[] content) {
		SigningKey key = current(issuer, issuerCode(issuer, region));
		return new Seal(key.id(), key.issuerCode(), key.algorithm().signatureName(), key.sign(content));
	}

	/** Whether the key with that id sealed (signed) the content; an unknown key sealed nothing. */
	public boolean verifies(UUID keyId, byte[] content, byte[] signature) {
		return verify(keyId, content, signature);
	}

	/** Whether the key with that id signed the content; an unknown key signed nothing. */
	boolean verify(UUID keyId, byte[] content, byte[] signature) {
		VerifyingKey key = verifying.computeIfAbsent(keyId, id -> jdbc.sql("SELECT algorithm, public_key FROM licence_signing_key WHERE id = ?")
			.param(id)
			.query((rs, row) -> new VerifyingKey(SignatureAlgorithm.valueOf(rs.getString(1)),
					SignatureAlgorithm.publicKey(Base64.getDecoder().decode(rs.getString(2)))))
			.optional()
			.orElse(null));
		return key != null && key.algorithm().verify(key.key(), content, signature);
	}

	/** The algorithm of the key with that id. */
	Optional<SignatureAlgorithm> algorithmOf(UUID keyId) {
		return keyId == null ? Optional.empty()
				: jdbc.sql("SELECT algorithm FROM licence_signing_key WHERE id = ?").param(keyId).query(String.class).optional()
					.map(SignatureAlgorithm::valueOf);
	}

	/** Every issuer's public keys, the current and the replaced, for verifiers who check signatures themselves. */
	public List<PublishedKey> published() {
		return jdbc.sql("""
				SELECT id, issuer, issuer_code, algorithm, public_key, created_at, retired_at
				FROM licence_signing_key ORDER BY issuer, created_at""")
			.query(this::published)
			.list();
	}

	private Optional<SigningKey> find(String issuer, SignatureAlgorithm algorithm) {
		return jdbc.sql("""
				SELECT id, issuer, issuer_code, algorithm, private_key FROM licence_signing_key
				WHERE issuer = ? AND algorithm = ? AND retired_at IS NULL""")
			.params(issuer, algorithm.name())
			.query((rs, row) -> new SigningKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					SignatureAlgorithm.valueOf(rs.getString(4)),
					SignatureAlgorithm.privateKey(Base64.getDecoder().decode(data.open(rs.getString(5), PRIVATE_KEY.name())))))
			.optional();
	}

	private PublishedKey published(ResultSet rs, int row) throws SQLException {
		return new PublishedKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), SignatureAlgorithm.valueOf(rs.getString(4)),
				rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
	}

	private static String base64(byte[] bytes) {
		return Base64.getEncoder().encodeToString(bytes);
	}
}

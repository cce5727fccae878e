package cn.onego.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.onego.platform.SecretFiles;

/**
 * The platform's SM2 key pair (GB/T 32918, curve sm2p256v1) that signs the daily anchors with
 * {@code SM3withSM2} (GB/T 35276, default user id). Generated once and kept in a file readable by its owner
 * only, holding the private key (PKCS#8) and the public key (X.509 SubjectPublicKeyInfo) as PEM; the public key
 * is also written beside it ({@code anchor-key.pub.pem}) and served at {@code /api/v1/audit/anchor-key}, so that
 * an auditor can check anchors without OneGo. The key's id is the first 16 hex digits of the SM3 of its
 * public key's encoding.
 */
final class AnchorKey {

	private static final Logger log = LoggerFactory.getLogger(AnchorKey.class);
	static final String FILE = "anchor-key.pem";
	static final String PUBLIC_FILE = "anchor-key.pub.pem";
	static final String ALGORITHM = "SM3withSM2";

	/** BouncyCastle as a provider object, not registered JVM-wide. */
	static final Provider BC = new BouncyCastleProvider();

	private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

	private final PrivateKey privateKey;
	private final PublicKey publicKey;
	private final String id;

	private AnchorKey(PrivateKey privateKey, PublicKey publicKey) {
		this.privateKey = privateKey;
		this.publicKey = publicKey;
		this.id = id(publicKey);
	}

	/** A new key pair, kept in memory only (a throw-away test database). */
	static AnchorKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
			generator.initialize(new ECGenParameterSpec("sm2p256v1"));
			KeyPair pair = generator.generateKeyPair();
			return new AnchorKey(pair.getPrivate(), pair.getPublic());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot generate an SM2 key pair", e);
		}
	}

	/** The key pair kept in this file, created there (mode 600, directory 700) on first use. */
	static AnchorKey keptIn(Path file) {
		try {
			if (Files.exists(file)) {
				AnchorKey key = read(SecretFiles.read(file), file);
				writePublic(file, key);
				return key;
			}
			AnchorKey key = generate();
			if (!SecretFiles.createOnce(file, pem("PRIVATE KEY", key.privateKey.getEncoded()) + key.publicPem())) {
				// another node or process created it meanwhile: then both use the first
				return keptIn(file);
			}
			writePublic(file, key);
			log.info("Generated the audit trail's SM2 anchor key {} in {}", key.id(), file.toAbsolutePath());
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the audit trail's anchor key in " + file, e);
		}
	}

	/** A public key in PEM (an exported {@code anchor-key.pub.pem}, or the key file itself). */
	static PublicKey readPublic(String pem) {
		Matcher block = BLOCK.matcher(pem);
		while (block.find()) {
			if (block.group(1).equals("PUBLIC KEY")) {
				try {
					return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(decode(block.group(2))));
				}
				catch (GeneralSecurityException e) {
					throw new IllegalArgumentException("Not an SM2 public key", e);
				}
			}
		}
		throw new IllegalArgumentException("No PUBLIC KEY block");
	}

	private static AnchorKey read(String pem, Path file) {
		PrivateKey privateKey = null;
		Matcher block = BLOCK.matcher(pem);
		while (block.find()) {
			if (block.group(1).equals("PRIVATE KEY")) {
				try {
					privateKey = KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(decode(block.group(2))));
				}
				catch (GeneralSecurityException e) {
					throw new IllegalStateException("Not an SM2 private key: " + file, e);
				}
			}
		}
		if (privateKey == null) {
			throw new IllegalStateException("No PRIVATE KEY block in " + file);
		}
		AnchorKey key = new AnchorKey(privateKey, readPublic(pem));
		byte[] probe = "onego-anchor-key-check".getBytes(StandardCharsets.US_ASCII);
		if (!verify(key.publicKey, probe, key.sign(probe))) {
			throw new IllegalStateException("The private and public key in " + file + " do not belong together");
		}
		return key;
	}

	private static void writePublic(Path file, AnchorKey key) throws IOException {
		Path exported = file.resolveSibling(PUBLIC_FILE);
		if (!Files.exists(exported) || !Files.readString(exported, StandardCharsets.US_ASCII).equals(key.publicPem())) {
			Files.writeString(exported, key.publicPem(), StandardCharsets.US_ASCII);
		}
	}

	String id() {
		return id;
	}

	PublicKey publicKey() {
		return publicKey;
	}

	String publicPem() {
		return pem("PUBLIC KEY", publicKey.getEncoded());
	}

	byte[] sign(byte[] message) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM, BC);
			signature.initSign(privateKey);
			signature.update(message);
			return signature.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot sign with the anchor key", e);
		}
	}

	static boolean verify(PublicKey key, byte[] message, byte[] signed) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM, BC);
			signature.initVerify(key);
			signature.update(message);
			return signature.verify(signed);
		}
		catch (GeneralSecurityException | RuntimeException e) {
			return false; // a malformed signature is a bad one
		}
	}

	static String id(PublicKey key) {
		return Chain.sm3(key.getEncoded()).substring(0, 16);
	}

	private static String pem(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + label + "-----\n";
	}

	private static byte[] decode(String base64) {
		return Base64.getMimeDecoder().decode(base64.strip());
	}
}

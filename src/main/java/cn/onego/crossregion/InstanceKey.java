package cn.onego.crossregion;

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
import java.security.interfaces.ECPublicKey;
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
 * This instance's SM2 key pair (GB/T 32918, curve sm2p256v1) that signs its requests to partners with
 * {@code SM3withSM2} (default user id). Generated once and kept, like the audit trail's anchor key, in a file
 * readable by its owner only, holding the private key (PKCS#8) and the public key (X.509) as PEM; the public key is
 * also written beside it ({@code federation-key.pub.pem}) and served at {@code GET /federation/v1/instance}, so that
 * administrators can exchange keys.
 */
final class InstanceKey {

	private static final Logger log = LoggerFactory.getLogger(InstanceKey.class);
	static final String FILE = "federation-key.pem";
	static final String PUBLIC_FILE = "federation-key.pub.pem";
	static final String ALGORITHM = "SM3withSM2";

	/** BouncyCastle as a provider object, not registered JVM-wide. */
	static final Provider BC = new BouncyCastleProvider();

	private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

	/** The curve sm2p256v1, to refuse a partner's key of another curve. */
	private static final java.security.spec.EllipticCurve SM2 = ((ECPublicKey) generate().publicKey).getParams().getCurve();

	private final PrivateKey privateKey;
	private final PublicKey publicKey;

	private InstanceKey(PrivateKey privateKey, PublicKey publicKey) {
		this.privateKey = privateKey;
		this.publicKey = publicKey;
	}

	/** A new key pair, kept in memory only (a throw-away test database, a forger in a test). */
	static InstanceKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
			generator.initialize(new ECGenParameterSpec("sm2p256v1"));
			KeyPair pair = generator.generateKeyPair();
			return new InstanceKey(pair.getPrivate(), pair.getPublic());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot generate an SM2 key pair", e);
		}
	}

	/** The key pair kept in this file, created there (mode 600, directory 700) on first use. */
	static InstanceKey keptIn(Path file) {
		try {
			if (Files.exists(file)) {
				InstanceKey key = read(SecretFiles.read(file), file);
				writePublic(file, key);
				return key;
			}
			InstanceKey key = generate();
			if (!SecretFiles.createOnce(file, pem("PRIVATE KEY", key.privateKey.getEncoded()) + key.publicPem())) {
				// another node created it meanwhile: then both use the first
				return keptIn(file);
			}
			writePublic(file, key);
			log.info("Generated this instance's SM2 federation key in {}", file.toAbsolutePath());
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the federation key in " + file, e);
		}
	}

	/**
	 * A partner's public key as configured: PEM ({@code -----BEGIN PUBLIC KEY-----}) or the base64 of its X.509
	 * encoding, as {@code GET /federation/v1/instance} gives it. Only an SM2 key is accepted.
	 */
	static PublicKey readPublic(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("No public key");
		}
		String base64 = text.strip();
		Matcher block = BLOCK.matcher(text);
		while (block.find()) {
			if (block.group(1).equals("PUBLIC KEY")) {
				base64 = block.group(2);
			}
		}
		try {
			PublicKey key = KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(base64.strip())));
			if (!(key instanceof ECPublicKey ec) || !ec.getParams().getCurve().equals(SM2)) {
				throw new IllegalArgumentException("Not a key of the SM2 curve sm2p256v1");
			}
			return key;
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalArgumentException("Not an SM2 public key (PEM or base64 of X.509): " + e.getMessage(), e);
		}
	}

	private static InstanceKey read(String pem, Path file) {
		PrivateKey privateKey = null;
		Matcher block = BLOCK.matcher(pem);
		while (block.find()) {
			if (block.group(1).equals("PRIVATE KEY")) {
				try {
					privateKey = KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(block.group(2).strip())));
				}
				catch (GeneralSecurityException e) {
					throw new IllegalStateException("Not an SM2 private key: " + file, e);
				}
			}
		}
		if (privateKey == null) {
			throw new IllegalStateException("No PRIVATE KEY block in " + file);
		}
		InstanceKey key = new InstanceKey(privateKey, readPublic(pem));
		byte[] probe = "onego-federation-key-check".getBytes(StandardCharsets.US_ASCII);
		if (!verify(key.publicKey, probe, key.sign(probe))) {
			throw new IllegalStateException("The private and public key in " + file + " do not belong together");
		}
		return key;
	}

	private static void writePublic(Path file, InstanceKey key) throws IOException {
		Path exported = file.resolveSibling(PUBLIC_FILE);
		if (!Files.exists(exported) || !Files.readString(exported, StandardCharsets.US_ASCII).equals(key.publicPem())) {
			Files.writeString(exported, key.publicPem(), StandardCharsets.US_ASCII);
		}
	}

	PublicKey publicKey() {
		return publicKey;
	}

	/** The public key as the base64 of its X.509 encoding: what partners configure. */
	String publicBase64() {
		return Base64.getEncoder().encodeToString(publicKey.getEncoded());
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
			throw new IllegalStateException("Cannot sign with the federation key", e);
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

	private static String pem(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + label + "-----\n";
	}
}

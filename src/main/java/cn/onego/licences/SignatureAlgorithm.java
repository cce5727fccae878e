package cn.onego.licences;

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

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * How an issuing department signs its licences. SM2 (GB/T 32918, curve sm2p256v1) with SM3 and the default user
 * id (GB/T 35276) is the default, as the national standards expect; ECDSA on P-256 with SHA-256 is the
 * alternative for verifiers without SM2. Chosen by {@code onego.licences.signature-algorithm}; a department's
 * keys of the other algorithm keep verifying what they signed.
 */
public enum SignatureAlgorithm {

	/** SM3withSM2 on sm2p256v1. */
	SM2("sm2p256v1", "SM3withSM2"),
	/** SHA256withECDSA on NIST P-256 (secp256r1). */
	ECDSA_P256("secp256r1", "SHA256withECDSA");

	/** BouncyCastle as a provider object, not registered JVM-wide. */
	static final Provider BC = new BouncyCastleProvider();

	private final String curve;
	private final String signature;

	SignatureAlgorithm(String curve, String signature) {
		this.curve = curve;
		this.signature = signature;
	}

	/** The JCA name of the signature, e.g. {@code SM3withSM2}. */
	public String signatureName() {
		return signature;
	}

	KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
			generator.initialize(new ECGenParameterSpec(curve));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot generate a key pair for " + this, e);
		}
	}

	/** A signature object of this algorithm initialised to sign with the key ({@link Signers} keeps them). */
	Signature signer(PrivateKey key) throws GeneralSecurityException {
		Signature s = Signature.getInstance(signature, BC);
		s.initSign(key);
		return s;
	}

	/** Whether the signature is the key's over the content; a malformed signature is simply not. */
	boolean verify(PublicKey key, byte[] content, byte[] signatureBytes) {
		try {
			Signature s = Signature.getInstance(signature, BC);
			s.initVerify(key);
			s.update(content);
			return s.verify(signatureBytes);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	static PublicKey publicKey(byte[] x509) {
		try {
			return KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(x509));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Not an EC public key", e);
		}
	}

	static PrivateKey privateKey(byte[] pkcs8) {
		try {
			return KeyFactory.getInstance("EC", BC).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Not an EC private key", e);
		}
	}
}

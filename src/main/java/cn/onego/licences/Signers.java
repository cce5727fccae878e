package cn.onego.licences;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Signature objects initialised for signing with one private key, lent one at a time. Initialising is the larger part
 * of an SM2 signature — BouncyCastle computes the public point and the signer's Z (GB/T 32918) from the private key,
 * one scalar multiplication — and a JCA signature object returns to its initialised state after each
 * {@link Signature#sign()}, so a kept one signs again without it. A case issues a signed document at each of its
 * steps; before this, each paid for the initialisation.
 */
final class Signers {

	private final SignatureAlgorithm algorithm;
	private final PrivateKey key;
	private final Queue<Signature> idle = new ConcurrentLinkedQueue<>();

	Signers(SignatureAlgorithm algorithm, PrivateKey key) {
		this.algorithm = algorithm;
		this.key = key;
	}

	byte[] sign(byte[] content) {
		Signature signer = idle.poll();
		try {
			if (signer == null) {
				signer = algorithm.signer(key);
			}
			signer.update(content);
			byte[] signature = signer.sign();
			// only a signer that signed is lent again: one that failed half-way is dropped
			idle.offer(signer);
			return signature;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Cannot sign with " + algorithm, e);
		}
	}
}

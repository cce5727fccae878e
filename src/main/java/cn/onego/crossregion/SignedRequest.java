package cn.onego.crossregion;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * One request between instances as signed (docs/FEDERATION.md, "Signing"): the sender signs, with
 * {@code SM3withSM2}, the canonical string
 * {@code PUT\n<path>\n<timestamp>\n<nonce>\n<hex SM3 of the raw body>} — method, path, time and nonce and the body's
 * digest, so that none of them can be changed or reused without the signature failing. Pure: no clock, no I/O.
 */
record SignedRequest(String method, String path, String timestamp, String nonce, byte[] body) {

	/** How far a request's timestamp may be from the receiver's clock, either way. */
	static final Duration WINDOW = Duration.ofSeconds(300);

	/** At least 16 characters of a safe alphabet (the sender's are 32 of base64url from 24 random bytes). */
	static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{16,128}");

	static final String INSTANCE_HEADER = "X-OneGo-Instance";
	static final String TIMESTAMP_HEADER = "X-OneGo-Timestamp";
	static final String NONCE_HEADER = "X-OneGo-Nonce";
	static final String SIGNATURE_HEADER = "X-OneGo-Signature";

	/** The path of a message: what the canonical string names. */
	static String messagePath(String messageId) {
		return "/federation/v1/messages/" + messageId;
	}

	/** The text that is signed, in UTF-8. */
	String canonical() {
		return method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + sm3Hex(body);
	}

	/** The base64 signature of the canonical string with this key. */
	String signWith(InstanceKey key) {
		return Base64.getEncoder().encodeToString(key.sign(canonical().getBytes(StandardCharsets.UTF_8)));
	}

	/** Whether the base64 signature is this request's by the holder of that key (a malformed one is not). */
	boolean signedBy(PublicKey key, String signature) {
		if (signature == null || signature.isBlank() || signature.length() > 256) {
			return false;
		}
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(signature.strip());
		}
		catch (IllegalArgumentException e) {
			return false;
		}
		return InstanceKey.verify(key, canonical().getBytes(StandardCharsets.UTF_8), decoded);
	}

	/** Whether the timestamp is an ISO-8601 instant within {@link #WINDOW} of now. */
	boolean timelyAt(Instant now) {
		if (timestamp == null || timestamp.length() > 40) {
			return false;
		}
		try {
			return Duration.between(Instant.parse(timestamp), now).abs().compareTo(WINDOW) <= 0;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	boolean nonceWellFormed() {
		return nonce != null && NONCE.matcher(nonce).matches();
	}

	/** The SM3 digest (GB/T 32905) of the bytes, as 64 lower-case hex digits. */
	static String sm3Hex(byte[] bytes) {
		SM3Digest digest = new SM3Digest();
		digest.update(bytes, 0, bytes.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}
}

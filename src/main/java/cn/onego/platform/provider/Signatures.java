package cn.onego.platform.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 over the signing time and the body, hex: what a provider and OneGo sign their requests with. */
public final class Signatures {

	private Signatures() {
	}

	public static String sign(String secret, long epochSeconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((epochSeconds + "\n").getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

	/** Compared in constant time, so that the comparison tells nothing about how much of it was right. */
	static boolean matches(String secret, long epochSeconds, byte[] body, String signature) {
		return signature != null && MessageDigest.isEqual(sign(secret, epochSeconds, body).getBytes(StandardCharsets.US_ASCII),
				signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}
}

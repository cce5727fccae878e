package cn.onego.idp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The identity provider's randomness and hashing: BCrypt for passwords and one-time codes (a code has only
 * a million values, so a fast hash would give them away to anyone who reads the table), SHA-256 for the
 * long random handles of registrations. Not a bean: the application's own {@code PasswordEncoder} bean
 * stays the only one, as Spring Authorization Server expects.
 */
final class Secrets {

	static final PasswordEncoder BCRYPT = new BCryptPasswordEncoder();
	private static final SecureRandom random = new SecureRandom();

	private Secrets() {
	}

	/** A six-digit one-time code, leading zeros included. */
	static String sixDigits() {
		return String.format("%06d", random.nextInt(1_000_000));
	}

	/** 256 random bits, URL-safe. */
	static String handle() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String value) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

package cn.onego.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Personal data sealed for the database and opened again: ID numbers, mobile numbers, addresses, the values of
 * forms, registry records. Each value is sealed with SM4-GCM (GB/T 32907, the national block cipher, in the
 * authenticated GCM mode) under the current data key and a random 96-bit nonce, with the table and column it
 * belongs to as associated data — so a sealed value copied into another column does not open — and stored as
 * one text:
 * <pre>
 * k&lt;key id&gt;:&lt;Base64(nonce ‖ ciphertext ‖ 128-bit tag)&gt;      e.g. k1:q7Zk…
 * </pre>
 * A look-up by ID number (or mobile) compares its <em>blind index</em> instead: HMAC-SM3 under a key of its own
 * of the normalised value, the same for the same value, telling nothing without the key.
 * <p>
 * A cipher and a MAC are kept per thread and keys are SecretKey objects held by {@link DataKeys}, so sealing
 * costs one SM4-GCM pass over a few dozen bytes, a few microseconds.
 */
public final class PersonalData {

	private static final java.security.Provider BC = new BouncyCastleProvider();
	private static final Pattern ENVELOPE = Pattern.compile("k(\\d{1,9}):([A-Za-z0-9+/=]+)");
	private static final int NONCE_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final SecureRandom random = new SecureRandom();

	private final DataKeys keys;
	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> instance("SM4/GCM/NoPadding"));
	private final ThreadLocal<Mac> macs;

	public PersonalData(DataKeys keys) {
		this.keys = keys;
		SecretKey indexKey = keys.indexKey();
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HMACSM3", BC);
				mac.init(indexKey);
				return mac;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("HMAC-SM3 is not available", e);
			}
		});
	}

	public DataKeys keys() {
		return keys;
	}

	/**
	 * The value sealed under the current key for one column ({@code "account.id_number"}); {@code null} stays
	 * {@code null}.
	 */
	public String seal(String plain, String column) {
		if (plain == null) {
			return null;
		}
		int id = keys.current();
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, keys.key(id), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
			return "k" + id + ":" + Base64.getEncoder().encodeToString(out.array());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SM4-GCM failed to seal a value of " + column, e);
		}
	}

	/**
	 * The plain value of what {@link #seal} stored for the column. A value without the envelope is a row written
	 * before its column was sealed, read as it is until {@link Resealing} has sealed it (at start-up).
	 *
	 * @throws Tampered when the value was changed, or belongs to another column
	 */
	public String open(String stored, String column) {
		if (stored == null) {
			return null;
		}
		Matcher envelope = ENVELOPE.matcher(stored);
		if (!envelope.matches()) {
			return stored;
		}
		byte[] bytes = Base64.getDecoder().decode(envelope.group(2));
		if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
			throw new Tampered(column);
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, keys.key(Integer.parseInt(envelope.group(1))),
					new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
			cipher.updateAAD(column.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException e) {
			throw new Tampered(column);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SM4-GCM failed to open a value of " + column, e);
		}
	}

	/**
	 * The blind index of an ID number, a mobile number or a credit code: HMAC-SM3 of the value stripped and in
	 * upper case (an ID number's check character {@code x} is {@code X}), Base64 without padding (43 characters).
	 */
	public String index(String value) {
		if (value == null) {
			return null;
		}
		byte[] mac = macs.get().doFinal(value.strip().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
		return Base64.getEncoder().withoutPadding().encodeToString(mac);
	}

	/** Whether a stored value is sealed ({@code k<id>:…}), not a value written before its column was. */
	public static boolean sealed(String stored) {
		return stored != null && ENVELOPE.matcher(stored).matches();
	}

	/** The id of the key a sealed value names. */
	public static int keyOf(String stored) {
		Matcher envelope = ENVELOPE.matcher(stored);
		if (!envelope.matches()) {
			throw new IllegalArgumentException("not a sealed value");
		}
		return Integer.parseInt(envelope.group(1));
	}

	private static Cipher instance(String transformation) {
		try {
			return Cipher.getInstance(transformation, BC);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(transformation + " is not available", e);
		}
	}

	/** A sealed value does not open: it was changed, or copied from another column. Never says what it held. */
	public static final class Tampered extends IllegalStateException {

		public Tampered(String column) {
			super("A sealed value of " + column + " does not open: changed, or copied from another column");
		}
	}
}

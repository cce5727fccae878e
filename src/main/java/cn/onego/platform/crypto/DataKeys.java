package cn.onego.platform.crypto;

import java.util.SortedSet;

import javax.crypto.SecretKey;

/**
 * Where the keys of personal data live — outside the database, so that a copy of the database (a dump, a
 * stolen disk, a read-only SQL account) holds no personal data in the clear. The port a deployment plugs its
 * key management service (KMS) into; the embedded default is a key file ({@link KeyFile}).
 * <p>
 * Data keys are SM4 keys with small integer ids. Every sealed value names the id of the key it was sealed with
 * ({@code k3:…}), so keys can rotate: a new key becomes the current one, the values are re-sealed with it in
 * batches ({@link Resealing}), and an old key is removed once no value names it. The index key (HMAC-SM3 of the
 * blind index) is separate and does not rotate with them: every index value would have to change at once.
 */
public interface DataKeys {

	/** The id of the key new values are sealed with. */
	int current();

	/** The data key with that id; {@link UnknownDataKey} when it is not (or no longer) held. */
	SecretKey key(int id);

	/** The ids of every data key held, the current one included. */
	SortedSet<Integer> ids();

	/** The key of the blind index (HMAC-SM3), separate from every data key. */
	SecretKey indexKey();

	/** Adds a fresh data key and makes it the current one; its id. */
	int addCurrent();

	/** Removes a data key that is not the current one; values still sealed with it can no longer be opened. */
	void remove(int id);

	/** A value names a key that is not held: it was removed, or the key file is not this database's. */
	final class UnknownDataKey extends IllegalStateException {

		public UnknownDataKey(int id) {
			super("No data key k" + id + " is held: was it removed, or is this key file not the database's?");
		}
	}
}

package cn.onego.shared;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Identifiers that sort by the time they were made: UUID version 7 (RFC 9562, §5.7) — 48 bits of Unix milliseconds,
 * then 74 random bits. A case's id then names the month it was opened in, so cases, their tasks and their history
 * can be partitioned by ranges of the case id (docs/SCALING.md, "Partitioning cases by time") with the primary
 * keys as they are; and new rows land at the right-hand end of the id indexes instead of at random pages.
 */
public final class TimeOrderedIds {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TimeOrderedIds() {
	}

	/** A new id made now. */
	public static UUID next() {
		return at(Instant.now());
	}

	/** A new id whose time part is the instant (for ids made for a given moment, and for tests). */
	public static UUID at(Instant instant) {
		byte[] random = new byte[10];
		RANDOM.nextBytes(random);
		long millis = instant.toEpochMilli();
		long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
		long low = 0x8000_0000_0000_0000L | (toLong(random, 2) & 0x3FFF_FFFF_FFFF_FFFFL);
		return new UUID(high, low);
	}

	/** The instant an id of this kind was made, to the millisecond. */
	public static Instant instantOf(UUID id) {
		if (id.version() != 7) {
			throw new IllegalArgumentException("not a time-ordered (version 7) UUID: " + id);
		}
		return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
	}

	private static long toLong(byte[] bytes, int from) {
		long value = 0;
		for (int i = from; i < from + 8; i++) {
			value = value << 8 | (bytes[i] & 0xFFL);
		}
		return value;
	}
}

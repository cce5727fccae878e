package cn.onego.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash chain of the audit trail: each record's hash is SM3 (GB/T 32905) over the canonical serialisation
 * of all its fields, the previous record's hash of the same partition among them. Pure functions, so that
 * the application, the verification endpoint and the command compute exactly the same bytes.
 * <p>
 * The serialisation is unambiguous: a version tag, then every field in a fixed order as a 4-byte big-endian
 * length and its UTF-8 bytes (length -1 for a missing value), so that no two different records — not even
 * ones that move text from one field to the next — serialise alike. Times count whole microseconds since the
 * epoch, PostgreSQL's precision, so a time read back hashes as it was written.
 */
final class Chain {

	/** The previous hash of a partition's first record. */
	static final String GENESIS = "0".repeat(64);

	private static final String VERSION = "onego-audit-record-v1";
	private static final HexFormat HEX = HexFormat.of();

	private Chain() {
	}

	/** A record's content as hashed: where it sits in its partition, and what it says. */
	record Link(LocalDate day, int shard, long seq, Instant at, String actor, String role, String scope, String action,
			String target, String reason, String requestId, String previousHash) {
	}

	static String hash(Link link) {
		return sm3(canonical(link));
	}

	static byte[] canonical(Link link) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		field(out, VERSION);
		field(out, link.day().toString());
		field(out, Integer.toString(link.shard()));
		field(out, Long.toString(link.seq()));
		field(out, Long.toString(micros(link.at())));
		field(out, link.actor());
		field(out, link.role());
		field(out, link.scope());
		field(out, link.action());
		field(out, link.target());
		field(out, link.reason());
		field(out, link.requestId());
		field(out, link.previousHash());
		return out.toByteArray();
	}

	/** The instant as PostgreSQL keeps it: whole microseconds. */
	static Instant stored(Instant at) {
		return at.truncatedTo(ChronoUnit.MICROS);
	}

	static long micros(Instant at) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, at);
	}

	static String sm3(byte[] bytes) {
		SM3Digest digest = new SM3Digest();
		digest.update(bytes, 0, bytes.length);
		byte[] hash = new byte[digest.getDigestSize()];
		digest.doFinal(hash, 0);
		return HEX.formatHex(hash);
	}

	private static void field(ByteArrayOutputStream out, String value) {
		if (value == null) {
			length(out, -1);
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		length(out, bytes.length);
		out.writeBytes(bytes);
	}

	private static void length(ByteArrayOutputStream out, int length) {
		out.write(length >>> 24);
		out.write(length >>> 16);
		out.write(length >>> 8);
		out.write(length);
	}
}

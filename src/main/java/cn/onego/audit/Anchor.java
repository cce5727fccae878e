package cn.onego.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The daily anchor: the head of every chain of a finished day — its shard, how many records it holds and the
 * last one's hash — signed with the platform's SM2 key. Once a day is anchored, a record altered, deleted or
 * added that day shows even if the whole chain after it was recomputed, since nobody without the private key
 * can sign the new heads.
 *
 * @param day the day whose chains are anchored
 * @param heads each chain's head, by shard
 * @param anchoredAt when it was signed (the platform's clock)
 * @param keyId the id of the key that signed ({@link AnchorKey#id})
 * @param signature the SM3withSM2 signature of {@link #message()}, Base64
 */
public record Anchor(LocalDate day, List<Head> heads, Instant anchoredAt, String keyId, String signature) {

	/** A chain's head: its shard, its number of records (the last one's position) and the last one's hash. */
	public record Head(int shard, long records, String hash) {
	}

	public Anchor {
		heads = heads.stream().sorted(Comparator.comparingInt(Head::shard)).toList();
	}

	/** The heads as stored and signed: {@code shard:records:hash} joined by {@code ;}, by shard. */
	String headsText() {
		return heads.stream().map(h -> h.shard() + ":" + h.records() + ":" + h.hash()).collect(Collectors.joining(";"));
	}

	static List<Head> parseHeads(String text) {
		List<Head> heads = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return heads;
		}
		for (String part : text.split(";")) {
			String[] fields = part.split(":");
			if (fields.length != 3) {
				throw new IllegalArgumentException("not a chain head: " + part);
			}
			heads.add(new Head(Integer.parseInt(fields[0]), Long.parseLong(fields[1]), fields[2]));
		}
		return heads;
	}

	/** The bytes signed: a version tag, the day, the heads, the time and the key, one per line. */
	byte[] message() {
		return String.join("\n", "onego-audit-anchor-v1", day.toString(), headsText(), Long.toString(Chain.micros(anchoredAt)),
				keyId).getBytes(StandardCharsets.UTF_8);
	}
}

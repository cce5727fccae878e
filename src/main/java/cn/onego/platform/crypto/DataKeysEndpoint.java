package cn.onego.platform.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The operators' view of the keys of personal data, at {@code /actuator/datakeys} (system administrators only,
 * like every operations endpoint): which keys are held, which is current, how many values of each sealed
 * column name each key; and the rotation, {@code POST /actuator/datakeys} ({@code tools/rotate-keys}), run by
 * the platform while it serves.
 */
@Component
@Endpoint(id = "datakeys")
class DataKeysEndpoint {

	private final Resealing resealing;
	private final DataKeys keys;

	DataKeysEndpoint(Resealing resealing, DataKeys keys) {
		this.resealing = resealing;
		this.keys = keys;
	}

	/** @param usage per sealed column, the number of values per key ({@code k1}, or {@code plain}: not sealed yet) */
	record Status(int current, SortedSet<Integer> keys, Map<String, Map<String, Long>> usage) {
	}

	@ReadOperation
	Status status() {
		Map<String, Map<String, Long>> usage = new LinkedHashMap<>();
		resealing.usage().forEach((column, perKey) -> {
			Map<String, Long> named = new LinkedHashMap<>();
			perKey.forEach((key, count) -> named.put(key == null ? "plain" : "k" + key, count));
			usage.put(column, named);
		});
		return new Status(keys.current(), keys.ids(), usage);
	}

	/** A new current key, every value re-sealed with it, the keys no value names any more removed. */
	@WriteOperation
	Resealing.Rotation rotate() {
		return resealing.rotate();
	}
}

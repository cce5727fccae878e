package cn.onego.reform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A draft change of the catalogue (改革方案草案): named, written by a reform officer for a region, a list of
 * operations tried on the catalogue in force without publishing anything.
 */
public record Draft(UUID id, String name, String region, String author, List<Operation> operations, Instant createdAt) {

	public Draft {
		operations = List.copyOf(operations);
	}
}

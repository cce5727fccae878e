package cn.onego.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a task (子件); shown and sent as the UUID it wraps. */
public record TaskId(@JsonValue UUID value) {

	public TaskId {
		if (value == null) {
			throw new IllegalArgumentException("a task id is a UUID");
		}
	}

	public static TaskId of(UUID value) {
		return new TaskId(value);
	}

	/** A new id, ordered by the time it was made (see {@link cn.onego.shared.TimeOrderedIds}). */
	static TaskId next() {
		return new TaskId(cn.onego.shared.TimeOrderedIds.next());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

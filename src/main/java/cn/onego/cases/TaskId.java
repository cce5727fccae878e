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

	static TaskId random() {
		return new TaskId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

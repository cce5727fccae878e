package cn.onego.cases;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/** The id of a case (办件); shown and sent as the UUID it wraps. */
public record CaseId(@JsonValue UUID value) {

	public CaseId {
		if (value == null) {
			throw new IllegalArgumentException("a case id is a UUID");
		}
	}

	public static CaseId of(UUID value) {
		return new CaseId(value);
	}

	static CaseId random() {
		return new CaseId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

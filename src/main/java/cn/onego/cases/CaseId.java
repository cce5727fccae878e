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

	/** A new id, ordered by the time it was made (see {@link cn.onego.shared.TimeOrderedIds}). */
	static CaseId next() {
		return new CaseId(cn.onego.shared.TimeOrderedIds.next());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}

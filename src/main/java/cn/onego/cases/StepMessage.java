package cn.onego.cases;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step of the history says: a {@link HistoryText} and its parameters, kept as values (codes, days, counts,
 * people's words) and put into sentences with names when read. Stored as JSON with the step, in the same insert.
 * Parameters without a value (null, an empty list, false) are left out, so that the optional parts of the text
 * fall away.
 */
record StepMessage(HistoryText key, Map<String, Object> params) {

	StepMessage {
		params = Map.copyOf(params);
	}

	/** A message from its key and pairs of parameter name and value; days become {@code yyyy-MM-dd}. */
	static StepMessage of(HistoryText key, Object... namesAndValues) {
		if (namesAndValues.length % 2 != 0) {
			throw new IllegalArgumentException("names and values come in pairs");
		}
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			String name = (String) namesAndValues[i];
			if (key.kindOf(name) == null) {
				throw new IllegalArgumentException(key + " has no parameter " + name);
			}
			Object value = value(namesAndValues[i + 1]);
			if (value != null) {
				params.put(name, value);
			}
		}
		return new StepMessage(key, params);
	}

	private static Object value(Object value) {
		if (value == null || Boolean.FALSE.equals(value) || value instanceof Collection<?> c && c.isEmpty()
				|| value instanceof String s && s.isBlank()) {
			return null;
		}
		if (value instanceof LocalDate day) {
			return day.toString();
		}
		if (value instanceof Collection<?> c) {
			return List.copyOf(c);
		}
		if (value instanceof Enum<?> e) {
			return e.name();
		}
		return value;
	}
}

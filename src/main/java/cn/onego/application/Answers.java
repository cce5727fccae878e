package cn.onego.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The applicant's answers to a matter's situation questions so far: situation code → chosen option
 * values (one for a SINGLE question, any number for a MULTIPLE one).
 */
public record Answers(Map<String, List<String>> values) {

	public static final Answers NONE = new Answers(Map.of());

	public Answers {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		if (values != null) {
			values.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
		}
		values = Collections.unmodifiableMap(copy);
	}

	public static Answers of(String... pairs) {
		Map<String, List<String>> values = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.length; i += 2) {
			values.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
		}
		return new Answers(values);
	}

	public List<String> of(String situation) {
		return values.getOrDefault(situation, List.of());
	}

	public boolean answered(String situation) {
		return !of(situation).isEmpty();
	}
}

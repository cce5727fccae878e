package cn.onego.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A declarative 秒批 rule of an item: every condition on the application's form data and registry
 * facts must hold for the system to approve the item instantly. Facts are named {@code form.ELEMENT}
 * or {@code registry.REGISTRY.KEY}. Kept in the catalogue, evaluated by {@link #holds(Map)}.
 */
public record AutoApproval(String code, List<Condition> when) {

	public enum Operator {
		EQUALS, NOT_EQUALS, IN, LT, LTE, GT, GTE, PRESENT, ABSENT
	}

	public record Condition(String fact, Operator op, List<String> values) {

		boolean holds(Map<String, String> facts) {
			String actual = facts.get(fact);
			return switch (op) {
				case PRESENT -> actual != null && !actual.isBlank();
				case ABSENT -> actual == null || actual.isBlank();
				case EQUALS -> actual != null && actual.equals(values.get(0));
				case NOT_EQUALS -> actual != null && !actual.equals(values.get(0));
				case IN -> actual != null && values.contains(actual);
				case LT, LTE, GT, GTE -> compare(actual, values.get(0)).map(c -> switch (op) {
					case LT -> c < 0;
					case LTE -> c <= 0;
					case GT -> c > 0;
					default -> c >= 0;
				}).orElse(false);
			};
		}

		private static Optional<Integer> compare(String actual, String limit) {
			try {
				return actual == null ? Optional.empty() : Optional.of(new BigDecimal(actual).compareTo(new BigDecimal(limit)));
			}
			catch (NumberFormatException e) {
				return Optional.empty();
			}
		}
	}

	/** Whether every condition holds for the facts. */
	public boolean holds(Map<String, String> facts) {
		return when.stream().allMatch(c -> c.holds(facts));
	}

	/** The registries the rule reads facts from. */
	public List<String> registries() {
		return when.stream()
			.map(Condition::fact)
			.filter(f -> f.startsWith("registry."))
			.map(f -> f.split("\\.")[1])
			.distinct()
			.toList();
	}
}

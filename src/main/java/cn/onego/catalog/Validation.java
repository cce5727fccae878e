package cn.onego.catalog;

import java.math.BigDecimal;

/**
 * Limits on a field's value. Items may tighten a data element's limits; combining keeps the strictest.
 */
public record Validation(Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max, String pattern) {

	public static final Validation NONE = new Validation(null, null, null, null, null);

	/** The strictest of both: the larger minimum, the smaller maximum, the other's pattern if this has none. */
	public Validation strictest(Validation other) {
		if (other == null) {
			return this;
		}
		return new Validation(larger(minLength, other.minLength), smaller(maxLength, other.maxLength),
				larger(min, other.min), smaller(max, other.max), pattern != null ? pattern : other.pattern);
	}

	private static <T extends Comparable<T>> T larger(T a, T b) {
		return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
	}

	private static <T extends Comparable<T>> T smaller(T a, T b) {
		return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
	}
}

package cn.onego.shared;

/**
 * A mainland mobile number (11 digits, {@code 1} first). Shown where a person does not need it whole — lists,
 * exports, logs, messages, error texts — as {@link #mask masked}.
 */
public record MobileNumber(String value) {

	public MobileNumber {
		if (value == null || !value.matches("1\\d{10}")) {
			throw new IllegalArgumentException("not a mobile number");
		}
	}

	/** The number with its middle four digits hidden. */
	public String masked() {
		return mask(value);
	}

	/**
	 * A mobile number with only the first three and the last four digits, {@code 138****5678}; anything shorter
	 * than seven characters is hidden entirely.
	 */
	public static String mask(String value) {
		if (value == null) {
			return null;
		}
		String number = value.strip();
		if (number.length() < 7) {
			return "****";
		}
		return number.substring(0, 3) + "*".repeat(Math.max(4, number.length() - 7)) + number.substring(number.length() - 4);
	}

	@Override
	public String toString() {
		return masked();
	}
}

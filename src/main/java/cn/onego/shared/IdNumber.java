package cn.onego.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * 公民身份号码 per GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence (odd for
 * men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
public record IdNumber(String value) {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };
	private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");

	public IdNumber {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a valid 公民身份号码: " + value);
		}
	}

	/** Whether the value has the right shape, a real birth date and the right check character. */
	public static boolean isValid(String value) {
		if (value == null || !SHAPE.matcher(value).matches()) {
			return false;
		}
		try {
			LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException e) {
			return false;
		}
		return value.charAt(17) == checkCharacter(value.substring(0, 17));
	}

	/** The check character for the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	public LocalDate birthDate() {
		return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	public boolean male() {
		return (value.charAt(16) - '0') % 2 == 1;
	}

	/** The number with the birth date and sequence hidden, for logs and lists. */
	public String masked() {
		return mask(value);
	}

	/**
	 * An identifier shown where a person does not need it whole (lists, exports, logs, messages): the first
	 * four and the last four characters, e.g. {@code 4301**********1234}. Shorter values are hidden entirely.
	 */
	public static String mask(String value) {
		if (value == null) {
			return null;
		}
		return value.length() < 12 ? "*".repeat(value.length())
				: value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
	}

	@Override
	public String toString() {
		return masked();
	}
}

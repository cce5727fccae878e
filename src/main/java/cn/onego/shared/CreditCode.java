package cn.onego.shared;

import java.util.regex.Pattern;

/**
 * 统一社会信用代码 per GB 32100-2015: registration authority, organisation kind, 6-digit region code,
 * the 9-character organisation code of GB 11714 (with its own check character) and a check character
 * over the 31-character alphabet without I, O, Z, S and V.
 */
public record CreditCode(String value) {

	static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
	private static final int[] ORG_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final Pattern SHAPE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}");

	public CreditCode {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a valid 统一社会信用代码: " + value);
		}
	}

	/**
	 * Whether the code has the right shape and check character. The embedded organisation code's own
	 * check (position 17) is verified too, since a wrong one means a mistyped code.
	 */
	public static boolean isValid(String value) {
		if (value == null || !SHAPE.matcher(value).matches()) {
			return false;
		}
		return value.charAt(17) == checkCharacter(value.substring(0, 17))
				&& value.charAt(16) == organisationCheck(value.substring(8, 16));
	}

	/** The GB 32100 check character for the first 17 characters. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return ALPHABET.charAt(check == 31 ? 0 : check);
	}

	/** The GB 11714 check character of an 8-character organisation code body. */
	public static char organisationCheck(String body) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			char c = body.charAt(i);
			int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
			sum += v * ORG_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
	}

	/** The region of the registration authority (positions 3–8). */
	public RegionCode region() {
		return new RegionCode(value.substring(2, 8));
	}

	@Override
	public String toString() {
		return value;
	}
}

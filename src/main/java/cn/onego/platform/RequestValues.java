package cn.onego.platform;

import cn.onego.shared.RegionCode;

/** Request parameters of the shared value types, refused field by field when malformed. */
public final class RequestValues {

	private RequestValues() {
	}

	private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9_\\-]{1,64}");

	/**
	 * A code in a parameter or a path (a matter, a hall, a department, a channel, a case number): letters,
	 * digits, '_' and '-', at most 64; null when it is absent. Anything else — SQL or LIKE metacharacters,
	 * spaces, paths — is refused with 400 instead of being looked up.
	 */
	public static String code(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String code = value.trim();
		if (!CODE.matcher(code).matches()) {
			throw InvalidInput.of(field, "code", Message.of("应为至多64位的字母、数字、下划线或连字符",
					"a code has at most 64 letters, digits, '_' or '-'"));
		}
		return code;
	}

	/** The region code in a parameter, or null when it is absent. */
	public static RegionCode regionCode(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return RegionCode.parse(value.trim())
			.orElseThrow(() -> InvalidInput.of(field, "region-code", Message.of("行政区划代码应为6、9或12位数字",
					"a region code has 6, 9 or 12 digits")));
	}
}

package cn.onego.platform;

import cn.onego.shared.RegionCode;

/** Request parameters of the shared value types, refused field by field when malformed. */
public final class RequestValues {

	private RequestValues() {
	}

	/** The region code in a parameter, or null when it is absent. */
	public static RegionCode regionCode(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return RegionCode.parse(value.trim())
			.orElseThrow(() -> InvalidInput.of(field, "region-code", Message.of("行政区划代码应为6、9或12位数字：" + value,
					"a region code has 6, 9 or 12 digits: " + value)));
	}
}

package cn.onego.cases;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The code of a government service hall (政务服务大厅), e.g. {@code 430102-HALL}: where a case is accepted and
 * issued. Which halls exist is {@link Halls}' business; this type only says that a string is one.
 */
public record HallCode(@JsonValue String value) {

	public HallCode {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("a hall code is not empty");
		}
	}

	public static HallCode of(String value) {
		return new HallCode(value);
	}

	@Override
	public String toString() {
		return value;
	}
}

package cn.onego.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonValue;

import cn.onego.shared.RegionCode;

/**
 * The unified case number (统一受理编号, 一事一号) of a whole matter: the accepting region's GB/T 2260
 * code, the date of submission, an 8-digit serial from one database sequence shared by every instance,
 * and an ISO 7064 MOD 11-2 check character (as on the ID card), e.g. {@code 430102-20261126-00000042-7}.
 * Digits only (but a possible final X), in groups, so it prints on one line and reads aloud without
 * ambiguity; the check character catches a mistyped or misheard digit.
 */
public record CaseNumber(@JsonValue String value) {

	private static final Pattern SHAPE = Pattern.compile("\\d{6}-\\d{8}-\\d{8}-[\\dX]");
	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	public CaseNumber {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a case number: " + value);
		}
	}

	public static CaseNumber of(RegionCode region, LocalDate day, long serial) {
		String body = region.value().substring(0, 6) + "-" + day.format(DAY) + "-" + String.format("%08d", serial % 100_000_000L);
		return new CaseNumber(body + "-" + check(body.replace("-", "")));
	}

	public static boolean isValid(String value) {
		return value != null && SHAPE.matcher(value).matches()
				&& value.charAt(value.length() - 1) == check(value.substring(0, value.length() - 2).replace("-", ""));
	}

	/** ISO 7064 MOD 11-2 over the digits. */
	static char check(String digits) {
		int p = 0;
		for (int i = 0; i < digits.length(); i++) {
			p = ((p + digits.charAt(i) - '0') * 2) % 11;
		}
		int c = (12 - p % 11) % 11;
		return c == 10 ? 'X' : (char) ('0' + c);
	}

	/** The digits spoken in groups, as a clerk reads them on the phone: "四三零一零二，二零二六一一二六，…". */
	public String spoken() {
		String[] names = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
		StringBuilder out = new StringBuilder();
		for (char c : value.toCharArray()) {
			out.append(c == '-' ? "，" : c == 'X' ? "叉" : names[c - '0']);
		}
		return out.toString();
	}

	@Override
	public String toString() {
		return value;
	}
}

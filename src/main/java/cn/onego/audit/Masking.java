package cn.onego.audit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.onego.shared.IdNumber;

/**
 * The audit trail keeps who read whose data, not the data: ID numbers ({@code 4301**********1234}) and mobile
 * numbers ({@code 138****5678}) in a record's free text are masked, and the text is cut at
 * {@value #LONGEST} characters.
 */
final class Masking {

	static final int LONGEST = 2000;

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
	private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9]\\d)\\d{4}(\\d{4})(?![0-9])");

	private Masking() {
	}

	static String masked(String text) {
		if (text == null) {
			return null;
		}
		String cut = text.length() > LONGEST ? text.substring(0, LONGEST) + "…" : text;
		Matcher ids = ID_NUMBER.matcher(cut);
		String withoutIds = ids.replaceAll(match -> Matcher.quoteReplacement(IdNumber.mask(match.group())));
		return MOBILE.matcher(withoutIds).replaceAll("$1****$2");
	}
}

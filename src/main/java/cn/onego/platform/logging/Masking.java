package cn.onego.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the personal numbers a log line must not carry in full: an 18-character 公民身份号码 keeps its first and
 * last four characters ({@code 4301**********1234}), a mainland mobile number its first three and last four
 * digits ({@code 138****5678}, also with {@code +86} or separators). The rule is that the code never logs
 * them; this is the net behind the rule, applied to every log message by {@link MaskingTurboFilter}.
 */
public final class Masking {

	// 17 digits and a check character, not part of a longer run of digits (a UUID never holds 18 digits in a row)
	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([1-9][0-9]{3})[0-9]{10}([0-9]{3}[0-9Xx])(?![0-9Xx])");

	// 1[3-9]x xxxx xxxx, optionally after +86 / 86 and with a space or hyphen between the groups
	private static final Pattern MOBILE = Pattern
		.compile("(?<![0-9])((?:\\+?86[- ]?)?1[3-9][0-9])[- ]?[0-9]{4}[- ]?([0-9]{4})(?![0-9])");

	private Masking() {
	}

	/** Whether the text holds a full ID or mobile number. */
	public static boolean needed(String text) {
		return text != null && (ID_NUMBER.matcher(text).find() || MOBILE.matcher(text).find());
	}

	/** The text with every full ID and mobile number masked; null stays null. */
	public static String mask(String text) {
		if (text == null || text.length() < 11) {
			return text;
		}
		Matcher id = ID_NUMBER.matcher(text);
		String masked = id.find() ? id.replaceAll("$1**********$2") : text;
		Matcher mobile = MOBILE.matcher(masked);
		return mobile.find() ? mobile.replaceAll("$1****$2") : masked;
	}
}

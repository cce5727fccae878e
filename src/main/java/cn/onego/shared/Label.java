package cn.onego.shared;

import java.util.Locale;
import java.util.Objects;

/**
 * A text in Chinese and English. Chinese is the language of record; English is optional and falls
 * back to Chinese.
 */
public record Label(String zh, String en) {

	public Label {
		Objects.requireNonNull(zh, "zh");
	}

	public static Label of(String zh, String en) {
		return new Label(zh, en);
	}

	/** The text for a locale: English for any English locale, Chinese otherwise. */
	public String in(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) && en != null && !en.isBlank() ? en : zh;
	}

	/** Whether either language contains the keyword, ignoring case. */
	public boolean contains(String keyword) {
		String k = keyword.toLowerCase(Locale.ROOT);
		return zh.toLowerCase(Locale.ROOT).contains(k) || (en != null && en.toLowerCase(Locale.ROOT).contains(k));
	}
}

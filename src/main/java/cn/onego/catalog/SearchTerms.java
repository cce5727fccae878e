package cn.onego.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * How people type what they want, made comparable with what the catalogue calls it: the text without spaces and
 * punctuation, without the words that carry no meaning for the search ("我想", "怎么办", "手续"), in pinyin and its
 * initials, and cut into the characters and pairs of characters that a tolerant comparison counts. Pure functions.
 */
final class SearchTerms {

	private SearchTerms() {
	}

	private static final Pattern NOT_A_WORD = Pattern.compile("[\\s\\p{Punct}\\p{IsPunctuation}，。？！、“”‘’（）《》：；…—]+");

	/**
	 * What people add around what they want: longest first, so that "怎么办理" goes before "办理". Never a word that
	 * names a matter by itself ("办证" stays).
	 */
	private static final List<String> FILLERS = List.of("请问一下", "我想要", "我需要", "我打算", "我准备", "想咨询", "怎么办理", "如何办理",
			"需要什么", "要什么", "在哪里", "去哪里", "去哪儿", "在哪儿", "怎么弄", "怎么办", "怎样", "怎么", "如何", "哪里", "哪儿", "我要",
			"我想", "想要", "打算", "准备", "请问", "咨询", "办理", "申请", "手续", "流程", "材料", "一下", "相关", "有关", "的事", "事情",
			"业务", "需要", "可以", "吗", "呢", "啊", "吧", "了", "的", "我", "想", "要");

	/** English words that carry nothing for the search. */
	static final Set<String> ENGLISH_FILLERS = Set.of("a", "an", "the", "of", "to", "for", "my", "i", "want", "how", "do", "apply",
			"need", "get", "please");

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
	}

	/** Lower case, without spaces and punctuation. */
	static String normalized(String text) {
		return text == null ? "" : NOT_A_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
	}

	/** The normalized text without the words that mean nothing to the search; the text itself if nothing is left. */
	static String core(String normalized) {
		String core = normalized;
		for (String filler : FILLERS) {
			core = core.replace(filler, "");
		}
		return core.isEmpty() ? normalized : core;
	}

	/** The words of an English text, lower case, without the ones that carry nothing. */
	static List<String> words(String english) {
		if (english == null) {
			return List.of();
		}
		return java.util.Arrays.stream(english.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
			.filter(word -> !word.isEmpty() && !ENGLISH_FILLERS.contains(word))
			.toList();
	}

	/** Whether the query is typed in Latin letters (pinyin, its initials, or English). */
	static boolean latin(String normalized) {
		return !normalized.isEmpty() && normalized.chars().allMatch(c -> c < 128);
	}

	/** The pinyin of the Chinese characters, toneless and joined ("餐饮" → "canyin"); other characters as they are. */
	static String pinyin(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			String[] readings = readings(c);
			out.append(readings == null || readings.length == 0 ? String.valueOf(c) : readings[0]);
		}
		return out.toString();
	}

	/** The initials of the pinyin ("餐饮" → "cy"). */
	static String initials(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			String[] readings = readings(c);
			if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
				out.append(readings[0].charAt(0));
			}
		}
		return out.toString();
	}

	private static String[] readings(char c) {
		try {
			return PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
		}
		catch (BadHanyuPinyinOutputFormatCombination e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * How alike two texts are, from 0 to 1: the Dice coefficient of their characters and of their pairs of
	 * characters, averaged — tolerant to a word added ("开个餐馆" for "开餐馆") or one mistyped.
	 */
	static double similarity(String a, String b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		return (dice(grams(a, 1), grams(b, 1)) + dice(grams(a, 2), grams(b, 2))) / 2;
	}

	private static Set<String> grams(String text, int n) {
		Set<String> grams = new HashSet<>();
		if (text.length() < n) {
			grams.add(text);
			return grams;
		}
		for (int i = 0; i + n <= text.length(); i++) {
			grams.add(text.substring(i, i + n));
		}
		return grams;
	}

	private static double dice(Set<String> a, Set<String> b) {
		Set<String> common = new HashSet<>(a);
		common.retainAll(b);
		return 2.0 * common.size() / (a.size() + b.size());
	}

	/** Whether every character of {@code part} appears in {@code whole}, in the same order. */
	static boolean subsequence(String part, String whole) {
		int at = 0;
		for (int i = 0; i < whole.length() && at < part.length(); i++) {
			if (whole.charAt(i) == part.charAt(at)) {
				at++;
			}
		}
		return at == part.length();
	}

	/** The edit distance of two short texts (pinyin typed with a letter wrong, missing or too many). */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}

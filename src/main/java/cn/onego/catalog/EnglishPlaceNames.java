package cn.onego.catalog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The English name of a region, as China writes its place names abroad: the proper name in pinyin, the kind of
 * division translated (长沙市 → Changsha City, 芙蓉区 → Furong District). The register of divisions has no
 * English column; the rule covers it, and the few names it would spell wrongly are written out here.
 */
final class EnglishPlaceNames {

	/** Names the rule gets wrong: a reading of a character other than its first, or an ethnic group's name. */
	private static final Map<String, String> WRITTEN_OUT = Map.ofEntries(
			Map.entry("湘西土家族苗族自治州", "Xiangxi Tujia and Miao Autonomous Prefecture"),
			Map.entry("市辖区", "City districts"),
			Map.entry("省直辖县级行政区划", "County-level divisions under the province"),
			Map.entry("县", "Counties"));

	/** The kinds of division by the end of their Chinese name, the longest first. */
	private static final List<Map.Entry<String, String>> KINDS = List.of(Map.entry("特别行政区", "Special Administrative Region"),
			Map.entry("自治区", "Autonomous Region"), Map.entry("自治州", "Autonomous Prefecture"), Map.entry("自治县", "Autonomous County"),
			Map.entry("自治旗", "Autonomous Banner"), Map.entry("林区", "Forest District"), Map.entry("新区", "New Area"),
			Map.entry("地区", "Prefecture"), Map.entry("街道", "Subdistrict"), Map.entry("省", "Province"), Map.entry("市", "City"),
			Map.entry("区", "District"), Map.entry("县", "County"), Map.entry("盟", "League"), Map.entry("旗", "Banner"),
			Map.entry("镇", "Town"), Map.entry("乡", "Township"));

	/** Ethnic groups in the names of autonomous divisions, which the rule would otherwise spell as one word. */
	private static final List<Map.Entry<String, String>> GROUPS = List.of(Map.entry("土家族", " Tujia"), Map.entry("苗族", " Miao"),
			Map.entry("侗族", " Dong"), Map.entry("瑶族", " Yao"), Map.entry("壮族", " Zhuang"), Map.entry("回族", " Hui"),
			Map.entry("藏族", " Tibetan"), Map.entry("蒙古族", " Mongol"), Map.entry("彝族", " Yi"), Map.entry("白族", " Bai"),
			Map.entry("哈尼族", " Hani"), Map.entry("傣族", " Dai"), Map.entry("布依族", " Buyei"), Map.entry("朝鲜族", " Korean"),
			Map.entry("满族", " Manchu"), Map.entry("畲族", " She"), Map.entry("各族", ""));

	/**
	 * A place name read the common way where a character has several readings, and a character of a local name
	 * the pinyin table lacks (㮾梨, Langli).
	 */
	private static final Map<Character, String> READINGS = Map.ofEntries(Map.entry('长', "chang"), Map.entry('乐', "le"),
			Map.entry('都', "du"), Map.entry('重', "chong"), Map.entry('行', "xing"), Map.entry('朝', "chao"), Map.entry('单', "shan"),
			Map.entry('蚌', "beng"), Map.entry('番', "pan"), Map.entry('会', "hui"), Map.entry('㮾', "lang"));

	private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

	static {
		FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		FORMAT.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
	}

	private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

	private EnglishPlaceNames() {
	}

	/** The English name of the region named in Chinese. */
	static String of(String chinese) {
		return CACHE.computeIfAbsent(chinese, EnglishPlaceNames::translate);
	}

	private static String translate(String chinese) {
		String written = WRITTEN_OUT.get(chinese);
		if (written != null) {
			return written;
		}
		String kind = "";
		String proper = chinese;
		for (Map.Entry<String, String> k : KINDS) {
			// a name that is only its kind (a two-character name ending 县) keeps the character as a syllable
			if (chinese.endsWith(k.getKey()) && chinese.length() > k.getKey().length() + 1) {
				kind = " " + k.getValue();
				proper = chinese.substring(0, chinese.length() - k.getKey().length());
				break;
			}
		}
		StringBuilder groups = new StringBuilder();
		for (Map.Entry<String, String> group : GROUPS) {
			int at = proper.indexOf(group.getKey());
			if (at > 0) {
				groups.append(group.getValue().isEmpty() ? "" : groups.isEmpty() ? group.getValue() : " and" + group.getValue());
				proper = proper.replace(group.getKey(), "");
			}
		}
		return capitalised(pinyin(proper)) + groups + kind;
	}

	private static String pinyin(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			String reading = READINGS.get(c);
			if (reading == null) {
				try {
					String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
					reading = readings == null || readings.length == 0 ? String.valueOf(c) : readings[0];
				}
				catch (BadHanyuPinyinOutputFormatCombination e) {
					throw new IllegalStateException(e);
				}
			}
			// a syllable starting with a vowel after another is set apart, as in Xi'an
			if (!out.isEmpty() && "aeo".indexOf(reading.charAt(0)) >= 0) {
				out.append('\'');
			}
			out.append(reading);
		}
		return out.toString();
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}
}

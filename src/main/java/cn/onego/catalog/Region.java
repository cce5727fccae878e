package cn.onego.catalog;

import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/** An administrative division; {@code parent} is null for provinces. */
public record Region(RegionCode code, String name, RegionLevel level, RegionCode parent) {

	/** The name as written in English: the proper name in pinyin, the kind translated (芙蓉区, Furong District). */
	public String nameEn() {
		return EnglishPlaceNames.of(name);
	}

	/** The name in both languages. */
	public Label label() {
		return new Label(name, nameEn());
	}
}

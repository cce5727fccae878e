package cn.onego.catalog;

import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * A department of a region, or of a park when {@code park} is set. Its code is
 * {@code <regionCode>-<TYPE>} (or {@code <parkCode>-<TYPE>}). Its English name is made from its kind and its
 * region's English name (Market regulation, Furong District), the catalogue having no English for each.
 */
public record Department(String code, String name, String type, RegionCode region, String park, String nameEn) {

	/** The name in both languages. */
	public Label label() {
		return new Label(name, nameEn);
	}
}

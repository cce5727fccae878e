package cn.onego.catalog;

import cn.onego.shared.Label;

/**
 * A kind of department (市场监管, 公安 …). Non-government co-handlers (utilities, hospitals, banks)
 * are department types too, marked {@code government = false}.
 */
public record DepartmentType(String code, Label name, String nameTemplate, boolean government) {

	public String nameIn(Region region) {
		return nameTemplate.replace("{region}", region.name());
	}
}

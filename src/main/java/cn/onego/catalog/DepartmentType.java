package cn.onego.catalog;

import java.util.Map;

import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.shared.Label;

/**
 * A kind of department (市场监管, 公安 …). Non-government co-handlers (utilities, hospitals, banks)
 * are department types too, marked {@code government = false}. Names follow a template, with variants
 * where the level changes the name (湖南省公安厅 but 长沙市公安局; 消防救援总队, 支队, 大队).
 */
public record DepartmentType(String code, Label name, String nameTemplate, Map<RegionLevel, String> nameByLevel,
		boolean government) {

	public String nameIn(Region region) {
		return nameByLevel.getOrDefault(region.level(), nameTemplate).replace("{region}", region.name());
	}
}

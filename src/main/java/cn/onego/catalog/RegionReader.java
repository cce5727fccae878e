package cn.onego.catalog;

import static cn.onego.catalog.CatalogueReader.REGIONS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.shared.RegionCode;

/**
 * Reads regions.csv, the administrative regions (GB/T 2260 codes and their town and village
 * extensions). It is CSV, not YAML, because the national list has tens of thousands of rows that are
 * maintained as a table.
 */
final class RegionReader {

	private final CatalogueDraft draft;

	RegionReader(CatalogueDraft draft) {
		this.draft = draft;
	}

	void read(CatalogueDocuments documents) {
		String content = documents.text(REGIONS);
		if (content == null) {
			return;
		}
		Map<RegionCode, Region> regions = draft.regions;
		String[] lines = content.split("\r?\n");
		Map<RegionCode, Integer> lineOf = new HashMap<>();
		boolean header = false;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			int number = i + 1;
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (!header) {
				header = true;
				if (!line.equals("code,name,level,parent")) {
					documents.lineError(REGIONS, number, "表头应为 code,name,level,parent",
							"the header must be code,name,level,parent");
				}
				continue;
			}
			List<String> cells = csvCells(line);
			if (cells.size() != 4) {
				documents.lineError(REGIONS, number, "应有4列，实有" + cells.size() + "列",
						"expected 4 columns, found " + cells.size());
				continue;
			}
			String code = cells.get(0);
			if (!RegionCode.isWellFormed(code)) {
				documents.lineError(REGIONS, number, "行政区划代码无效：" + code, "invalid region code: " + code);
				continue;
			}
			RegionLevel level;
			try {
				level = RegionLevel.valueOf(cells.get(2));
			}
			catch (IllegalArgumentException e) {
				documents.lineError(REGIONS, number, "层级无效：" + cells.get(2), "invalid level: " + cells.get(2));
				continue;
			}
			int expectedLength = switch (level) {
				case PROVINCE, PREFECTURE, COUNTY -> 6;
				case TOWN -> 9;
				case VILLAGE -> 12;
			};
			if (code.length() != expectedLength) {
				documents.lineError(REGIONS, number, "代码 " + code + " 的位数与层级 " + level + " 不符",
						"code " + code + " does not have the length of level " + level);
			}
			RegionCode parent = null;
			if (!cells.get(3).isEmpty()) {
				if (!RegionCode.isWellFormed(cells.get(3))) {
					documents.lineError(REGIONS, number, "上级代码无效：" + cells.get(3),
							"invalid parent code: " + cells.get(3));
					continue;
				}
				parent = RegionCode.of(cells.get(3));
			}
			else if (level != RegionLevel.PROVINCE) {
				documents.lineError(REGIONS, number, "非省级区划必须有上级", "a region below province level needs a parent");
			}
			RegionCode regionCode = RegionCode.of(code);
			if (regions.containsKey(regionCode)) {
				documents.lineError(REGIONS, number, "行政区划代码重复：" + code, "duplicate region code: " + code);
				continue;
			}
			regions.put(regionCode, new Region(regionCode, cells.get(1), level, parent));
			lineOf.put(regionCode, number);
		}
		// parents are checked once all rows are read: the file need not list a parent before its children
		for (Region region : regions.values()) {
			if (region.parent() == null) {
				continue;
			}
			Region parent = regions.get(region.parent());
			if (parent == null) {
				documents.lineError(REGIONS, lineOf.get(region.code()), "上级区划不存在：" + region.parent(),
						"parent region does not exist: " + region.parent());
			}
			else if (parent.level().ordinal() >= region.level().ordinal()) {
				documents.lineError(REGIONS, lineOf.get(region.code()), "上级区划 " + parent.code() + " 的层级不高于本级",
						"parent region " + parent.code() + " is not of a higher level");
			}
		}
	}

	static List<String> csvCells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(cell.toString().strip());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString().strip());
		return cells;
	}
}

package cn.onego.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * Reads department-types.yaml and departments.yaml. Departments are not listed one by one: a
 * placement puts a standard set of department types into every region of some levels under a region
 * (a city has its 市场监管局, 公安局 …), and a park gets the PARK set, so a catalogue covering a province
 * stays a page long.
 */
final class DepartmentReader {

	private static final List<String> SETS = List.of("PROVINCE", "CITY", "COUNTY", "TOWN", "PARK");

	private final CatalogueDraft draft;

	DepartmentReader(CatalogueDraft draft) {
		this.draft = draft;
	}

	void readType(YamlCursor at) {
		String code = at.get("code").text();
		Label name = at.get("name").label();
		String template = at.get("nameTemplate").text();
		if (template != null && !template.contains("{region}")) {
			at.get("nameTemplate").error("名称模板须包含 {region}", "the name template must contain {region}");
		}
		Map<RegionLevel, String> byLevel = new EnumMap<>(RegionLevel.class);
		YamlCursor levels = at.get("nameByLevel");
		if (levels.present()) {
			for (RegionLevel level : RegionLevel.values()) {
				String variant = levels.get(level.name()).text();
				if (variant == null) {
					continue;
				}
				if (!variant.contains("{region}")) {
					levels.get(level.name()).error("名称模板须包含 {region}", "the name template must contain {region}");
				}
				byLevel.put(level, variant);
			}
		}
		if (code != null && name != null && template != null) {
			draft.register(draft.departmentTypes, code, new DepartmentType(code, name, template, Map.copyOf(byLevel),
					at.get("government").bool(true)), at, "部门类型", "department type");
		}
	}

	void readPlacements(YamlCursor file) {
		Map<String, List<String>> sets = new LinkedHashMap<>();
		YamlCursor standardSets = file.get("standardSets");
		for (String name : SETS) {
			YamlCursor set = standardSets.get(name);
			if (set.present()) {
				sets.put(name, set.list().stream().map(draft::departmentTypeRef).filter(t -> t != null).toList());
			}
		}
		for (YamlCursor placement : file.get("placements").list()) {
			place(placement, sets);
		}
		for (YamlCursor park : file.get("parks").list()) {
			readPark(park, sets.getOrDefault("PARK", List.of()));
		}
	}

	private void place(YamlCursor placement, Map<String, List<String>> sets) {
		List<String> types = new ArrayList<>();
		String set = placement.get("set").text();
		if (set != null) {
			if (!sets.containsKey(set)) {
				placement.get("set").error("部门集合不存在：" + set, "unknown department set: " + set);
			}
			else {
				types.addAll(sets.get(set));
			}
		}
		placement.get("types").list().stream().map(draft::departmentTypeRef).filter(t -> t != null).forEach(types::add);
		List<Region> targets = new ArrayList<>();
		if (placement.get("region").present()) {
			RegionCode code = draft.regionRef(placement.get("region"));
			if (code != null) {
				targets.add(draft.regions.get(code));
			}
		}
		else if (placement.get("under").present()) {
			RegionCode under = draft.regionRef(placement.get("under"));
			List<RegionLevel> levels = placement.get("levels").enums(RegionLevel.class);
			if (under != null) {
				for (Region region : draft.regions.values()) {
					if (levels.contains(region.level()) && isWithin(region.code(), under)) {
						targets.add(region);
					}
				}
			}
		}
		else {
			placement.error("须给出 region 或 under", "either region or under is required");
		}
		for (Region region : targets) {
			for (String type : types) {
				String code = region.code().value() + "-" + type;
				draft.departments.putIfAbsent(code,
						new Department(code, draft.departmentTypes.get(type).nameIn(region), type, region.code(), null,
								englishName(draft.departmentTypes.get(type), region.nameEn())));
			}
		}
	}

	private void readPark(YamlCursor park, List<String> parkSet) {
		String code = park.get("code").text();
		Label name = park.get("name").label();
		RegionCode region = park.get("region").present() ? draft.regionRef(park.get("region")) : null;
		if (code != null && name != null && region != null) {
			draft.register(draft.parks, code, new Park(code, name, region), park, "园区", "park");
			for (String type : parkSet) {
				String departmentCode = code + "-" + type;
				String departmentName = draft.departmentTypes.get(type).nameTemplate().replace("{region}", name.zh());
				draft.departments.putIfAbsent(departmentCode, new Department(departmentCode, departmentName, type, region, code,
						englishName(draft.departmentTypes.get(type), name.en() != null && !name.en().isBlank() ? name.en() : EnglishPlaceNames.of(name.zh()))));
			}
		}
	}

	private boolean isWithin(RegionCode region, RegionCode ancestor) {
		Region current = draft.regions.get(region);
		// a bound on the walk up: a region is at most five levels deep, and a cycle of parents must not hang the import
		int guard = 0;
		while (current != null && guard++ < 8) {
			if (current.code().equals(ancestor)) {
				return true;
			}
			current = current.parent() == null ? null : draft.regions.get(current.parent());
		}
		return false;
	}

	/** A department's English name: its kind, then where (Market regulation, Furong District). */
	private static String englishName(DepartmentType type, String where) {
		String kind = type.name().en() == null || type.name().en().isBlank() ? type.code() : type.name().en();
		return kind + ", " + where;
	}
}

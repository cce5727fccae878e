package cn.onego.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.onego.catalog.Enums.Theme;
import cn.onego.cases.Halls.Hall;
import cn.onego.cases.Halls.WindowCategory;
import cn.onego.shared.RegionCode;

/**
 * The halls and window categories as one immutable value: what {@link Halls} answers from between two changes. The
 * routing rule lives here, as a pure function of this value, so that it is tested without a database.
 *
 * @param lastChange the last {@code hall_change} this value includes: whether another node changed something since
 */
record HallDirectory(Map<String, Hall> halls, List<WindowCategory> categories, Map<Theme, String> categoryOfTheme,
		long lastChange) {

	HallDirectory {
		halls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(halls));
		categories = List.copyOf(categories);
		categoryOfTheme = Map.copyOf(categoryOfTheme);
	}

	/**
	 * The category of window a theme's matters go to: the one the data names, else the rule the four shipped
	 * categories follow (a theme a later catalogue adds lands somewhere rather than nowhere).
	 */
	String categoryOf(Theme theme) {
		String mapped = categoryOfTheme.get(theme);
		if (mapped != null) {
			return mapped;
		}
		return theme.enterprise ? "BUSINESS" : "SOCIAL_AFFAIRS";
	}

	Optional<WindowCategory> category(String code) {
		return categories.stream().filter(c -> c.code().equals(code)).findFirst();
	}

	/**
	 * NearestOpenHallThatAcceptsTheCategory: going up the applicant's lineage (the region itself first), the first
	 * open hall of a region whose windows accept the category. A closed hall keeps its cases but gets no new ones.
	 */
	Optional<Hall> competent(List<RegionCode> lineage, String category) {
		for (RegionCode region : lineage) {
			Optional<Hall> hall = halls.values()
				.stream()
				.filter(h -> h.region().equals(region) && h.open() && h.accepts(category))
				.findFirst();
			if (hall.isPresent()) {
				return hall;
			}
		}
		return Optional.empty();
	}
}

package cn.onego.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.Theme;
import cn.onego.platform.NotFound;
import cn.onego.shared.RegionCode;

/** Reads of the catalogue in force, for every module and for the public API. */
@Service
public class CatalogQueries {

	private final CatalogueInForce inForce;

	CatalogQueries(CatalogueInForce inForce) {
		this.inForce = inForce;
	}

	/** The whole catalogue version in force; hold on to it to read several things consistently. */
	public Catalogue catalogue() {
		return inForce.get();
	}

	/**
	 * Search criteria; every one is optional. The keyword may hold several words separated by spaces,
	 * all of which must match (name, aliases, description, item names or department names).
	 */
	public record MatterSearch(String keyword, Theme theme, ApplicantType applicantType, RegionCode region) {
	}

	/** A matter found, with how well it matched (higher first). */
	public record Found(Matter matter, int score) {
	}

	public List<Found> searchMatters(MatterSearch search) {
		Catalogue catalogue = inForce.get();
		if (search.region() != null && catalogue.region(search.region()).isEmpty()) {
			throw new NotFound("行政区划", "Region", search.region().value());
		}
		List<Matter> candidates = search.region() == null ? List.copyOf(catalogue.matters())
				: catalogue.mattersOfferedIn(search.region());
		List<String> words = search.keyword() == null ? List.of()
				: Arrays.stream(search.keyword().trim().split("\\s+")).filter(w -> !w.isBlank()).toList();
		List<Found> found = new ArrayList<>();
		for (Matter matter : candidates) {
			if (search.theme() != null && matter.theme() != search.theme()) {
				continue;
			}
			if (search.applicantType() != null && matter.applicantType() != search.applicantType()) {
				continue;
			}
			int score = 0;
			boolean all = true;
			for (String word : words) {
				int wordScore = score(catalogue, matter, word.toLowerCase(Locale.ROOT));
				if (wordScore == 0) {
					all = false;
					break;
				}
				score += wordScore;
			}
			if (all) {
				found.add(new Found(matter, score));
			}
		}
		found.sort(Comparator.comparingInt(Found::score).reversed().thenComparing(f -> f.matter().code()));
		return found;
	}

	private static int score(Catalogue catalogue, Matter matter, String word) {
		if (matter.name().contains(word)) {
			return 100;
		}
		if (matter.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(word))) {
			return 80;
		}
		if (matter.code().toLowerCase(Locale.ROOT).contains(word)) {
			return 60;
		}
		if (matter.description() != null && matter.description().contains(word)) {
			return 30;
		}
		for (var line : matter.items()) {
			var item = catalogue.item(line.item()).orElseThrow();
			if (item.name().contains(word)) {
				return 20;
			}
			if (catalogue.departmentType(item.departmentType()).map(t -> t.name().contains(word)).orElse(false)) {
				return 10;
			}
		}
		return 0;
	}

	public Matter matter(String code) {
		return inForce.get().matter(code).orElseThrow(() -> new NotFound("一件事", "Matter", code));
	}

	public Item item(String code) {
		return inForce.get().item(code).orElseThrow(() -> new NotFound("事项", "Item", code));
	}

	public Region region(RegionCode code) {
		return inForce.get().region(code).orElseThrow(() -> new NotFound("行政区划", "Region", code.value()));
	}

	public Department department(String code) {
		return inForce.get().department(code).orElseThrow(() -> new NotFound("部门", "Department", code));
	}

	/** The department types a matter involves, in the order its items are listed. */
	public Set<String> departmentTypesOf(Matter matter) {
		Set<String> types = new LinkedHashSet<>();
		matter.items().forEach(line -> types.add(inForce.get().item(line.item()).orElseThrow().departmentType()));
		return types;
	}
}

package cn.onego.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
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
	private final java.util.concurrent.atomic.AtomicReference<Indexed> indexed = new java.util.concurrent.atomic.AtomicReference<>();

	CatalogQueries(CatalogueInForce inForce) {
		this.inForce = inForce;
	}

	/** The whole catalogue version in force; hold on to it to read several things consistently. */
	public Catalogue catalogue() {
		return inForce.get();
	}

	/**
	 * Search criteria; every one is optional. The keyword is what a person types: everyday words, the name of a
	 * licence, pinyin or its initials, English, with a character too many or one mistyped ({@link MatterIndex}).
	 */
	public record MatterSearch(String keyword, Theme theme, ApplicantType applicantType, RegionCode region) {
	}

	/** A matter found, with how well it matched (higher first). */
	public record Found(Matter matter, int score) {
	}

	public List<Found> searchMatters(MatterSearch search) {
		return scored(search).stream().filter(f -> f.score() >= MatterIndex.FOUND || blank(search)).toList();
	}

	/**
	 * "Did you mean": when a search finds nothing, the matters that came closest, best first (at most three), so
	 * that a search without results still offers a way on.
	 */
	public List<Found> suggestMatters(MatterSearch search) {
		if (blank(search)) {
			return List.of();
		}
		List<Found> scored = scored(search);
		if (scored.stream().anyMatch(f -> f.score() >= MatterIndex.FOUND)) {
			return List.of();
		}
		return scored.stream().filter(f -> f.score() >= MatterIndex.SUGGESTED).limit(3).toList();
	}

	private static boolean blank(MatterSearch search) {
		return search.keyword() == null || search.keyword().isBlank();
	}

	/** Every matter of the criteria with its score, best first. */
	private List<Found> scored(MatterSearch search) {
		Catalogue catalogue = inForce.get();
		if (search.region() != null && catalogue.region(search.region()).isEmpty()) {
			throw new NotFound("行政区划", "Region", search.region().value());
		}
		List<Matter> candidates = search.region() == null ? List.copyOf(catalogue.matters())
				: catalogue.mattersOfferedIn(search.region());
		MatterIndex index = index(catalogue);
		List<Found> found = new ArrayList<>();
		for (Matter matter : candidates) {
			if (search.theme() != null && matter.theme() != search.theme()) {
				continue;
			}
			if (search.applicantType() != null && matter.applicantType() != search.applicantType()) {
				continue;
			}
			found.add(new Found(matter, blank(search) ? 0 : index.score(matter, search.keyword())));
		}
		found.sort(Comparator.comparingInt(Found::score).reversed().thenComparing(f -> f.matter().code()));
		return found;
	}

	/** The search index of the catalogue version, built once per version. */
	private MatterIndex index(Catalogue catalogue) {
		Indexed current = indexed.get();
		if (current == null || current.catalogue() != catalogue) {
			current = new Indexed(catalogue, new MatterIndex(catalogue));
			indexed.set(current);
		}
		return current.index();
	}

	private record Indexed(Catalogue catalogue, MatterIndex index) {
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

package cn.onego.catalog.web;

import java.util.List;
import java.util.Optional;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.LifecycleStage;
import cn.onego.catalog.Matter;
import cn.onego.catalog.NationalKeyMatters;
import cn.onego.platform.RequestValues;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The national "高效办成一件事" key matters, batch by batch, and which of them this deployment offers — in a
 * region, if one is given. Departments and stages are given by name, so a page can show them as they are.
 */
@RestController
@RequestMapping("/api/v1/national-key-matters")
@Tag(name = "Catalogue 服务目录", description = "Matters (一件事), items (事项), data elements and materials")
class NationalKeyMattersController {

	private final CatalogQueries queries;

	NationalKeyMattersController(CatalogQueries queries) {
		this.queries = queries;
	}

	/** The whole list: the number of key matters published, named here, and offered. */
	record Overview(int published, int named, int offered, String region, List<Batch> batches) {
	}

	record Batch(String batch, int year, Label label, String document, String published, int size,
			boolean sizeInferred, String assumption, List<KeyMatter> matters) {
	}

	/**
	 * A named key matter. {@code matter} is the matter offering it (null when none does), {@code covered} says
	 * that a matter of another batch covers it (see {@code note}); {@code notOffered} says why it is not offered.
	 */
	record KeyMatter(Label name, boolean offered, OfferedMatter matter, boolean covered, Label leadDepartment,
			List<Label> cooperatingDepartments, Stage stage, Label notOffered, String note) {
	}

	record OfferedMatter(String code, Label name) {
	}

	record Stage(LifecycleStage code, Label label, boolean enterprise) {
	}

	@GetMapping
	@Operation(summary = "National key matters 国家“高效办成一件事”重点事项",
			description = "The five published batches (2024-1 … 2026-1) with their documents and sizes, each named key matter with "
					+ "its national lead and cooperating departments and life-cycle stage, and whether this deployment offers it — "
					+ "in the region given, or anywhere in the catalogue without one. Sizes marked sizeInferred are inferred from "
					+ "published totals.")
	Overview list(@Parameter(description = "GB/T 2260 region code, e.g. 430100") @RequestParam(required = false) String region) {
		Catalogue catalogue = queries.catalogue();
		RegionCode where = RequestValues.regionCode("region", region);
		if (where != null) {
			queries.region(where); // an unknown region is a 404, not "nothing offered"
		}
		List<Matter> offeredHere = where == null ? null : catalogue.mattersOfferedIn(where);
		NationalKeyMatters list = catalogue.nationalKeyMatters();
		List<Batch> batches = list.batches().stream().map(b -> batch(catalogue, b, offeredHere)).toList();
		int named = batches.stream().mapToInt(b -> b.matters().size()).sum();
		int offered = (int) batches.stream().flatMap(b -> b.matters().stream()).filter(KeyMatter::offered).count();
		return new Overview(list.size(), named, offered, where == null ? null : where.value(), batches);
	}

	private static Batch batch(Catalogue catalogue, NationalKeyMatters.Batch batch, List<Matter> offeredHere) {
		return new Batch(batch.batch(), batch.year(), batchLabel(batch.batch()), batch.document(), batch.published(),
				batch.size(), batch.sizeInferred(), batch.assumption(),
				batch.named().stream().map(n -> keyMatter(catalogue, n, offeredHere)).toList());
	}

	/** "2025-2" as 2025年第二批 / 2025, batch 2. */
	static Label batchLabel(String batch) {
		String year = batch.substring(0, 4);
		int number = Integer.parseInt(batch.substring(5));
		String ordinal = "一二三四五六七八九".substring(number - 1, number);
		return new Label(year + "年第" + ordinal + "批", year + ", batch " + number);
	}

	private static KeyMatter keyMatter(Catalogue catalogue, NationalKeyMatters.Named named, List<Matter> offeredHere) {
		Optional<Matter> matter = named.offeredBy().flatMap(catalogue::matter);
		Optional<Matter> offered = matter.flatMap(m -> offeredHere == null ? Optional.of(m) : offeredHere.stream()
			.filter(o -> o.code().equals(m.code()) || m.code().equals(o.basedOn()))
			.findFirst());
		Matter.National national = matter.map(Matter::national).orElse(null);
		return new KeyMatter(named.name(), offered.isPresent(),
				offered.map(m -> new OfferedMatter(m.code(), m.name())).orElse(null), named.coveredBy() != null,
				national == null ? null : typeName(catalogue, national.leadDepartmentType()),
				national == null ? List.of() : national.cooperatingDepartmentTypes().stream().map(t -> typeName(catalogue, t)).toList(),
				national == null ? null : new Stage(national.stage(), national.stage().label, national.stage().enterprise),
				offered.isPresent() ? null : notOffered(named, matter.isPresent()), named.note());
	}

	private static Label notOffered(NationalKeyMatters.Named named, boolean inCatalogue) {
		if (named.notOffered() != null) {
			return named.notOffered();
		}
		return inCatalogue ? new Label("本地区未提供", "Not offered in this region")
				: new Label("目录中没有实现它的一件事", "No matter of the catalogue implements it");
	}

	private static Label typeName(Catalogue catalogue, String type) {
		return catalogue.departmentType(type).map(t -> t.name()).orElse(new Label(type, type));
	}
}

package cn.onego.catalog.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.CatalogQueries.MatterSearch;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.DataElement;
import cn.onego.catalog.DepartmentType;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.Theme;
import cn.onego.catalog.Material;
import cn.onego.catalog.web.CatalogViews.ItemDetail;
import cn.onego.catalog.web.CatalogViews.MatterDetail;
import cn.onego.catalog.web.CatalogViews.MatterSummary;
import cn.onego.platform.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Catalogue 服务目录", description = "Matters (一件事), items (事项), data elements and materials")
class CatalogController {

	private final CatalogQueries queries;

	CatalogController(CatalogQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/matters")
	@Operation(summary = "Search matters 搜索一件事", description = "By what people type — everyday words, a licence's name, pinyin or its initials, English (several English words: all must match), with a word too many or a character mistyped — and by life-cycle theme, applicant type and the region where the matter is offered. Best match first.")
	List<MatterSummary> search(@Parameter(description = "keyword, e.g. 餐饮") @RequestParam(required = false) String q,
			@RequestParam(required = false) Theme theme, @RequestParam(required = false) ApplicantType applicantType,
			@Parameter(description = "GB/T 2260 region code, e.g. 430100") @RequestParam(required = false) String region) {
		return summaries(queries.searchMatters(new MatterSearch(q, theme, applicantType, RequestValues.regionCode("region", region))));
	}

	@GetMapping("/matters/suggestions")
	@Operation(summary = "Did you mean 您是不是要找", description = "When a search finds nothing: up to three matters that came closest, best first; empty when the search finds something or nothing comes close.")
	List<MatterSummary> suggestions(@Parameter(description = "what was searched, e.g. 孩子读书") @RequestParam(required = false) String q,
			@RequestParam(required = false) Theme theme, @RequestParam(required = false) ApplicantType applicantType,
			@Parameter(description = "GB/T 2260 region code, e.g. 430100") @RequestParam(required = false) String region) {
		return summaries(queries.suggestMatters(new MatterSearch(q, theme, applicantType, RequestValues.regionCode("region", region))));
	}

	private List<MatterSummary> summaries(List<CatalogQueries.Found> found) {
		Catalogue catalogue = queries.catalogue();
		return found.stream().map(f -> MatterSummary.of(catalogue, f.matter(), f.score())).toList();
	}

	@GetMapping("/matters/{code}")
	@Operation(summary = "Matter detail 一件事详情", description = "Items with departments and limits, situation questions, materials with the items that ask for them, and the dependency graph.")
	MatterDetail matter(@PathVariable String code) {
		return MatterDetail.of(queries.catalogue(), queries.matter(code));
	}

	@GetMapping("/items/{code}")
	@Operation(summary = "Item detail 事项详情")
	ItemDetail item(@PathVariable String code) {
		return ItemDetail.of(queries.catalogue(), queries.item(code));
	}

	@GetMapping("/department-types")
	@Operation(summary = "Department types 部门类型")
	List<DepartmentType> departmentTypes() {
		return List.copyOf(queries.catalogue().departmentTypes());
	}

	@GetMapping("/data-elements")
	@Operation(summary = "Standard data elements 数据元")
	List<DataElement> dataElements() {
		return List.copyOf(queries.catalogue().elements());
	}

	@GetMapping("/materials")
	@Operation(summary = "Materials 材料")
	List<Material> materials() {
		return List.copyOf(queries.catalogue().materials());
	}
}

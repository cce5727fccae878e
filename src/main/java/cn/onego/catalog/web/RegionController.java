package cn.onego.catalog.web;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.catalog.Park;
import cn.onego.catalog.Region;
import cn.onego.platform.RequestValues;
import cn.onego.catalog.web.CatalogViews.DepartmentView;
import cn.onego.catalog.web.CatalogViews.RegionDetail;
import cn.onego.catalog.web.CatalogViews.RegionView;
import cn.onego.shared.RegionCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Regions and departments 行政区划与部门", description = "Regions (GB/T 2260) with their lineage, the departments placed in them, and parks")
class RegionController {

	private static final int MAX_RESULTS = 500;

	private final CatalogQueries queries;

	RegionController(CatalogQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/regions")
	@Operation(summary = "List or search regions 行政区划", description = "Without parameters: the provinces. With parent: its children. With q: regions whose name contains q (at most 500).")
	List<RegionView> regions(@RequestParam(required = false) String parent, @RequestParam(required = false) String q,
			@RequestParam(required = false) RegionLevel level) {
		Catalogue catalogue = queries.catalogue();
		RegionCode parentCode = RequestValues.regionCode("parent", parent);
		Stream<Region> regions;
		if (parentCode != null) {
			queries.region(parentCode);
			regions = catalogue.childrenOf(parentCode).stream();
		}
		else if (q != null && !q.isBlank()) {
			regions = catalogue.regions().stream().filter(r -> r.name().contains(q.trim()) || r.code().value().startsWith(q.trim()));
		}
		else {
			regions = catalogue.regions().stream().filter(r -> r.level() == (level == null ? RegionLevel.PROVINCE : level));
		}
		if (level != null) {
			regions = regions.filter(r -> r.level() == level);
		}
		return regions.sorted(Comparator.comparing(Region::code)).limit(MAX_RESULTS).map(RegionView::of).toList();
	}

	@GetMapping("/regions/{code}")
	@Operation(summary = "Region detail: lineage up to the province and the regions below")
	RegionDetail region(@PathVariable String code) {
		Catalogue catalogue = queries.catalogue();
		Region region = queries.region(RequestValues.regionCode("code", code));
		int departments = (int) catalogue.departments().stream().filter(d -> d.region().equals(region.code()) && d.park() == null).count();
		return new RegionDetail(RegionView.of(region), catalogue.lineage(region.code()).stream().map(RegionView::of).toList(),
				catalogue.childrenOf(region.code()).stream().map(RegionView::of).toList(), departments);
	}

	@GetMapping("/departments")
	@Operation(summary = "Departments 部门", description = "Of a region (and optionally of a type), or of a park.")
	List<DepartmentView> departments(@RequestParam(required = false) String region,
			@RequestParam(name = "type", required = false) String typeCode,
			@RequestParam(name = "park", required = false) String parkCode) {
		Catalogue catalogue = queries.catalogue();
		RegionCode regionCode = RequestValues.regionCode("region", region);
		String type = RequestValues.code("type", typeCode);
		String park = RequestValues.code("park", parkCode);
		if (regionCode != null) {
			queries.region(regionCode);
		}
		return catalogue.departments()
			.stream()
			.filter(d -> regionCode == null || d.region().equals(regionCode))
			.filter(d -> type == null || d.type().equals(type))
			.filter(d -> park == null ? (regionCode == null || d.park() == null) : park.equals(d.park()))
			.sorted(Comparator.comparing(Department::code))
			.limit(MAX_RESULTS)
			.map(d -> DepartmentView.of(catalogue, d))
			.toList();
	}

	@GetMapping("/departments/{code}")
	@Operation(summary = "Department detail")
	DepartmentView department(@PathVariable String code) {
		return DepartmentView.of(queries.catalogue(), queries.department(code));
	}

	@GetMapping("/parks")
	@Operation(summary = "Parks (园区) to which items may be delegated")
	List<Park> parks(@RequestParam(required = false) String region) {
		Catalogue catalogue = queries.catalogue();
		RegionCode regionCode = RequestValues.regionCode("region", region);
		return catalogue.parks()
			.stream()
			.filter(p -> regionCode == null || catalogue.isWithin(p.region(), regionCode))
			.toList();
	}
}

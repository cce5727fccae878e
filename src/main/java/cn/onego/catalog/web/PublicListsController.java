package cn.onego.catalog.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.catalog.Enums.CrossRegionScope;
import cn.onego.catalog.Item;
import cn.onego.catalog.Matter;
import cn.onego.catalog.Region;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.RequestValues;
import cn.onego.platform.Tables;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The lists every government must publish, as open data per region, in JSON or CSV (UTF-8 with a
 * byte-order mark so that spreadsheet programs show the Chinese text): 一件事清单, 跨域通办清单 and
 * 权责清单.
 */
@RestController
@RequestMapping("/api/v1/public-lists/{region}")
@Tag(name = "Public lists 公开清单", description = "Open data per region, JSON by default, CSV with format=csv or Accept: text/csv")
class PublicListsController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final CatalogQueries queries;

	PublicListsController(CatalogQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/one-thing")
	@Operation(summary = "一件事清单 — the matters offered in the region")
	ResponseEntity<?> oneThing(@PathVariable String region, @RequestParam(required = false) String format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		Catalogue catalogue = queries.catalogue();
		Region where = queries.region(RequestValues.regionCode("region", region));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Matter matter : catalogue.mattersOfferedIn(where.code())) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", matter.code());
			row.put("name_zh", matter.name().zh());
			row.put("name_en", matter.name().en());
			row.put("theme", matter.theme());
			row.put("applicant_type", matter.applicantType());
			row.put("national_batch", matter.nationalBatch());
			row.put("items", matter.items().size());
			row.put("item_names", matter.items().stream().map(l -> catalogue.item(l.item()).orElseThrow().name().zh()).collect(Collectors.joining("；")));
			row.put("departments", departmentsOf(catalogue, matter.items().stream().map(l -> catalogue.item(l.item()).orElseThrow()).toList(), where.code()));
			row.put("local_variant_of", matter.basedOn());
			rows.add(row);
		}
		return respond(rows, format, accept, "one-thing-" + where.code());
	}

	@GetMapping("/cross-region")
	@Operation(summary = "跨域通办清单 — items of the region's matters that can be handled across regions")
	ResponseEntity<?> crossRegion(@PathVariable String region, @RequestParam(required = false) String format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		Catalogue catalogue = queries.catalogue();
		Region where = queries.region(RequestValues.regionCode("region", region));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Item item : itemsOffered(catalogue, where.code())) {
			if (item.crossRegion().scope() == CrossRegionScope.NONE) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", item.code());
			row.put("name_zh", item.name().zh());
			row.put("name_en", item.name().en());
			row.put("department_type", catalogue.departmentType(item.departmentType()).orElseThrow().name().zh());
			row.put("scope", item.crossRegion().scope());
			Label scope = item.crossRegion().describe(catalogue);
			row.put("scope_zh", scope.zh());
			row.put("scope_en", scope.en());
			row.put("partners", item.crossRegion().partners().stream()
				.map(p -> p.value() + " " + catalogue.region(p).map(Region::name).orElse(""))
				.collect(Collectors.joining("；")));
			row.put("promised_limit_days", item.promisedLimit());
			rows.add(row);
		}
		return respond(rows, format, accept, "cross-region-" + where.code());
	}

	@GetMapping("/powers")
	@Operation(summary = "权责清单 — the items the region's own departments handle, with the department responsible")
	ResponseEntity<?> powers(@PathVariable String region, @RequestParam(required = false) String format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		Catalogue catalogue = queries.catalogue();
		Region where = queries.region(RequestValues.regionCode("region", region));
		var level = Catalogue.handlingLevelOf(where.level());
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Item item : catalogue.items()) {
			if (!item.levels().contains(level)) {
				continue;
			}
			var department = catalogue.departmentOf(item.departmentType(), where.code());
			if (department.isEmpty()) {
				continue;
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("code", item.code());
			row.put("name_zh", item.name().zh());
			row.put("name_en", item.name().en());
			row.put("type", item.type());
			row.put("type_code", item.type().gbCode);
			row.put("department_code", department.get().code());
			row.put("department", department.get().name());
			row.put("legal_basis", item.legalBasis());
			row.put("legal_limit_days", item.legalLimit());
			row.put("promised_limit_days", item.promisedLimit());
			row.put("fee_yuan", item.fee().amount());
			rows.add(row);
		}
		return respond(rows, format, accept, "powers-" + where.code());
	}

	private static Collection<Item> itemsOffered(Catalogue catalogue, RegionCode region) {
		Set<Item> items = new LinkedHashSet<>();
		catalogue.mattersOfferedIn(region)
			.forEach(m -> m.items().forEach(l -> items.add(catalogue.item(l.item()).orElseThrow())));
		return items;
	}

	private static String departmentsOf(Catalogue catalogue, List<Item> items, RegionCode region) {
		return items.stream()
			.map(item -> catalogue.competentDepartment(item, region)
				.map(Department::name)
				.orElse(catalogue.departmentType(item.departmentType()).orElseThrow().name().zh()))
			.distinct()
			.collect(Collectors.joining("；"));
	}

	private static ResponseEntity<?> respond(List<Map<String, Object>> rows, String format, String accept, String name) {
		if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
			throw InvalidInput.of("format", "unknown", Message.of("格式为 json 或 csv", "the format is json or csv"));
		}
		boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("text/csv"));
		if (!csv) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
		}
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name + ".csv").build().toString())
			.body(Tables.csv(rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet()), rows));
	}
}

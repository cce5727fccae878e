package cn.onego.sharing.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Registry;
import cn.onego.identity.Actors;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.platform.web.Refuses;
import cn.onego.shared.Label;
import cn.onego.sharing.SharedResourceReads;
import cn.onego.sharing.resources.SharedResource;
import cn.onego.sharing.resources.SharedResources;
import cn.onego.sharing.resources.SharingClass;
import cn.onego.sharing.resources.UpdateFrequency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The shared-resource catalogue, public: what the registries share, who provides it and how — as most provinces
 * publish their 政务数据资源目录 — never the data. Reading a resource about a subject is for departments.
 */
@RestController
@RequestMapping("/api/v1/shared-resources")
@Tag(name = "Shared resources 信息资源目录", description = "The catalogue of shared resources and departments' reads of them")
class SharedResourceController {

	static final int LONGEST_QUERY = 100;
	static final int LARGEST_PAGE = 100;

	private final SharedResources resources;
	private final SharedResourceReads reads;
	private final CatalogQueries catalog;
	private final Actors actors;

	SharedResourceController(SharedResources resources, SharedResourceReads reads, CatalogQueries catalog, Actors actors) {
		this.resources = resources;
		this.reads = reads;
		this.catalog = catalog;
		this.actors = actors;
	}

	record ElementView(String code, Label label) {
	}

	record ResourceView(String code, Registry registry, String provider, String providerName, Label name, Label description,
			List<ElementView> elements, UpdateFrequency frequency, SharingClass sharing, Label condition, String assumption,
			Label providerLabel) {

		static ResourceView of(SharedResource r, Catalogue catalogue) {
			return new ResourceView(r.code(), r.registry(), r.provider(),
					catalogue.department(r.provider()).map(d -> d.name()).orElse(r.provider()), r.name(), r.description(),
					r.elements().stream().map(e -> new ElementView(e, catalogue.element(e).map(d -> d.label()).orElse(null))).toList(),
					r.frequency(), r.sharing(), r.condition(), r.assumption(),
					catalogue.department(r.provider()).map(d -> d.label()).orElse(null));
		}
	}

	record ResourcePage(List<ResourceView> items, int total, int page, int size) {
	}

	@GetMapping
	@Operation(summary = "Search the shared resources 检索信息资源目录", operationId = "searchSharedResources",
			description = "By text (names, descriptions, data elements, provider), provider department, sharing class, data element and registry; paged from 0.")
	ResourcePage search(@RequestParam(required = false) String q, @RequestParam(required = false) String provider,
			@RequestParam(required = false) String sharing, @RequestParam(required = false) String element,
			@RequestParam(required = false) String registry, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Catalogue catalogue = catalog.catalogue();
		List<FieldProblem> problems = new ArrayList<>();
		String text = Text.check(problems, "q", q, Text.Kind.LINE, LONGEST_QUERY);
		String department = blankToNull(provider);
		if (department != null && (department.length() > Text.CODE || catalogue.department(department).isEmpty())) {
			problems.add(new FieldProblem("provider", "unknown", Message.of("没有该部门", "no such department")));
		}
		String wanted = blankToNull(element);
		if (wanted != null && (wanted.length() > Text.CODE || catalogue.element(wanted).isEmpty())) {
			problems.add(new FieldProblem("element", "unknown", Message.of("没有该数据元", "no such data element")));
		}
		SharingClass sharingClass = parse(SharingClass.class, "sharing", sharing, problems);
		Registry kind = parse(Registry.class, "registry", registry, problems);
		if (page < 0 || page > 10_000) {
			problems.add(new FieldProblem("page", "range", Message.of("页码应在0至10000之间", "the page lies between 0 and 10000")));
		}
		if (size < 1 || size > LARGEST_PAGE) {
			problems.add(new FieldProblem("size", "range", Message.of("每页1至" + LARGEST_PAGE + "项", "1 to " + LARGEST_PAGE + " per page")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		SharedResources.Page found = resources.search(new SharedResources.Search(text, department, sharingClass, wanted, kind, page, size));
		return new ResourcePage(found.items().stream().map(r -> ResourceView.of(r, catalogue)).toList(), found.total(), found.page(),
				found.size());
	}

	@GetMapping("/{code}")
	@Operation(summary = "One shared resource 信息资源详情", operationId = "sharedResource")
	ResourceView resource(@PathVariable String code) {
		return ResourceView.of(resources.get(code), catalog.catalogue());
	}

	@PostMapping("/{code}/reads")
	@Operation(summary = "Read a shared resource about a subject 部门调用共享数据", operationId = "readSharedResource",
			description = "By the signed-in reviewer or head for their department: served when the resource is shared unconditionally, "
					+ "the department provides it, or it holds approved and current access; only the resource's data elements. "
					+ "The subject (ID number or credit code) travels in the body, not the URL. Every read — served or refused — is "
					+ "logged with purpose and legal basis and appears on the subject's data-access list.")
	@Refuses(status = 403, code = "access-not-granted", when = "the resource is not shared, or the department holds no approved and current access")
	@Refuses(status = 503, code = "registry-unavailable", when = "the registry behind the resource cannot be reached now; nothing was read")
	SharedResourceReads.Served read(@PathVariable String code, @RequestBody SharedResourceReads.Ask ask) {
		return reads.read(actors.current(), code, ask);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<FieldProblem> problems) {
		String wanted = blankToNull(value);
		if (wanted == null) {
			return null;
		}
		return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(wanted)).findFirst().orElseGet(() -> {
			problems.add(new FieldProblem(field, "unknown", Message.of("取值应为 " + Arrays.toString(type.getEnumConstants()),
					"one of " + Arrays.toString(type.getEnumConstants()))));
			return null;
		});
	}
}

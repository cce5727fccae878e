package cn.onego.catalog.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.DataElement;
import cn.onego.catalog.Department;
import cn.onego.catalog.Enums;
import cn.onego.catalog.Item;
import cn.onego.catalog.Material;
import cn.onego.catalog.Matter;
import cn.onego.catalog.Region;
import cn.onego.shared.Label;

/** The shapes the catalogue API answers with; built from one catalogue version each. */
final class CatalogViews {

	private CatalogViews() {
	}

	record Named(String code, Label name) {
	}

	record MatterSummary(String code, Label name, List<String> aliases, Enums.Theme theme,
			Enums.ApplicantType applicantType, Named leadDepartmentType, String nationalBatch, List<String> offeredIn,
			String basedOn, int items, List<Named> departmentTypes, int score) {

		static MatterSummary of(Catalogue catalogue, Matter matter, int score) {
			List<Named> types = matter.items()
				.stream()
				.map(line -> catalogue.item(line.item()).orElseThrow().departmentType())
				.distinct()
				.map(type -> departmentType(catalogue, type))
				.toList();
			return new MatterSummary(matter.code(), matter.name(), matter.aliases(), matter.theme(),
					matter.applicantType(),
					matter.leadDepartmentType() == null ? null : departmentType(catalogue, matter.leadDepartmentType()),
					matter.nationalBatch(), matter.offeredIn().stream().map(Object::toString).toList(), matter.basedOn(),
					matter.items().size(), types, score);
		}
	}

	static Named departmentType(Catalogue catalogue, String code) {
		return new Named(code, catalogue.departmentType(code).orElseThrow().name());
	}

	record MatterItemView(String code, Label name, Named departmentType, boolean mandatory, boolean included,
			List<String> needs, int legalLimit, int promisedLimit, boolean instant, boolean commitmentAllowed,
			boolean gapsAllowed) {
	}

	record MaterialUse(String code, Label name, Enums.MaterialKind kind, String licenceType, Enums.Registry registry,
			List<String> items) {
	}

	record Edge(String from, String to) {
	}

	record DependencyGraph(List<String> nodes, List<Edge> edges) {
	}

	record MatterDetail(MatterSummary summary, Label description, List<MatterItemView> items,
			List<Matter.Situation> situations, List<MaterialUse> materials, DependencyGraph dependencyGraph,
			String assumption, long catalogueVersion) {

		static MatterDetail of(Catalogue catalogue, Matter matter) {
			List<MatterItemView> items = new ArrayList<>();
			Map<String, MaterialUse> materials = new java.util.LinkedHashMap<>();
			List<Edge> edges = new ArrayList<>();
			for (Matter.MatterItem line : matter.items()) {
				Item item = catalogue.item(line.item()).orElseThrow();
				items.add(new MatterItemView(item.code(), item.name(), CatalogViews.departmentType(catalogue, item.departmentType()),
						line.mandatory(), line.included(), matter.prerequisitesOf(item.code()), item.legalLimit(),
						item.promisedLimit(), item.instant(), item.commitmentAllowed(), item.gapsAllowed()));
				for (Item.ItemMaterial use : item.materials()) {
					Material material = catalogue.material(use.material()).orElseThrow();
					materials.computeIfAbsent(material.code(), code -> new MaterialUse(code, material.name(),
							material.kind(), material.licenceType(), material.registry(), new ArrayList<>()))
						.items()
						.add(item.code());
				}
				matter.prerequisitesOf(item.code()).forEach(p -> edges.add(new Edge(p, item.code())));
			}
			return new MatterDetail(MatterSummary.of(catalogue, matter, 0), matter.description(), items,
					matter.situations(), List.copyOf(materials.values()),
					new DependencyGraph(matter.items().stream().map(Matter.MatterItem::item).toList(), edges),
					matter.assumption(), catalogue.version());
		}
	}

	record ItemMaterialView(String code, Label name, Enums.MaterialKind kind, Label issuer, String licenceType,
			Enums.Registry registry, boolean required, boolean gapAllowed, boolean commitmentAllowed, String exemptByLaw,
			int originals, int copies) {
	}

	record ItemFieldView(String element, Label label, Enums.ElementType type, Enums.Section section, boolean required,
			Map<String, Object> validation, boolean personal) {
	}

	record ItemDetail(String code, Label name, Enums.ItemType type, String gbTypeCode, Named departmentType,
			java.util.Set<Enums.ApplicantType> applicantTypes, String legalBasis, int legalLimit, int promisedLimit,
			boolean instant, List<Enums.Step> steps, java.util.Set<Enums.HandlingLevel> levels, boolean delegatedToParks,
			Item.CrossRegion crossRegion, BigDecimal fee, String feeBasis, Item.Result result,
			List<ItemMaterialView> materials, List<ItemFieldView> fields, List<Named> usedInMatters, String assumption,
			String basicCode, String implementationCode) {

		static ItemDetail of(Catalogue catalogue, Item item) {
			List<ItemMaterialView> materials = item.materials().stream().map(use -> {
				Material m = catalogue.material(use.material()).orElseThrow();
				return new ItemMaterialView(m.code(), m.name(), m.kind(), m.issuer(), m.licenceType(), m.registry(),
						use.required(), use.gapAllowed(), use.commitmentAllowed(), use.exemptByLaw(), use.originals(),
						use.copies());
			}).toList();
			List<ItemFieldView> fields = item.fields().stream().map(field -> {
				DataElement e = catalogue.element(field.element()).orElseThrow();
				var v = e.validation().strictest(field.validation());
				Map<String, Object> validation = new java.util.LinkedHashMap<>();
				if (v.minLength() != null) validation.put("minLength", v.minLength());
				if (v.maxLength() != null) validation.put("maxLength", v.maxLength());
				if (v.min() != null) validation.put("min", v.min());
				if (v.max() != null) validation.put("max", v.max());
				if (v.pattern() != null) validation.put("pattern", v.pattern());
				return new ItemFieldView(e.code(), e.label(), e.type(), e.section(), field.required(), validation,
						e.personal());
			}).toList();
			List<Named> matters = catalogue.matters()
				.stream()
				.filter(m -> m.items().stream().anyMatch(line -> line.item().equals(item.code())))
				.map(m -> new Named(m.code(), m.name()))
				.toList();
			return new ItemDetail(item.code(), item.name(), item.type(), item.type().gbCode,
					CatalogViews.departmentType(catalogue, item.departmentType()), item.applicantTypes(), item.legalBasis(),
					item.legalLimit(), item.promisedLimit(), item.instant(), item.steps(), item.levels(),
					item.delegatedToParks(), item.crossRegion(), item.fee().amount(), item.fee().basis(), item.result(),
					materials, fields, matters, item.assumption(), item.basicCode(), item.implementationCode());
		}
	}

	record RegionView(String code, String name, Enums.RegionLevel level, String parent, String nameEn) {

		static RegionView of(Region region) {
			return new RegionView(region.code().value(), region.name(), region.level(),
					region.parent() == null ? null : region.parent().value(), region.nameEn());
		}
	}

	record RegionDetail(RegionView region, List<RegionView> lineage, List<RegionView> children, int departments) {
	}

	record DepartmentView(String code, String name, Named type, boolean government, String region, String regionName,
			String park, String nameEn, String regionNameEn) {

		static DepartmentView of(Catalogue catalogue, Department d) {
			var type = catalogue.departmentType(d.type()).orElseThrow();
			return new DepartmentView(d.code(), d.name(), new Named(type.code(), type.name()), type.government(),
					d.region().value(), catalogue.region(d.region()).map(Region::name).orElse(null), d.park(), d.nameEn(),
					catalogue.region(d.region()).map(Region::nameEn).orElse(null));
		}
	}
}

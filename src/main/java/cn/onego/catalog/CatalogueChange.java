package cn.onego.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.onego.catalog.Enums.Registry;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;

/**
 * A change of the catalogue in force that nobody has published: a list of small operations a reform office
 * may try (what-if), applied to a copy in memory. The catalogue in force is never touched; the result is a
 * catalogue of the same version and a checksum of its own, for computing with, never for storing or putting in
 * force. Every operation is checked against the catalogue it is applied to, each problem located at
 * {@code operations[i].field}, all of them at once.
 */
public record CatalogueChange(List<Operation> operations) {

	public CatalogueChange {
		operations = List.copyOf(operations);
	}

	/** One operation of a change. */
	public sealed interface Operation {
	}

	/** 事项合并: {@code absorbed} is handled as part of {@code kept} — one task, one form, one set of materials. */
	public record MergeItems(String kept, String absorbed) implements Operation {
	}

	/** The material can be obtained as an electronic licence (电子证照) of {@code licenceType}. */
	public record ObtainAsELicence(String material, String licenceType) implements Operation {
	}

	/** The material can be answered by a shared registry (共享库). */
	public record ObtainFromRegistry(String material, Registry registry) implements Operation {
	}

	/** 容缺受理 for a material of an item. */
	public record AllowGap(String item, String material) implements Operation {
	}

	/** 告知承诺 for a material of an item. */
	public record AllowCommitment(String item, String material) implements Operation {
	}

	/** The item's promised limit (承诺时限) shortened to {@code days} working days. */
	public record ShortenLimit(String item, int days) implements Operation {
	}

	/**
	 * The registry becomes connected. What the catalogue alone says is that a material names a registry; whether the
	 * deployment reaches it is the simulator's question, so this operation changes no item or material: it is read
	 * by whoever resolves materials ({@link #connects(Registry)}).
	 */
	public record ConnectRegistry(Registry registry) implements Operation {
	}

	/** A 秒批 rule for the item: the system approves it at once, so its handling takes no working day. */
	public record AutoApprove(String item) implements Operation {
	}

	/** The changed catalogue, or every problem of the operations. */
	public sealed interface Outcome {
	}

	public record Changed(Catalogue catalogue) implements Outcome {
	}

	public record Refused(List<FieldProblem> problems) implements Outcome {
	}

	/** Whether one of the operations connects the registry. */
	public boolean connects(Registry registry) {
		return operations.stream().anyMatch(o -> o instanceof ConnectRegistry c && c.registry() == registry);
	}

	/** The catalogue with every operation applied in order, or every problem found. */
	public Outcome applyTo(Catalogue catalogue) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Item> items = new LinkedHashMap<>();
		catalogue.items().forEach(i -> items.put(i.code(), i));
		Map<String, Material> materials = new LinkedHashMap<>();
		catalogue.materials().forEach(m -> materials.put(m.code(), m));
		Map<String, Matter> matters = new LinkedHashMap<>();
		catalogue.matters().forEach(m -> matters.put(m.code(), m));
		for (int i = 0; i < operations.size(); i++) {
			String at = "operations[" + i + "].";
			CatalogueChange.Operation op = operations.get(i);
			if (op instanceof MergeItems merge) {
				Item kept = item(items, merge.kept(), at + "kept", problems);
				Item absorbed = item(items, merge.absorbed(), at + "absorbed", problems);
				if (kept != null && absorbed != null) {
					if (kept.code().equals(absorbed.code())) {
						problems.add(new FieldProblem(at + "absorbed", "same-item",
								Message.of("不能把事项与其自身合并", "an item cannot be merged with itself")));
					}
					else {
						items.put(kept.code(), ItemMerge.merged(kept, absorbed));
						items.remove(absorbed.code());
						matters.replaceAll((code, matter) -> ItemMerge.renamed(matter, absorbed.code(), kept.code()));
					}
				}
			}
			else if (op instanceof ObtainAsELicence e) {
				Material m = material(materials, e.material(), at + "material", problems);
				if (e.licenceType() == null || e.licenceType().isBlank()) {
					problems.add(new FieldProblem(at + "licenceType", "required",
							Message.of("请填写电子证照类型", "name the type of the electronic licence")));
				}
				else if (m != null) {
					materials.put(m.code(), new Material(m.code(), m.name(), m.kind(), m.issuer(), e.licenceType(), m.registry(),
							m.assumption()));
				}
			}
			else if (op instanceof ObtainFromRegistry r) {
				Material m = material(materials, r.material(), at + "material", problems);
				if (r.registry() == null) {
					problems.add(new FieldProblem(at + "registry", "required", Message.of("请选择共享库", "choose a registry")));
				}
				else if (m != null) {
					materials.put(m.code(), new Material(m.code(), m.name(), m.kind(), m.issuer(), m.licenceType(), r.registry(),
							m.assumption()));
				}
			}
			else if (op instanceof AllowGap g) {
				use(items, materials, g.item(), g.material(), at, problems, true, false);
			}
			else if (op instanceof AllowCommitment c) {
				use(items, materials, c.item(), c.material(), at, problems, false, true);
			}
			else if (op instanceof ShortenLimit s) {
				Item item = item(items, s.item(), at + "item", problems);
				if (item != null) {
					if (s.days() < 0 || s.days() >= item.promisedLimit()) {
						problems.add(new FieldProblem(at + "days", "not-shorter",
								Message.of("新的承诺时限须为 0 至 " + (item.promisedLimit() - 1) + " 个工作日（现为 " + item.promisedLimit() + " 个）",
										"the new promised limit must be 0 to " + (item.promisedLimit() - 1)
												+ " working days (it is " + item.promisedLimit() + " now)")));
					}
					else {
						items.put(item.code(), withLimit(item, s.days(), item.autoApproval()));
					}
				}
			}
			else if (op instanceof ConnectRegistry c) {
				if (c.registry() == null) {
					problems.add(new FieldProblem(at + "registry", "required", Message.of("请选择共享库", "choose a registry")));
				}
			}
			else if (op instanceof AutoApprove a) {
				Item item = item(items, a.item(), at + "item", problems);
				if (item != null) {
					AutoApproval rule = item.autoApproval() != null ? item.autoApproval()
							: new AutoApproval("WHATIF-" + item.code(), List.of());
					items.put(item.code(), withLimit(item, 0, rule));
				}
			}
		}
		if (!problems.isEmpty()) {
			return new Refused(List.copyOf(problems));
		}
		for (Matter matter : matters.values()) {
			if (ItemMerge.cyclic(matter)) {
				return new Refused(List.of(new FieldProblem("operations", "cycle",
						Message.of("合并后“" + matter.name().zh() + "”的事项依赖出现循环", "after the merge, the items of "
								+ matter.name().en() + " depend on each other in a cycle"))));
			}
		}
		Catalogue changed = new Catalogue(catalogue.version(), catalogue.loadedAt(), "draft:" + catalogue.checksum(),
				catalogue.regions(), catalogue.departmentTypes(), catalogue.departments(), catalogue.parks(), catalogue.elements(),
				materials.values(), items.values(), matters.values(), catalogue.nationalKeyMatters());
		return new Changed(changed);
	}

	private static Item item(Map<String, Item> items, String code, String field, List<FieldProblem> problems) {
		Item item = code == null ? null : items.get(code);
		if (item == null) {
			problems.add(new FieldProblem(field, "unknown-item",
					Message.of("目录中没有此事项：" + code, "no such item in the catalogue: " + code)));
		}
		return item;
	}

	private static Material material(Map<String, Material> materials, String code, String field, List<FieldProblem> problems) {
		Material material = code == null ? null : materials.get(code);
		if (material == null) {
			problems.add(new FieldProblem(field, "unknown-material",
					Message.of("目录中没有此材料：" + code, "no such material in the catalogue: " + code)));
		}
		return material;
	}

	private static void use(Map<String, Item> items, Map<String, Material> materials, String itemCode, String materialCode,
			String at, List<FieldProblem> problems, boolean gap, boolean commitment) {
		Item item = item(items, itemCode, at + "item", problems);
		Material material = material(materials, materialCode, at + "material", problems);
		if (item == null || material == null) {
			return;
		}
		if (item.materials().stream().noneMatch(u -> u.material().equals(materialCode))) {
			problems.add(new FieldProblem(at + "material", "not-of-item",
					Message.of("事项“" + item.name().zh() + "”不要求此材料", "the item " + item.name().en() + " does not ask for this material")));
			return;
		}
		List<Item.ItemMaterial> uses = item.materials()
			.stream()
			.map(u -> !u.material().equals(materialCode) ? u
					: new Item.ItemMaterial(u.material(), u.required(), u.gapAllowed() || gap, u.commitmentAllowed() || commitment,
							u.exemptByLaw(), u.originals(), u.copies()))
			.toList();
		items.put(item.code(), withMaterials(item, uses));
	}

	private static Item withLimit(Item i, int promised, AutoApproval rule) {
		return new Item(i.code(), i.name(), i.type(), i.departmentType(), i.applicantTypes(), i.legalBasis(), i.legalLimit(), promised,
				i.instant(), i.steps(), i.levels(), i.delegatedToParks(), i.crossRegion(), i.fee(), i.result(), i.materials(), i.fields(),
				rule, i.assumption());
	}

	private static Item withMaterials(Item i, List<Item.ItemMaterial> uses) {
		return new Item(i.code(), i.name(), i.type(), i.departmentType(), i.applicantTypes(), i.legalBasis(), i.legalLimit(),
				i.promisedLimit(), i.instant(), i.steps(), i.levels(), i.delegatedToParks(), i.crossRegion(), i.fee(), i.result(), uses,
				i.fields(), i.autoApproval(), i.assumption());
	}
}

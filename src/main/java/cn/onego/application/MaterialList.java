package cn.onego.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.MaterialKind;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.catalog.Item;
import cn.onego.catalog.Material;
import cn.onego.catalog.Matter;
import cn.onego.platform.Message;
import cn.onego.shared.Label;

/**
 * The one material list (一套材料) of an application, derived: each material asked once however many
 * items need it, and each resolved to exactly one of — exempt by law, produced by an earlier item of
 * the same matter, obtained as an e-licence, answered from a shared registry, replaced by the
 * applicant's signed commitment (告知承诺), or to be uploaded — and an item's own application form is
 * replaced by the merged form.
 */
public record MaterialList(List<RequiredMaterial> materials) {

	/**
	 * One material of the list. {@code required}: some applicable item requires it (or an answer
	 * includes it). {@code gapAllowed} and {@code commitmentAllowed} hold only when every item that
	 * needs it allows it.
	 */
	public record RequiredMaterial(String material, Label name, MaterialKind kind, List<String> neededBy,
			boolean required, boolean gapAllowed, boolean commitmentAllowed, int originals, int copies,
			Resolution resolution) {
	}

	public static MaterialList derive(Catalogue catalogue, Matter matter, Applicability applicability,
			Set<String> committed, MaterialSources sources) {
		Map<String, List<Item>> neededBy = new LinkedHashMap<>();
		Map<String, List<Item.ItemMaterial>> uses = new LinkedHashMap<>();
		for (String code : applicability.items()) {
			Item item = catalogue.item(code).orElseThrow();
			for (Item.ItemMaterial use : item.materials()) {
				if (applicability.excludedMaterials().contains(use.material())) {
					continue;
				}
				neededBy.computeIfAbsent(use.material(), m -> new ArrayList<>()).add(item);
				uses.computeIfAbsent(use.material(), m -> new ArrayList<>()).add(use);
			}
		}
		List<RequiredMaterial> materials = new ArrayList<>();
		uses.forEach((code, lines) -> {
			Material material = catalogue.material(code).orElseThrow();
			List<Item> items = neededBy.get(code);
			boolean required = applicability.includedMaterials().contains(code)
					|| lines.stream().anyMatch(Item.ItemMaterial::required);
			boolean gapAllowed = lines.stream().allMatch(Item.ItemMaterial::gapAllowed);
			boolean commitmentAllowed = lines.stream().allMatch(Item.ItemMaterial::commitmentAllowed);
			int originals = lines.stream().mapToInt(Item.ItemMaterial::originals).max().orElse(0);
			int copies = lines.stream().mapToInt(Item.ItemMaterial::copies).max().orElse(0);
			Resolution resolution = resolve(catalogue, matter, applicability, material, items, lines,
					commitmentAllowed && committed.contains(code), sources);
			materials.add(new RequiredMaterial(code, material.name(), material.kind(),
					items.stream().map(Item::code).toList(), required, gapAllowed, commitmentAllowed, originals, copies,
					resolution));
		});
		return new MaterialList(List.copyOf(materials));
	}

	private static Resolution resolve(Catalogue catalogue, Matter matter, Applicability applicability,
			Material material, List<Item> neededBy, List<Item.ItemMaterial> lines, boolean committed,
			MaterialSources sources) {
		if (lines.stream().allMatch(l -> l.exemptByLaw() != null)) {
			return new Resolution.ExemptByLaw(lines.get(0).exemptByLaw());
		}
		if (material.kind() == MaterialKind.FORM) {
			return new Resolution.MergedFormReplaces(material.name());
		}
		Optional<Item> producer = producerOf(catalogue, matter, applicability, material, neededBy);
		if (producer.isPresent()) {
			return new Resolution.EarlierItem(producer.get().code(), producer.get().name(), material.name());
		}
		Optional<Resolution> held = sources.find(material);
		if (held.isPresent()) {
			return held.get();
		}
		if (committed) {
			return new Resolution.Commitment(material.name());
		}
		Message why = sources.unreachable(material)
				? Message.of("共享库暂时无法访问，未能获取，请上传：" + material.name().zh(),
						"The registry could not be reached just now, so it could not be obtained; please upload: "
								+ english(material.name()))
				: material.licenceType() != null || material.registry() != null
				? Message.of("未能通过共享获取（未授权或无记录），请上传：" + material.name().zh(),
						"Could not be obtained through sharing (no consent or no record); please upload: " + english(material.name()))
				: Message.of("请上传：" + material.name().zh(), "Please upload: " + english(material.name()));
		return new Resolution.Upload(material.name(), why);
	}

	/**
	 * An applicable item of the matter that produces this material as its licence result and that
	 * every item needing the material waits for (directly or through other items).
	 */
	static Optional<Item> producerOf(Catalogue catalogue, Matter matter, Applicability applicability, Material material,
			List<Item> neededBy) {
		if (material.licenceType() == null) {
			return Optional.empty();
		}
		for (String code : applicability.items()) {
			Item candidate = catalogue.item(code).orElseThrow();
			if (candidate.result().kind() == ResultKind.LICENCE
					&& material.licenceType().equals(candidate.result().licenceType())
					&& neededBy.stream().allMatch(item -> dependsOn(matter, item.code(), candidate.code()))) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	static boolean dependsOn(Matter matter, String item, String prerequisite) {
		List<String> stack = new ArrayList<>(matter.prerequisitesOf(item));
		Set<String> seen = new java.util.HashSet<>();
		while (!stack.isEmpty()) {
			String next = stack.remove(stack.size() - 1);
			if (next.equals(prerequisite)) {
				return true;
			}
			if (seen.add(next)) {
				stack.addAll(matter.prerequisitesOf(next));
			}
		}
		return false;
	}

	private static String english(Label label) {
		return label.en() == null ? label.zh() : label.en();
	}

	/** The materials the applicant still has to hand in. */
	public List<RequiredMaterial> toUpload() {
		return materials.stream().filter(m -> m.resolution().source() == Resolution.Source.UPLOAD).toList();
	}
}

package cn.onego.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 事项合并 as a what-if ({@link CatalogueChange.MergeItems}): the merged item, the matters renamed to name it, and the
 * check that no matter's items end up depending on each other in a cycle. Apart from the other operations because a
 * merge is the only one that reaches beyond one item or material, into the matters that use it.
 */
final class ItemMerge {

	private ItemMerge() {
	}

	/**
	 * The kept item with the absorbed one's materials and fields it did not ask for already, all the steps of both
	 * once, the longer of the limits (handled together, the merged item takes as long as the slower part) and the
	 * handling levels of either.
	 */
	static Item merged(Item kept, Item absorbed) {
		Set<String> have = new LinkedHashSet<>();
		List<Item.ItemMaterial> uses = new ArrayList<>(kept.materials());
		kept.materials().forEach(u -> have.add(u.material()));
		absorbed.materials().stream().filter(u -> have.add(u.material())).forEach(uses::add);
		Set<String> elements = new LinkedHashSet<>();
		List<Item.ItemField> fields = new ArrayList<>(kept.fields());
		kept.fields().forEach(f -> elements.add(f.element()));
		absorbed.fields().stream().filter(f -> elements.add(f.element())).forEach(fields::add);
		Set<Enums.Step> steps = new LinkedHashSet<>(kept.steps());
		steps.addAll(absorbed.steps());
		Set<Enums.HandlingLevel> levels = new LinkedHashSet<>(kept.levels());
		levels.addAll(absorbed.levels());
		return new Item(kept.code(), kept.name(), kept.type(), kept.departmentType(), kept.applicantTypes(), kept.legalBasis(),
				Math.max(kept.legalLimit(), absorbed.legalLimit()), Math.max(kept.promisedLimit(), absorbed.promisedLimit()),
				kept.instant() && absorbed.instant(), List.copyOf(steps), Set.copyOf(levels), kept.delegatedToParks(), kept.crossRegion(),
				kept.fee(), kept.result(), List.copyOf(uses), List.copyOf(fields),
				kept.autoApproval() != null && absorbed.autoApproval() != null ? kept.autoApproval() : null, kept.assumption());
	}

	/** The matter with {@code from} replaced by {@code to} wherever it names it: items, dependencies, situations. */
	static Matter renamed(Matter m, String from, String to) {
		if (m.items().stream().noneMatch(line -> line.item().equals(from))) {
			return m;
		}
		Map<String, Matter.MatterItem> lines = new LinkedHashMap<>();
		for (Matter.MatterItem line : m.items()) {
			String code = line.item().equals(from) ? to : line.item();
			Matter.MatterItem before = lines.get(code);
			lines.put(code, before == null ? new Matter.MatterItem(code, line.mandatory(), line.included())
					: new Matter.MatterItem(code, before.mandatory() || line.mandatory(), before.included() || line.included()));
		}
		Map<String, List<String>> dependencies = new LinkedHashMap<>();
		m.dependencies().forEach((item, needs) -> {
			String code = item.equals(from) ? to : item;
			Set<String> all = new LinkedHashSet<>(dependencies.getOrDefault(code, List.of()));
			needs.stream().map(n -> n.equals(from) ? to : n).filter(n -> !n.equals(code)).forEach(all::add);
			dependencies.put(code, List.copyOf(all));
		});
		List<Matter.Situation> situations = m.situations()
			.stream()
			.map(s -> new Matter.Situation(s.code(), s.question(), s.type(), s.askedWhen(), s.options()
				.stream()
				.map(o -> new Matter.Option(o.value(), o.label(), renamed(o.include(), from, to), renamed(o.exclude(), from, to)))
				.toList()))
			.toList();
		return new Matter(m.code(), m.name(), m.aliases(), m.theme(), m.applicantType(), m.leadDepartmentType(), m.national(),
				m.offeredIn(), m.basedOn(), m.description(), List.copyOf(lines.values()), dependencies, situations, m.assumption());
	}

	private static Matter.Effect renamed(Matter.Effect effect, String from, String to) {
		if (effect == null || !effect.items().contains(from)) {
			return effect;
		}
		return new Matter.Effect(effect.items().stream().map(i -> i.equals(from) ? to : i).distinct().toList(), effect.materials());
	}

	static boolean cyclic(Matter matter) {
		Map<String, Integer> state = new LinkedHashMap<>();
		for (String item : matter.dependencies().keySet()) {
			if (visit(matter, item, state)) {
				return true;
			}
		}
		return false;
	}

	private static boolean visit(Matter matter, String item, Map<String, Integer> state) {
		Integer s = state.get(item);
		if (s != null) {
			return s == 1;
		}
		state.put(item, 1);
		for (String next : matter.prerequisitesOf(item)) {
			if (visit(matter, next, state)) {
				return true;
			}
		}
		state.put(item, 2);
		return false;
	}
}

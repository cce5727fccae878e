package cn.onego.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.LifecycleStage;
import cn.onego.catalog.Enums.Theme;
import cn.onego.catalog.Matter.MatterItem;
import cn.onego.catalog.Matter.Situation;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * Reads matters/, one bundled matter a file: its items, the dependencies between them (which must not
 * form a cycle, or parallel approval could never start) and its situation questions. Read last, because
 * a matter refers to items, and items to everything else.
 */
final class MatterReader {

	private final CatalogueDraft draft;

	/** Where each matter was defined, to locate errors found only once every matter is read. */
	private final Map<String, YamlCursor> matterCursors = new LinkedHashMap<>();

	MatterReader(CatalogueDraft draft) {
		this.draft = draft;
	}

	void read(YamlCursor at) {
		String code = at.get("code").text();
		Label name = at.get("name").label();
		Theme theme = at.get("theme").enumValue(Theme.class, null);
		ApplicantType applicantType = at.get("applicantType").enumValue(ApplicantType.class, null);
		String lead = at.get("leadDepartmentType").present() ? draft.departmentTypeRef(at.get("leadDepartmentType")) : null;
		Matter.National national = national(at.get("national"), applicantType);
		List<RegionCode> offeredIn = at.get("offeredIn").list().stream().map(draft::regionRef).filter(r -> r != null).toList();
		List<MatterItem> matterItems = new ArrayList<>();
		Set<String> itemCodes = new LinkedHashSet<>();
		for (YamlCursor line : at.get("items").list()) {
			String item = line.get("item").text();
			if (item == null) {
				continue;
			}
			if (!draft.items.containsKey(item)) {
				if (!draft.wasDeclaredWithErrors(item)) {
					line.get("item").error("事项不存在：" + item, "unknown item: " + item);
				}
				continue;
			}
			if (!itemCodes.add(item)) {
				line.get("item").error("事项重复列出：" + item, "item listed twice: " + item);
				continue;
			}
			matterItems.add(new MatterItem(item, line.get("mandatory").bool(true), line.get("included").bool(true)));
		}
		Set<String> matterMaterials = new HashSet<>();
		itemCodes.forEach(i -> draft.items.get(i).materials().forEach(m -> matterMaterials.add(m.material())));

		Map<String, List<String>> dependencies = dependencies(at.get("dependencies"), itemCodes);
		List<Situation> situations = new SituationReader(itemCodes, matterMaterials).read(at.get("situations"));
		if (code != null && name != null && theme != null && applicantType != null) {
			Matter matter = new Matter(code, name, at.get("aliases").strings(), theme, applicantType, lead, national,
					offeredIn, at.get("basedOn").text(), at.get("description").label(), List.copyOf(matterItems),
					dependencies, List.copyOf(situations), at.get("assumption").text());
			draft.register(draft.matters, code, matter, at, "一件事", "matter");
			matterCursors.putIfAbsent(code, at);
		}
	}

	/**
	 * The matter's place in the national lists, or null for a local matter. The batch names its year, so the
	 * two must agree; the departments must exist; an enterprise matter sits in an enterprise's stage.
	 */
	private Matter.National national(YamlCursor at, ApplicantType applicantType) {
		if (!at.present()) {
			return null;
		}
		// the keys, their form and which are required are the schema's (matters.schema.json); here what it cannot say
		String batch = at.get("batch").text();
		Integer year = at.get("year").integer();
		if (batch != null && year != null && !batch.startsWith(year + "-")) {
			at.get("year").error("年份与批次 " + batch + " 不符：" + year, "the year does not match the batch " + batch + ": " + year);
		}
		String lead = at.get("leadDepartmentType").present() ? draft.departmentTypeRef(at.get("leadDepartmentType")) : null;
		List<String> cooperating = new ArrayList<>();
		for (YamlCursor type : at.get("cooperatingDepartmentTypes").list()) {
			String code = draft.departmentTypeRef(type);
			if (code == null) {
				continue;
			}
			if (code.equals(lead) || cooperating.contains(code)) {
				type.error("配合部门重复或与牵头部门相同：" + code, "cooperating department listed twice or also the lead: " + code);
				continue;
			}
			cooperating.add(code);
		}
		LifecycleStage stage = at.get("stage").enumValue(LifecycleStage.class, null);
		if (stage != null && applicantType != null && stage.enterprise != (applicantType == ApplicantType.ENTERPRISE)) {
			at.get("stage").error("生命周期阶段与申请人类型不符：" + stage, "the life-cycle stage does not fit the applicant type: " + stage);
		}
		if (batch == null || year == null || lead == null || stage == null) {
			return null;
		}
		return new Matter.National(batch, year, lead, List.copyOf(cooperating), stage);
	}

	private static Map<String, List<String>> dependencies(YamlCursor at, Set<String> itemCodes) {
		Map<String, List<String>> dependencies = new LinkedHashMap<>();
		for (YamlCursor line : at.list()) {
			String item = line.get("item").text();
			if (item != null && !itemCodes.contains(item)) {
				line.get("item").error("依赖关系中的事项不属于本一件事：" + item, "dependency names an item outside the matter: " + item);
				continue;
			}
			List<String> needs = new ArrayList<>();
			for (YamlCursor need : line.get("needs").list()) {
				String prerequisite = need.text();
				if (prerequisite == null) {
					continue;
				}
				if (!itemCodes.contains(prerequisite)) {
					need.error("前置事项不属于本一件事：" + prerequisite, "prerequisite is not an item of the matter: " + prerequisite);
				}
				else if (prerequisite.equals(item)) {
					need.error("事项不能依赖自身：" + item, "an item cannot depend on itself: " + item);
				}
				else {
					needs.add(prerequisite);
				}
			}
			if (item != null) {
				if (dependencies.containsKey(item)) {
					line.get("item").error("同一事项的依赖关系重复：" + item, "dependencies of the item given twice: " + item);
				}
				else {
					dependencies.put(item, List.copyOf(needs));
				}
			}
		}
		List<String> cycle = cycleIn(dependencies);
		if (!cycle.isEmpty()) {
			at.error("依赖关系存在循环：" + String.join(" → ", cycle),
					"the dependencies form a cycle: " + String.join(" → ", cycle));
		}
		return dependencies;
	}

	/** Checks what a matter may name only once all are read: a local variant's standard matter. */
	void checkBasedOn() {
		for (Matter matter : draft.matters.values()) {
			YamlCursor at = matterCursors.get(matter.code());
			if (matter.basedOn() != null) {
				if (!draft.matters.containsKey(matter.basedOn())) {
					at.get("basedOn").error("所依据的一件事不存在：" + matter.basedOn(), "unknown standard matter: " + matter.basedOn());
				}
				else if (matter.basedOn().equals(matter.code())) {
					at.get("basedOn").error("一件事不能以自身为依据", "a matter cannot be based on itself");
				}
			}
		}
	}

	/** A cycle in the dependency graph as the list of items along it, or an empty list. */
	static List<String> cycleIn(Map<String, List<String>> dependencies) {
		Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
		for (String start : dependencies.keySet()) {
			List<String> path = new ArrayList<>();
			List<String> cycle = visit(start, dependencies, state, path);
			if (!cycle.isEmpty()) {
				return cycle;
			}
		}
		return List.of();
	}

	private static List<String> visit(String node, Map<String, List<String>> graph, Map<String, Integer> state,
			List<String> path) {
		Integer seen = state.get(node);
		if (seen != null && seen == 2) {
			return List.of();
		}
		if (seen != null && seen == 1) {
			List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
			cycle.add(node);
			return cycle;
		}
		state.put(node, 1);
		path.add(node);
		for (String next : graph.getOrDefault(node, List.of())) {
			List<String> cycle = visit(next, graph, state, path);
			if (!cycle.isEmpty()) {
				return cycle;
			}
		}
		path.remove(path.size() - 1);
		state.put(node, 2);
		return List.of();
	}
}

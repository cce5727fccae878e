package cn.onego.catalog;

import java.util.List;
import java.util.Map;

import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.LifecycleStage;
import cn.onego.catalog.Enums.SituationType;
import cn.onego.catalog.Enums.Theme;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * A bundled matter (一件事): the items one life event or business scenario needs, the situation
 * questions that select them, and the dependencies between them (item → items whose results it needs).
 * {@code basedOn} makes it a local variant that replaces a standard matter where it is offered;
 * {@code national}, when set, says which national key matter (国家"高效办成一件事"重点事项) it implements.
 */
public record Matter(String code, Label name, List<String> aliases, Theme theme, ApplicantType applicantType,
		String leadDepartmentType, National national, List<RegionCode> offeredIn, String basedOn, Label description,
		List<MatterItem> items, Map<String, List<String>> dependencies, List<Situation> situations, String assumption) {

	/**
	 * Where the matter stands in the national "高效办成一件事" lists: the batch ({@code 2025-2}: the second list
	 * of 2025) and its year, the national lead (牵头部门) and cooperating departments (配合部门) as department
	 * types, and the life-cycle stage the State Council files it under (国办发〔2025〕24号).
	 */
	public record National(String batch, int year, String leadDepartmentType, List<String> cooperatingDepartmentTypes,
			LifecycleStage stage) {
	}

	/** The national batch the matter belongs to, e.g. {@code 2024-1}; null for a local matter. */
	public String nationalBatch() {
		return national == null ? null : national.batch();
	}

	/** An item of the matter: whether its refusal ends the case, and whether it applies by default. */
	public record MatterItem(String item, boolean mandatory, boolean included) {
	}

	/** A situation question (情形). Asked only when {@code askedWhen} holds, if set. */
	public record Situation(String code, Label question, SituationType type, Condition askedWhen,
			List<Option> options) {
	}

	public record Condition(String situation, List<String> anyOf) {
	}

	public record Option(String value, Label label, Effect include, Effect exclude) {
	}

	/** Items and materials an answer includes or excludes. */
	public record Effect(List<String> items, List<String> materials) {

		public static final Effect NONE = new Effect(List.of(), List.of());
	}

	public List<String> prerequisitesOf(String item) {
		return dependencies.getOrDefault(item, List.of());
	}
}

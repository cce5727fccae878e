package cn.onego.catalog;

import java.util.List;
import java.util.Map;

import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.SituationType;
import cn.onego.catalog.Enums.Theme;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * A bundled matter (一件事): the items one life event or business scenario needs, the situation
 * questions that select them, and the dependencies between them (item → items whose results it needs).
 * {@code basedOn} makes it a local variant that replaces a standard matter where it is offered.
 */
public record Matter(String code, Label name, List<String> aliases, Theme theme, ApplicantType applicantType,
		String leadDepartmentType, String nationalBatch, List<RegionCode> offeredIn, String basedOn, Label description,
		List<MatterItem> items, Map<String, List<String>> dependencies, List<Situation> situations, String assumption) {

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

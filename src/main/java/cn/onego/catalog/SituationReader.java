package cn.onego.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onego.catalog.Enums.SituationType;
import cn.onego.catalog.Matter.Condition;
import cn.onego.catalog.Matter.Effect;
import cn.onego.catalog.Matter.Situation;
import cn.onego.shared.Label;

/**
 * Reads a matter's situation questions, the guided questionnaire whose answers include or exclude
 * items and materials. A rule may only name the matter's own items and materials, and a question may
 * only depend on one asked before it, so that the questionnaire can be walked top to bottom.
 */
final class SituationReader {

	private final Set<String> itemCodes;
	private final Set<String> matterMaterials;

	/**
	 * @param itemCodes the matter's items
	 * @param matterMaterials every material any of those items asks for
	 */
	SituationReader(Set<String> itemCodes, Set<String> matterMaterials) {
		this.itemCodes = itemCodes;
		this.matterMaterials = matterMaterials;
	}

	List<Situation> read(YamlCursor list) {
		List<Situation> situations = new ArrayList<>();
		Map<String, Set<String>> optionValues = new HashMap<>();
		for (YamlCursor s : list.list()) {
			String situationCode = s.get("code").text();
			Label question = s.get("question").label();
			SituationType type = s.get("type").enumValue(SituationType.class, SituationType.SINGLE);
			Condition askedWhen = null;
			if (s.get("askedWhen").present()) {
				YamlCursor when = s.get("askedWhen");
				String other = when.get("situation").text();
				List<String> anyOf = when.get("anyOf").strings();
				if (other != null && !optionValues.containsKey(other)) {
					when.get("situation").error("前置情形不存在或未在此前声明：" + other,
							"the situation it depends on is unknown or declared later: " + other);
				}
				else if (other != null) {
					anyOf.stream().filter(v -> !optionValues.get(other).contains(v)).forEach(v -> when.get("anyOf")
						.error("情形 " + other + " 没有选项 " + v, "situation " + other + " has no option " + v));
				}
				askedWhen = new Condition(other, anyOf);
			}
			List<Matter.Option> options = new ArrayList<>();
			Set<String> values = new LinkedHashSet<>();
			for (YamlCursor o : s.get("options").list()) {
				String value = o.get("value").text();
				Label label = o.get("label").label();
				if (value != null && !values.add(value)) {
					o.get("value").error("选项取值重复：" + value, "duplicate option value: " + value);
				}
				Effect include = effect(o.get("include"));
				Effect exclude = effect(o.get("exclude"));
				if (value != null && label != null) {
					options.add(new Matter.Option(value, label, include, exclude));
				}
			}
			if (situationCode != null) {
				if (optionValues.containsKey(situationCode)) {
					s.get("code").error("情形编码重复：" + situationCode, "duplicate situation code: " + situationCode);
				}
				optionValues.put(situationCode, values);
				if (question != null) {
					situations.add(new Situation(situationCode, question, type, askedWhen, List.copyOf(options)));
				}
			}
		}
		return situations;
	}

	private Effect effect(YamlCursor at) {
		if (!at.present()) {
			return Effect.NONE;
		}
		List<String> effectItems = new ArrayList<>();
		for (YamlCursor item : at.get("items").list()) {
			String code = item.text();
			if (code != null && !itemCodes.contains(code)) {
				item.error("情形规则引用了不属于本一件事的事项：" + code, "situation rule names an item that is not in the matter: " + code);
			}
			else if (code != null) {
				effectItems.add(code);
			}
		}
		List<String> effectMaterials = new ArrayList<>();
		for (YamlCursor material : at.get("materials").list()) {
			String code = material.text();
			if (code != null && !matterMaterials.contains(code)) {
				material.error("情形规则引用了本一件事各事项都不需要的材料：" + code,
						"situation rule names a material none of the matter's items asks for: " + code);
			}
			else if (code != null) {
				effectMaterials.add(code);
			}
		}
		return new Effect(List.copyOf(effectItems), List.copyOf(effectMaterials));
	}
}

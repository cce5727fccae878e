package cn.onego.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.Enums.Registry;

/**
 * Reads an item's 秒批 rule. The rule is data that {@link AutoApproval} interprets at the window, so every
 * fact and comparison is checked here, at import: a rule that names a field the item does not ask for
 * would otherwise never approve, silently.
 */
final class AutoApprovalReader {

	private AutoApprovalReader() {
	}

	/** A 秒批 rule: facts are fields of the item ({@code form.X}) or registry keys ({@code registry.R.KEY}). */
	static AutoApproval read(YamlCursor at, String item, Set<String> itemFields) {
		if (!at.present()) {
			return null;
		}
		List<AutoApproval.Condition> conditions = new ArrayList<>();
		for (YamlCursor c : at.get("when").list()) {
			String fact = c.get("fact").text();
			AutoApproval.Operator op = c.get("op").enumValue(AutoApproval.Operator.class, null);
			List<String> values = c.get("values").present() ? c.get("values").strings()
					: c.get("value").present() ? List.of(c.get("value").text()) : List.of();
			if (fact != null) {
				String[] parts = fact.split("\\.");
				boolean known = (parts.length == 2 && parts[0].equals("form") && itemFields.contains(parts[1]))
						|| (parts.length == 3 && parts[0].equals("registry") && isRegistry(parts[1]));
				if (!known) {
					c.get("fact").error("秒批条件的事实应为本事项的表单字段（form.字段）或共享库数据（registry.库.键）：" + fact,
							"a fact is a field of the item (form.FIELD) or a registry key (registry.REGISTRY.KEY): " + fact);
				}
			}
			boolean needsValue = op != null && op != AutoApproval.Operator.PRESENT && op != AutoApproval.Operator.ABSENT;
			if (needsValue && values.isEmpty()) {
				c.error("该条件需要 value 或 values", "the condition needs a value or values");
			}
			if (op != null && List.of(AutoApproval.Operator.LT, AutoApproval.Operator.LTE, AutoApproval.Operator.GT,
					AutoApproval.Operator.GTE).contains(op) && !values.isEmpty()
					&& DataElementReader.checkValue(ElementType.NUMBER, values.get(0)) != null) {
				c.get("value").error("比较条件的值应为数值", "a comparison needs a numeric value");
			}
			if (fact != null && op != null && (!needsValue || !values.isEmpty())) {
				conditions.add(new AutoApproval.Condition(fact, op, List.copyOf(values)));
			}
		}
		return new AutoApproval(item + "#auto", List.copyOf(conditions));
	}

	private static boolean isRegistry(String name) {
		return Arrays.stream(Registry.values()).anyMatch(r -> r.name().equals(name));
	}
}

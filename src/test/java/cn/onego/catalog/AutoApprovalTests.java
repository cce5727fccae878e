package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.onego.catalog.AutoApproval.Condition;
import cn.onego.catalog.AutoApproval.Operator;

/** 秒批 rules are data: conditions on form values and registry facts, read and checked with the catalogue. */
class AutoApprovalTests {

	private final AutoApproval rule = new AutoApproval("X#auto", List.of(
			new Condition("form.INVOICE_CATEGORY", Operator.EQUALS, List.of("DIGITAL_ORDINARY")),
			new Condition("registry.ENTERPRISE.STATUS", Operator.IN, List.of("存续", "在业")),
			new Condition("form.BUSINESS_AREA", Operator.LTE, List.of("500")),
			new Condition("registry.CREDIT.SERIOUS_DISHONESTY", Operator.ABSENT, List.of())));

	@Test
	void holdsWhenEveryConditionOnFormAndRegistryFactsHolds() {
		Map<String, String> facts = Map.of("form.INVOICE_CATEGORY", "DIGITAL_ORDINARY", "registry.ENTERPRISE.STATUS", "存续",
				"form.BUSINESS_AREA", "120.5");
		assertThat(rule.holds(facts)).isTrue();
		assertThat(rule.registries()).containsExactly("ENTERPRISE", "CREDIT");
	}

	@Test
	void failsWhenAnyConditionFailsOrAFactIsMissingOrNotANumber() {
		Map<String, String> ok = Map.of("form.INVOICE_CATEGORY", "DIGITAL_ORDINARY", "registry.ENTERPRISE.STATUS", "存续",
				"form.BUSINESS_AREA", "120");
		assertThat(rule.holds(Map.of("form.INVOICE_CATEGORY", "DIGITAL_SPECIAL", "registry.ENTERPRISE.STATUS", "存续",
				"form.BUSINESS_AREA", "120"))).isFalse();
		assertThat(rule.holds(Map.of("form.INVOICE_CATEGORY", "DIGITAL_ORDINARY", "form.BUSINESS_AREA", "120")))
			.as("no registry record read").isFalse();
		assertThat(rule.holds(Map.of("form.INVOICE_CATEGORY", "DIGITAL_ORDINARY", "registry.ENTERPRISE.STATUS", "存续",
				"form.BUSINESS_AREA", "六百"))).isFalse();
		java.util.HashMap<String, String> dishonest = new java.util.HashMap<>(ok);
		dishonest.put("registry.CREDIT.SERIOUS_DISHONESTY", "true");
		assertThat(rule.holds(dishonest)).isFalse();
	}

	@Test
	void rejectsARuleOnAFactTheItemDoesNotHaveOrWithoutTheValueItCompares() {
		var files = TestCatalogue.files();
		String fire = "  result: {kind: NOTICE, name: {zh: 消防安全检查合格证}}\n";
		files.put("items/test.yaml", TestCatalogue.ITEMS.replace(fire, fire + "  autoApproval:\n    when:\n"
				+ "      - {fact: form.SHOP_AREA, op: LTE, value: \"200\"}\n"
				+ "      - {fact: registry.NOWHERE.X, op: PRESENT}\n"
				+ "      - {fact: registry.ENTERPRISE.AREA, op: GT}\n"
				+ "      - {fact: registry.ENTERPRISE.AREA, op: GT, value: many}\n"));
		assertThat(files.get("items/test.yaml")).contains("autoApproval");
		CatalogueReader.Outcome outcome = CatalogueReader.read(new CatalogueFiles(files));
		assertThat(outcome).isInstanceOf(CatalogueReader.Rejected.class);
		assertThat(((CatalogueReader.Rejected) outcome).errors()).as(((CatalogueReader.Rejected) outcome).errors().toString())
			.extracting(CatalogueError::location)
			.containsExactly("[2].autoApproval.when[0].fact", "[2].autoApproval.when[1].fact", "[2].autoApproval.when[2]",
					"[2].autoApproval.when[3].value");
	}
}

package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.shared.RegionCode;

/**
 * Each national key matter added for issue 19 gives guidance for its default answers in Changsha: a merged
 * form and a material list that are not empty, only items of the matter, and a department for every item.
 */
class NationalKeyMatterGuidanceTests {

	private static final Catalogue CATALOGUE = BundledCatalogueAccess.bundled();

	@ParameterizedTest
	@ValueSource(strings = { "HN-SOCIAL-SECURITY-CARD", "HN-BANKRUPTCY-CHECK", "HN-LISTING-COMPLIANCE", "HN-HOUSING-FUND-LOAN",
			"HN-TRADE-IN-SUBSIDY", "HN-CREDIT-REPORT", "HN-TAX-CREDIT-QUERY", "HN-TECH-ENTERPRISE-SUPPORT", "HN-IP-PROTECTION",
			"HN-SPORTS-EVENT", "HN-PARENTING-SUBSIDY", "HN-FLEXIBLE-EMPLOYMENT-INSURANCE", "HN-ELDERLY-ALLOWANCE" })
	void guidesTheDefaultAnswersWithAFormAndAMaterialList(String code) {
		Matter matter = CATALOGUE.matter(code).orElseThrow();
		assertThat(matter.national()).as("a national key matter").isNotNull();
		assertThat(CATALOGUE.mattersOfferedIn(RegionCode.of("430100"))).contains(matter);

		Guidance.Outcome outcome = Guidance.guide(CATALOGUE, matter, Guidance.typicalAnswers(matter), Set.of(),
				MaterialSources.AS_CATALOGUED);

		assertThat(outcome.applicability().items()).isNotEmpty()
			.allSatisfy(item -> assertThat(matter.items()).anyMatch(line -> line.item().equals(item)));
		assertThat(outcome.form().fields()).as("merged form").isNotEmpty();
		assertThat(outcome.materials().materials()).as("material list").isNotEmpty();
		for (String item : outcome.applicability().items()) {
			assertThat(CATALOGUE.competentDepartment(CATALOGUE.item(item).orElseThrow(), RegionCode.of("430102")))
				.as("a department in 天心区 or above for " + item).isPresent();
		}
	}
}

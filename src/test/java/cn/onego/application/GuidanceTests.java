package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.onego.application.MaterialList.RequiredMaterial;
import cn.onego.application.ReductionMetrics.Counts;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.catalog.TestCatalogue;

/**
 * Situation rules, the merged form, the material list and the metrics on the small test matter:
 * T-REG (registration, produces the business licence) → T-FOOD (food licence), and T-FIRE (fire check).
 */
class GuidanceTests {

	private final Catalogue catalogue = TestCatalogue.catalogue();
	private final Matter shop = catalogue.matter("T-SHOP").orElseThrow();

	@Test
	void includesTheDefaultItemsUntilAnAnswerExcludesOne() {
		assertThat(Applicability.of(shop, Answers.NONE).items()).containsExactly("T-REG", "T-FOOD", "T-FIRE");
		assertThat(Applicability.of(shop, Answers.NONE).open()).extracting(Matter.Situation::code).containsExactly("HAS_LICENCE");
		Applicability holder = Applicability.of(shop, Answers.of("HAS_LICENCE", "YES"));
		assertThat(holder.items()).containsExactly("T-FOOD", "T-FIRE");
		assertThat(holder.complete()).isTrue();
	}

	@Test
	void asksAFollowUpQuestionOnlyWhenItsConditionHolds() {
		String followUp = "  - code: SIGN\n    question: {zh: 是否设置户外招牌？}\n    askedWhen: {situation: HAS_LICENCE, anyOf: [\"NO\"]}\n"
				+ "    options:\n      - {value: \"Y\", label: 是, exclude: {items: [T-FIRE]}}\n      - {value: \"N\", label: 否}\n";
		Map<String, String> files = TestCatalogue.files();
		files.put("matters/t-shop.yaml", TestCatalogue.MATTER + followUp);
		Matter matter = TestCatalogue.catalogue(files).matter("T-SHOP").orElseThrow();
		assertThat(Applicability.of(matter, Answers.of("HAS_LICENCE", "YES")).asked()).extracting(Matter.Situation::code)
			.containsExactly("HAS_LICENCE");
		Applicability no = Applicability.of(matter, Answers.of("HAS_LICENCE", "NO"));
		assertThat(no.open()).extracting(Matter.Situation::code).containsExactly("SIGN");
		assertThat(Applicability.of(matter, Answers.of("HAS_LICENCE", "NO", "SIGN", "Y")).items())
			.containsExactly("T-REG", "T-FOOD");
		assertThat(Applicability.of(matter, Answers.of("HAS_LICENCE", "YES", "SIGN", "Y")).problems())
			.extracting(p -> p.field() + " " + p.code()).containsExactly("answers.SIGN not-asked");
	}

	@Test
	void reportsUnknownOptionsAndQuestionsAndSeveralAnswersToASingleChoice() {
		Applicability wrong = Applicability.of(shop,
				new Answers(Map.of("HAS_LICENCE", List.of("YES", "NO"), "PETS", List.of("Y"))));
		assertThat(wrong.problems()).extracting(p -> p.field() + " " + p.code())
			.containsExactlyInAnyOrder("answers.HAS_LICENCE single-choice", "answers.PETS unknown-situation");
		assertThat(Applicability.of(shop, Answers.of("HAS_LICENCE", "MAYBE")).problems())
			.extracting(p -> p.message().zh()).containsExactly("没有这个选项：MAYBE");
	}

	@Test
	void asksEverySharedFieldOnceWithTheStrictestValidation() {
		MergedForm form = MergedForm.derive(catalogue, List.of("T-REG", "T-FOOD", "T-FIRE"));
		assertThat(form.fields()).extracting(MergedForm.FormField::element)
			.containsExactly("APPLICANT_NAME", "LEGAL_REP_ID", "ENTERPRISE_CREDIT_CODE");
		MergedForm.FormField name = form.fields().get(0);
		assertThat(name.usedBy()).containsExactly("T-REG", "T-FOOD");
		assertThat(name.validation().maxLength()).isEqualTo(50);
		assertThat(name.required()).isTrue();
		assertThat(form.sections()).extracting(s -> s.label().zh()).containsExactly("申请人信息", "企业信息");
	}

	@Test
	void asksAMaterialNeededByTwoItemsOnceAndDoesNotAskForWhatAnEarlierItemProduces() {
		MaterialList list = MaterialList.derive(catalogue, shop, Applicability.of(shop, Answers.NONE), Set.of(),
				MaterialSources.NONE);
		assertThat(list.materials()).extracting(RequiredMaterial::material).containsExactly("ID_CARD", "BUSINESS_LICENCE");
		RequiredMaterial idCard = list.materials().get(0);
		assertThat(idCard.neededBy()).containsExactly("T-REG", "T-FOOD");
		assertThat(idCard.resolution().source()).isEqualTo(Resolution.Source.UPLOAD);
		RequiredMaterial licence = list.materials().get(1);
		assertThat(licence.resolution()).isInstanceOf(Resolution.EarlierItem.class);
		assertThat(licence.resolution().explanation().zh()).isEqualTo("由本件事的前置事项“企业设立登记”办结后产生：营业执照");
	}

	@Test
	void obtainsTheLicenceAsAnELicenceWhenTheRegistrationIsNotPartOfTheApplication() {
		Applicability holder = Applicability.of(shop, Answers.of("HAS_LICENCE", "YES"));
		MaterialList held = MaterialList.derive(catalogue, shop, holder, Set.of(), MaterialSources.AS_CATALOGUED);
		// the catalogue says it can be obtained; only a read for the applicant says it was
		assertThat(held.materials().get(1).resolution().explanation().zh()).isEqualTo("可通过电子证照获取（授权后如已持证则无需提交）：营业执照");
		MaterialList notHeld = MaterialList.derive(catalogue, shop, holder, Set.of(), MaterialSources.NONE);
		assertThat(notHeld.toUpload()).extracting(RequiredMaterial::material).containsExactly("ID_CARD", "BUSINESS_LICENCE");
	}

	@Test
	void acceptsACommitmentOnlyWhereEveryItemNeedingTheMaterialAllowsIt() {
		Map<String, String> files = TestCatalogue.files();
		files.put("items/test.yaml", TestCatalogue.ITEMS.replace("- {material: BUSINESS_LICENCE, gapAllowed: true}",
				"- {material: BUSINESS_LICENCE, commitmentAllowed: true}")
			.replace("- {material: ID_CARD}\n  fields:\n    - {element: APPLICANT_NAME, validation",
					"- {material: ID_CARD, commitmentAllowed: true}\n  fields:\n    - {element: APPLICANT_NAME, validation"));
		Catalogue changed = TestCatalogue.catalogue(files);
		Matter matter = changed.matter("T-SHOP").orElseThrow();
		Applicability holder = Applicability.of(matter, Answers.of("HAS_LICENCE", "YES"));
		MaterialList list = MaterialList.derive(changed, matter, holder, Set.of("ID_CARD", "BUSINESS_LICENCE"),
				MaterialSources.NONE);
		assertThat(list.materials()).extracting(m -> m.material() + " " + m.resolution().source())
			.containsExactly("ID_CARD UPLOAD", "BUSINESS_LICENCE COMMITMENT");
		// with the registration applicable, ID_CARD is needed by T-REG too, which allows no commitment
		assertThat(MaterialList.derive(changed, matter, Applicability.of(matter, Answers.NONE), Set.of("ID_CARD"),
				MaterialSources.NONE).materials().get(0).commitmentAllowed()).isFalse();
	}

	@Test
	void findsTheCriticalPathRatherThanTheSum() {
		Map<String, List<String>> needs = Map.of("C", List.of("A", "B"), "D", List.of("C"));
		Map<String, Integer> days = Map.of("A", 5, "B", 2, "C", 3, "D", 1, "E", 8);
		CriticalPath.Path path = CriticalPath.of(List.of("A", "B", "C", "D", "E"), n -> needs.getOrDefault(n, List.of()),
				days::get);
		assertThat(path.length()).isEqualTo(9);
		assertThat(path.nodes()).containsExactly("A", "C", "D");
		assertThat(CriticalPath.of(List.of("B", "C"), n -> needs.getOrDefault(n, List.of()), days::get).length())
			.as("an excluded prerequisite is not waited for").isEqualTo(5);
	}

	@Test
	void computesTheReductionMetricsOfTheTestShopByHand() {
		// before: materials 1 + 2, fields 2 + 2, steps 3 + 5 + 3, trips: 2 departments, days 1 + 5 + 7
		// after: ID card by e-licence, licence from T-REG → 0 to hand in, 3 merged fields,
		// 1 acceptance + 2 + 4 + 2 department steps, no original to show → no trip, critical path T-FIRE = 7
		ReductionMetrics metrics = Guidance.guide(catalogue, shop, Answers.NONE, Set.of(), MaterialSources.AS_CATALOGUED)
			.metrics();
		assertThat(metrics.before()).isEqualTo(new Counts(3, 4, 11, 2, 13));
		assertThat(metrics.after()).isEqualTo(new Counts(0, 3, 9, 0, 7));
		assertThat(metrics.reduction().materials()).isEqualByComparingTo("100.0");
		assertThat(metrics.reduction().formFields()).isEqualByComparingTo("25.0");
		assertThat(metrics.reduction().steps()).isEqualByComparingTo("18.2");
		assertThat(metrics.reduction().workingDays()).isEqualByComparingTo(new BigDecimal("46.2"));
		assertThat(metrics.criticalPath()).containsExactly("T-FIRE");
	}
}

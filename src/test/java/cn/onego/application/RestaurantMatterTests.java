package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.onego.application.MaterialList.RequiredMaterial;
import cn.onego.application.ReductionMetrics.Counts;
import cn.onego.catalog.BundledCatalogueAccess;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;

/**
 * The seed's 我要开粉面馆 on the shipped catalogue: a new individual business, a public gathering place
 * with an outdoor signboard that also sells tobacco — seven items, six departments.
 */
class RestaurantMatterTests {

	private final Catalogue catalogue = BundledCatalogueAccess.bundled();
	private final Matter restaurant = catalogue.matter("HN-CATERING").orElseThrow();
	private final Answers answers = Answers.of("HAS_BUSINESS_LICENCE", "NO", "ENTITY_FORM", "INDIVIDUAL_BUSINESS",
			"PUBLIC_GATHERING_PLACE", "YES", "OUTDOOR_SIGNBOARD", "YES", "SELLS_TOBACCO", "YES");
	private final Guidance.Outcome outcome = Guidance.guide(catalogue, restaurant, answers, Set.of(),
			MaterialSources.AS_CATALOGUED);

	@Test
	void involvesSixDepartments() {
		assertThat(outcome.applicability().complete()).isTrue();
		assertThat(outcome.applicability().items()).containsExactly("HN-SCJG-ENT-REG", "HN-SCJG-FOOD-LICENCE",
				"HN-SW-NEW-TAXPAYER", "HN-ZJ-DRAINAGE-PERMIT", "HN-XF-PUBLIC-VENUE-CHECK", "HN-CG-SIGNBOARD",
				"HN-YC-RETAIL-LICENCE");
		assertThat(outcome.metrics().departments()).isEqualTo(6);
	}

	@Test
	void asksEverySharedFieldOnce() {
		List<String> elements = outcome.form().fields().stream().map(MergedForm.FormField::element).toList();
		assertThat(elements).doesNotHaveDuplicates().hasSize(24);
		assertThat(field("ENTERPRISE_NAME").usedBy()).hasSize(7);
		assertThat(field("LEGAL_REP_ID_NUMBER").usedBy()).containsExactly("HN-SCJG-ENT-REG", "HN-SCJG-FOOD-LICENCE",
				"HN-XF-PUBLIC-VENUE-CHECK", "HN-YC-RETAIL-LICENCE");
		assertThat(field("SHOP_ADDRESS").usedBy()).hasSize(6);
		assertThat(field("CONTACT_MOBILE").required()).isTrue();
		assertThat(field("EMPLOYEE_COUNT").required()).as("optional for the registration, required by the food licence")
			.isTrue();
	}

	@Test
	void asksAMaterialNeededBySeveralItemsOnce() {
		assertThat(material("PREMISES_USE_PROOF").neededBy()).containsExactly("HN-SCJG-ENT-REG", "HN-CG-SIGNBOARD",
				"HN-YC-RETAIL-LICENCE");
		assertThat(material("PREMISES_USE_PROOF").commitmentAllowed()).as("the signboard and tobacco items want the proof")
			.isFalse();
		assertThat(material("RESIDENT_ID_CARD").neededBy()).hasSize(4);
		assertThat(outcome.materials().materials()).extracting(RequiredMaterial::material).doesNotHaveDuplicates();
	}

	@Test
	void doesNotAskTheLaterItemsForTheBusinessLicenceTheFirstItemProduces() {
		RequiredMaterial licence = material("BUSINESS_LICENCE");
		assertThat(licence.neededBy()).containsExactly("HN-SCJG-FOOD-LICENCE", "HN-SW-NEW-TAXPAYER",
				"HN-ZJ-DRAINAGE-PERMIT", "HN-XF-PUBLIC-VENUE-CHECK", "HN-CG-SIGNBOARD", "HN-YC-RETAIL-LICENCE");
		assertThat(licence.resolution()).isEqualTo(new Resolution.EarlierItem("HN-SCJG-ENT-REG",
				catalogue.item("HN-SCJG-ENT-REG").orElseThrow().name(), licence.name()));
		assertThat(material("RESIDENT_ID_CARD").resolution().explanation().zh()).as("what the catalogue says, not a read")
			.isEqualTo("可通过电子证照获取（授权后如已持证则无需提交）：居民身份证");
		assertThat(material("FOOD_LICENCE_APPLICATION").resolution().source()).isEqualTo(Resolution.Source.MERGED_FORM);
		assertThat(material("NAME_PRE_APPROVAL_NOTICE").resolution().source()).isEqualTo(Resolution.Source.EXEMPT_BY_LAW);
	}

	@Test
	void computesTheReductionMetricsByHand() {
		// Before, item by item (required materials / fields / steps / promised working days):
		//   设立登记 3/15/4/1, 食品经营许可 5/12/5/5, 新办纳税人 3/8/3/0, 排水许可 4/7/5/5,
		//   消防检查 5/11/5/7, 户外招牌 4/6/4/5, 烟草零售 4/9/5/10; one trip to each of 6 departments.
		//   = 28 materials, 68 fields, 31 steps, 6 trips, 33 days.
		// After: 7 application forms replaced by the merged form, the ID card as an e-licence, the
		//   business licence from 设立登记, the name notice exempt by law: 9 materials to hand in
		//   (场所使用证明, 2 食品 documents, 2 排水 documents, 3 消防 documents, 招牌效果图);
		//   24 distinct fields; 1 acceptance + 3 + 4 + 2 + 4 + 4 + 3 + 4 department steps = 25;
		//   1 trip (originals of the food documents are shown); critical path 设立登记 1 + 烟草 10 = 11.
		ReductionMetrics metrics = outcome.metrics();
		assertThat(metrics.before()).isEqualTo(new Counts(28, 68, 31, 6, 33));
		assertThat(metrics.after()).isEqualTo(new Counts(9, 24, 25, 1, 11));
		assertThat(metrics.reduction().materials()).isEqualByComparingTo("67.9");
		assertThat(metrics.reduction().formFields()).isEqualByComparingTo("64.7");
		assertThat(metrics.reduction().steps()).isEqualByComparingTo("19.4");
		assertThat(metrics.reduction().trips()).isEqualByComparingTo("83.3");
		assertThat(metrics.reduction().workingDays()).isEqualByComparingTo("66.7");
		assertThat(metrics.criticalPath()).containsExactly("HN-SCJG-ENT-REG", "HN-YC-RETAIL-LICENCE");
	}

	private MergedForm.FormField field(String element) {
		return outcome.form().fields().stream().filter(f -> f.element().equals(element)).findFirst().orElseThrow();
	}

	private RequiredMaterial material(String code) {
		return outcome.materials().materials().stream().filter(m -> m.material().equals(code)).findFirst().orElseThrow();
	}
}

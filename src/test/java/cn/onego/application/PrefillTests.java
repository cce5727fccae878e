package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import cn.onego.application.FieldValue.Origin;
import cn.onego.application.MergedForm.FormField;
import cn.onego.catalog.DataElement;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Enums.Theme;
import cn.onego.catalog.Validation;
import cn.onego.shared.Label;
import cn.onego.sharing.Representation.Capacity;

/** What the verified identity, the registries and the questionnaire fill in, and how each value is marked. */
class PrefillTests {

	private static final String WOMAN = "11010519491231002X";
	private static final String MAN = "110105194912310011";
	private static final String COMPANY = "91430102MA4L0000XX";
	private static final UUID CONSENT = UUID.randomUUID();

	private final List<Registry> read = new ArrayList<>();

	@Test
	void fillsTheFoundersOwnNameAndNumberWhereverTheFormMeansThemWhenTheyOpenABusiness() {
		Parties founder = new Parties("张三", WOMAN, ApplicantType.PERSON, WOMAN, Capacity.SELF, Theme.ENTERPRISE_OPENING);
		Map<String, FieldValue> form = fill(founder, Registry.POPULATION, registries(Map.of()), Map.of(),
				field("APPLICANT_NAME", Registry.POPULATION), field("LEGAL_REP_NAME", Registry.ENTERPRISE),
				field("LEGAL_REP_ID_NUMBER", Registry.ENTERPRISE), field("AGENT_NAME", Registry.POPULATION));
		assertThat(form.get("LEGAL_REP_NAME")).isEqualTo(FieldValue.prefilled("张三", Origin.IDENTITY, null, null));
		assertThat(form.get("LEGAL_REP_ID_NUMBER").value()).isEqualTo(WOMAN);
		assertThat(form.get("APPLICANT_NAME").origin()).isEqualTo(Origin.IDENTITY);
		assertThat(form).as("they are not their own agent").doesNotContainKey("AGENT_NAME");
	}

	@Test
	void fillsTheAgentsFieldsWithTheSignedInPersonAndTheApplicantsFromTheRegistryWhenARelativeApplies() {
		Parties relative = new Parties("李女儿", WOMAN, ApplicantType.PERSON, MAN, Capacity.RELATIVE, Theme.RETIREMENT);
		Map<String, FieldValue> form = fill(relative, Registry.POPULATION,
				registries(Map.of(Registry.POPULATION, Map.of("APPLICANT_NAME", "李退休", "APPLICANT_ID_NUMBER", MAN))), Map.of(),
				field("APPLICANT_NAME", Registry.POPULATION), field("AGENT_NAME", Registry.POPULATION),
				field("AGENT_ID_NUMBER", Registry.POPULATION));
		assertThat(form.get("AGENT_NAME").value()).isEqualTo("李女儿");
		assertThat(form.get("AGENT_ID_NUMBER").origin()).isEqualTo(Origin.IDENTITY);
		assertThat(form.get("APPLICANT_NAME")).isEqualTo(FieldValue.prefilled("李退休", Origin.REGISTRY, "POPULATION", CONSENT));
	}

	@Test
	void fillsTheEnterprisesDataFromItsRecordForItsLegalRepresentativeUnderTheKinOfEachElement() {
		Parties representative = new Parties("王老板", MAN, ApplicantType.ENTERPRISE, COMPANY, Capacity.LEGAL_REPRESENTATIVE,
				Theme.ENTERPRISE_OPENING);
		Map<String, Object> record = Map.of("ENTERPRISE_NAME", "长沙王记粉面馆有限公司", "LEGAL_REP_NAME", "王老板", "LEGAL_REP_ID",
				MAN, "REGISTERED_ADDRESS", "长沙市芙蓉区解放西路1号", "BUSINESS_SCOPE", "餐饮服务");
		Map<String, FieldValue> form = fill(representative, Registry.ENTERPRISE, registries(Map.of(Registry.ENTERPRISE, record)),
				Map.of(), field("ENTERPRISE_NAME", Registry.ENTERPRISE), field("CREDIT_CODE", Registry.ENTERPRISE),
				field("LEGAL_REP_NAME", Registry.ENTERPRISE), field("SHOP_ADDRESS", Registry.GEOGRAPHY),
				field("BUSINESS_SCOPE", Registry.ENTERPRISE), field("APPLICANT_NAME", Registry.POPULATION));
		assertThat(form.get("ENTERPRISE_NAME")).isEqualTo(FieldValue.prefilled("长沙王记粉面馆有限公司", Origin.REGISTRY, "ENTERPRISE", CONSENT));
		assertThat(form.get("CREDIT_CODE").value()).as("the record is held under the enterprise's code").isEqualTo(COMPANY);
		assertThat(form.get("LEGAL_REP_NAME").origin()).as("the verified identity first").isEqualTo(Origin.IDENTITY);
		assertThat(form.get("SHOP_ADDRESS")).as("not in the address registry: the enterprise's own record")
			.isEqualTo(FieldValue.prefilled("长沙市芙蓉区解放西路1号", Origin.REGISTRY, "ENTERPRISE", CONSENT));
		assertThat(form).as("an enterprise has no personal name").doesNotContainKey("APPLICANT_NAME");
		assertThat(read).as("each registry read once").containsExactly(Registry.ENTERPRISE, Registry.GEOGRAPHY, Registry.POPULATION);
	}

	@Test
	void takesAnAnswerOfTheQuestionnaireForTheFieldOfTheSameCodeWhenItIsOneOfItsOptions() {
		Parties founder = new Parties("张三", WOMAN, ApplicantType.PERSON, WOMAN, Capacity.SELF, Theme.ENTERPRISE_OPENING);
		FormField form = new FormField("ENTITY_FORM", Label.of("主体类型", "Entity"), ElementType.ENUM, true, Validation.NONE,
				List.of(new DataElement.Option("INDIVIDUAL_BUSINESS", Label.of("个体工商户", "Individual")),
						new DataElement.Option("LIMITED_COMPANY", Label.of("有限责任公司", "Company"))),
				false, Registry.ENTERPRISE, null, List.of());
		Map<String, FieldValue> filled = Prefill.fill(List.of(form), Map.of(), founder, Registry.POPULATION,
				registries(Map.of()), Map.of("ENTITY_FORM", List.of("LIMITED_COMPANY")), CONSENT);
		assertThat(filled.get("ENTITY_FORM")).isEqualTo(FieldValue.prefilled("LIMITED_COMPANY", Origin.QUESTIONNAIRE, null, null));
		Map<String, FieldValue> unknown = Prefill.fill(List.of(form), Map.of(), founder, Registry.POPULATION, registries(Map.of()),
				Map.of("ENTITY_FORM", List.of("PARTNERSHIP")), CONSENT);
		assertThat(unknown).isEmpty();
	}

	@Test
	void keepsWhatTheApplicantTypedAndTakesOutAPrefilledValueNothingConfirmsAnyMore() {
		Parties self = new Parties("张三", WOMAN, ApplicantType.PERSON, WOMAN, Capacity.SELF, Theme.RETIREMENT);
		Map<String, FieldValue> before = Map.of("EMPLOYER_NAME",
				FieldValue.prefilled("长沙示例机械厂", Origin.REGISTRY, "SOCIAL_SECURITY", CONSENT), "RESIDENCE_ADDRESS",
				FieldValue.typed("长沙市岳麓区1号"));
		Map<String, FieldValue> after = fill(self, Registry.POPULATION, registries(Map.of()), before,
				field("EMPLOYER_NAME", Registry.SOCIAL_SECURITY), field("RESIDENCE_ADDRESS", Registry.GEOGRAPHY));
		assertThat(after).as("the consent was withdrawn: the registry's value goes, the typed one stays")
			.containsOnlyKeys("RESIDENCE_ADDRESS");
	}

	@Test
	void fillsTheMothersOrTheFathersFieldsBySexTheIdNumberRecords() {
		FormField[] parents = { field("MOTHER_NAME", Registry.POPULATION), field("FATHER_NAME", Registry.POPULATION) };
		Map<String, FieldValue> mother = fill(new Parties("张三", WOMAN, ApplicantType.PERSON, WOMAN, Capacity.SELF, Theme.BIRTH),
				Registry.POPULATION, registries(Map.of()), Map.of(), parents);
		Map<String, FieldValue> father = fill(new Parties("张四", MAN, ApplicantType.PERSON, MAN, Capacity.SELF, Theme.BIRTH),
				Registry.POPULATION, registries(Map.of()), Map.of(), parents);
		assertThat(mother).containsOnlyKeys("MOTHER_NAME");
		assertThat(father).containsOnlyKeys("FATHER_NAME");
	}

	private Map<String, FieldValue> fill(Parties parties, Registry home, Function<Registry, Optional<Map<String, Object>>> records,
			Map<String, FieldValue> form, FormField... fields) {
		return Prefill.fill(List.of(fields), form, parties, home, records, Map.of(), CONSENT);
	}

	/** The records the registries hold; each read noted (the real reads are memoised by the caller). */
	private Function<Registry, Optional<Map<String, Object>>> registries(Map<Registry, Map<String, Object>> held) {
		java.util.Map<Registry, Optional<Map<String, Object>>> memo = new java.util.EnumMap<>(Registry.class);
		return registry -> memo.computeIfAbsent(registry, r -> {
			read.add(r);
			return Optional.ofNullable(held.get(r));
		});
	}

	private static FormField field(String element, Registry registry) {
		return new FormField(element, Label.of(element, element), ElementType.TEXT, false, Validation.NONE, List.of(), true,
				registry, null, List.of());
	}
}

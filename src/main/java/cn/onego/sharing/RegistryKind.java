package cn.onego.sharing;

import static cn.onego.catalog.Enums.ElementType.DATE;
import static cn.onego.catalog.Enums.ElementType.ID_NUMBER;
import static cn.onego.catalog.Enums.ElementType.INTEGER;
import static cn.onego.catalog.Enums.ElementType.MOBILE;
import static cn.onego.catalog.Enums.ElementType.TEXT;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.Enums.Registry;
import cn.onego.shared.Label;

/**
 * A kind of shared registry and what it can answer: the catalogue's data elements (by code, see
 * {@code catalog/data-elements.yaml}, whose {@code registry} names this kind) and a few record keys that no form
 * field asks for but that a registry does hold (the mobile on record, a spouse's ID number …), each with its type
 * so that an answer can be checked. The registries map onto the catalogue's kinds: 户籍 is
 * {@code POPULATION}, 市场主体 {@code ENTERPRISE}, 不动产 {@code PROPERTY}, 社保 {@code SOCIAL_SECURITY}; the
 * medical birth certificate (出生医学证明) and the medical death certificate are issued by health institutions,
 * so both are {@code HEALTH}; marriage registration (婚姻登记) is {@code CIVIL_AFFAIRS}, like cremation;
 * 学历 {@code EDUCATION}; 残疾人证 {@code DISABILITY}.
 */
public record RegistryKind(Registry registry, Label name, Set<String> elements, Map<String, ElementType> recordKeys) {

	private static final Map<Registry, RegistryKind> KINDS = new EnumMap<>(Registry.class);

	static {
		kind(Registry.POPULATION, "人口库（户籍）", "Population and household register",
				Set.of("APPLICANT_NAME", "APPLICANT_ID_NUMBER", "AGENT_NAME", "AGENT_ID_NUMBER", "EMPLOYEE_NAME",
						"EMPLOYEE_ID_NUMBER", "DECEASED_NAME", "DECEASED_ID_NUMBER", "STUDENT_NAME", "STUDENT_ID_NUMBER",
						"MOTHER_NAME", "MOTHER_ID_NUMBER", "FATHER_NAME", "FATHER_ID_NUMBER", "HOUSEHOLD_ADDRESS",
						"HOUSEHOLD_HEAD_NAME", "RELATION_TO_HEAD", "BUYER_NAME", "BUYER_ID_NUMBER", "CHILD_NAME", "CHILD_ID_NUMBER"),
				Map.of("MOBILE", MOBILE, "HOUSEHOLD_ID", TEXT));
		kind(Registry.ENTERPRISE, "法人库（市场主体登记）", "Register of market entities",
				Set.of("ENTERPRISE_NAME", "FORMER_ENTERPRISE_NAME", "CREDIT_CODE", "ENTITY_FORM", "LEGAL_REP_NAME",
						"LEGAL_REP_ID_NUMBER", "REGISTERED_CAPITAL", "ORIGINAL_REGION", "BUSINESS_SCOPE"),
				Map.of("REGISTERED_ADDRESS", TEXT, "ESTABLISHED_ON", DATE));
		kind(Registry.PROPERTY, "不动产登记", "Real-estate register",
				Set.of("REAL_ESTATE_UNIT_NUMBER", "REAL_ESTATE_CERT_NUMBER", "PROPERTY_ADDRESS", "BUILDING_AREA",
						"SELLER_NAME", "SELLER_ID_NUMBER", "MORTGAGEE_NAME"),
				Map.of());
		kind(Registry.SOCIAL_SECURITY, "社会保险", "Social insurance", Set.of("EMPLOYER_NAME"),
				Map.of("SOCIAL_SECURITY_NUMBER", TEXT, "INSURED_SINCE", DATE));
		kind(Registry.MEDICAL_INSURANCE, "医疗保障", "Medical insurance", Set.of(), Map.of());
		kind(Registry.CIVIL_AFFAIRS, "民政（婚姻登记、救助）", "Civil affairs (marriage, assistance)", Set.of("HARDSHIP_TYPE"),
				Map.of("MARITAL_STATUS", TEXT, "SPOUSE_NAME", TEXT, "SPOUSE_ID_NUMBER", ID_NUMBER, "MARRIAGE_DATE", DATE,
						"MARRIAGE_CERTIFICATE_NUMBER", TEXT));
		kind(Registry.HOUSING_FUND, "住房公积金", "Housing provident fund", Set.of("HOUSING_FUND_ACCOUNT"), Map.of());
		kind(Registry.TAX, "税务", "Taxation", Set.of("LAST_YEAR_REVENUE", "RD_EXPENSE"), Map.of());
		kind(Registry.EDUCATION, "学历学籍", "Education records", Set.of(),
				Map.of("HIGHEST_EDUCATION", TEXT, "GRADUATED_FROM", TEXT, "GRADUATION_YEAR", INTEGER));
		kind(Registry.HEALTH, "卫生健康（出生医学证明、死亡医学证明）", "Health (medical birth and death certificates)",
				// the medical birth certificate carries the newborn's name, which the catalogue leaves to the parents
				Set.of("DEATH_DATE", "DEATH_PLACE", "NEWBORN_NAME", "NEWBORN_GENDER", "NEWBORN_BIRTH_DATE",
						"NEWBORN_BIRTH_PLACE", "BIRTH_INSTITUTION"),
				Map.of("BIRTH_CERTIFICATE_NUMBER", TEXT));
		kind(Registry.CREDIT, "信用信息", "Credit information", Set.of(), Map.of());
		kind(Registry.DISABILITY, "残疾人信息", "Persons with disabilities", Set.of("DISABILITY_CATEGORY", "DISABILITY_GRADE"),
				Map.of("DISABILITY_CARD_NUMBER", TEXT));
		kind(Registry.VETERANS, "退役军人信息", "Veterans", Set.of("ENLISTMENT_DATE", "DISCHARGE_DATE", "PLACEMENT_TYPE"), Map.of());
		kind(Registry.GEOGRAPHY, "地理信息（地址库）", "Addresses and places",
				Set.of("SHOP_ADDRESS", "SHOP_REGION", "RESIDENCE_ADDRESS", "WORKS_LOCATION"), Map.of());
	}

	public RegistryKind {
		elements = Set.copyOf(elements);
		recordKeys = Map.copyOf(recordKeys);
	}

	private static void kind(Registry registry, String zh, String en, Set<String> elements, Map<String, ElementType> keys) {
		KINDS.put(registry, new RegistryKind(registry, Label.of(zh, en), elements, keys));
	}

	/** The kind of the registry; every registry of the catalogue has one. */
	public static RegistryKind of(Registry registry) {
		return KINDS.get(registry);
	}

	/** The kind of registry that answers a data element or record key, if any does. */
	public static Optional<RegistryKind> answering(String element) {
		return Arrays.stream(Registry.values()).map(KINDS::get).filter(kind -> kind.answers(element)).findFirst();
	}

	/** Whether a record of this registry may carry the key: one of its data elements or record keys. */
	public boolean answers(String key) {
		return elements.contains(key) || recordKeys.containsKey(key);
	}
}

package cn.onego.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small valid catalogue written out as files, for tests that break one thing at a time. Three
 * items of a shop matter: a registration producing the business licence, a food licence that needs it,
 * and a fire check; one situation question excludes the registration.
 */
public final class TestCatalogue {

	private TestCatalogue() {
	}

	static final String REGIONS = """
			# test regions
			code,name,level,parent
			430000,湖南省,PROVINCE,
			430100,长沙市,PREFECTURE,430000
			430121,长沙县,COUNTY,430100
			""";

	static final String DEPARTMENT_TYPES = """
			- code: MARKET_REGULATION
			  name: {zh: 市场监管, en: Market regulation}
			  nameTemplate: "{region}市场监督管理局"
			- code: FIRE_RESCUE
			  name: {zh: 消防救援, en: Fire and rescue}
			  nameTemplate: "{region}消防救援支队"
			""";

	static final String DEPARTMENTS = """
			standardSets:
			  CITY: [MARKET_REGULATION, FIRE_RESCUE]
			  COUNTY: [MARKET_REGULATION]
			placements:
			  - under: "430000"
			    levels: [PREFECTURE]
			    set: CITY
			  - under: "430000"
			    levels: [COUNTY]
			    set: COUNTY
			parks:
			  - code: HN-P-TEST
			    name: {zh: 测试园区}
			    region: "430121"
			""";

	static final String ELEMENTS = """
			- code: APPLICANT_NAME
			  label: {zh: 申请人名称, en: Applicant name}
			  type: TEXT
			  section: APPLICANT
			  validation: {maxLength: 100}
			- code: LEGAL_REP_ID
			  label: {zh: 法定代表人身份证号, en: Legal representative's ID number}
			  type: ID_NUMBER
			  section: APPLICANT
			  personal: true
			  registry: POPULATION
			  example: "11010519491231002X"
			- code: ENTERPRISE_CREDIT_CODE
			  label: {zh: 统一社会信用代码, en: Unified social credit code}
			  type: CREDIT_CODE
			  section: ENTERPRISE
			  example: "91350100M000100Y43"
			""";

	static final String MATERIALS = """
			- code: ID_CARD
			  name: {zh: 居民身份证, en: Resident ID card}
			  kind: CERTIFICATE
			  licenceType: RESIDENT_ID_CARD
			- code: BUSINESS_LICENCE
			  name: {zh: 营业执照, en: Business licence}
			  kind: CERTIFICATE
			  licenceType: BUSINESS_LICENCE
			""";

	public static final String ITEMS = """
			- code: T-REG
			  name: {zh: 企业设立登记, en: Company registration}
			  type: ADMINISTRATIVE_LICENSING
			  departmentType: MARKET_REGULATION
			  applicantTypes: [ENTERPRISE]
			  legalBasis: 《中华人民共和国市场主体登记管理条例》
			  legalLimit: 3
			  promisedLimit: 1
			  steps: [ACCEPT, DECIDE, ISSUE]
			  levels: [CITY, COUNTY]
			  result: {kind: LICENCE, licenceType: BUSINESS_LICENCE, name: {zh: 营业执照}}
			  materials:
			    - {material: ID_CARD}
			  fields:
			    - {element: APPLICANT_NAME}
			    - {element: LEGAL_REP_ID}
			- code: T-FOOD
			  name: {zh: 食品经营许可, en: Food business licence}
			  type: ADMINISTRATIVE_LICENSING
			  departmentType: MARKET_REGULATION
			  applicantTypes: [ENTERPRISE]
			  legalBasis: 《中华人民共和国食品安全法》第三十五条
			  legalLimit: 20
			  promisedLimit: 5
			  steps: [ACCEPT, REVIEW, INSPECT, DECIDE, ISSUE]
			  levels: [CITY, COUNTY]
			  crossRegion: {scope: PROVINCE}
			  result: {kind: LICENCE, licenceType: FOOD_BUSINESS_LICENCE, name: {zh: 食品经营许可证}}
			  materials:
			    - {material: ID_CARD}
			    - {material: BUSINESS_LICENCE, gapAllowed: true}
			  fields:
			    - {element: APPLICANT_NAME, validation: {maxLength: 50}}
			    - {element: ENTERPRISE_CREDIT_CODE}
			- code: T-FIRE
			  name: {zh: 公众聚集场所投入使用、营业前消防安全检查, en: Fire safety check}
			  type: ADMINISTRATIVE_LICENSING
			  departmentType: FIRE_RESCUE
			  applicantTypes: [ENTERPRISE]
			  legalBasis: 《中华人民共和国消防法》第十五条
			  legalLimit: 10
			  promisedLimit: 7
			  steps: [ACCEPT, INSPECT, DECIDE]
			  levels: [CITY]
			  result: {kind: NOTICE, name: {zh: 消防安全检查合格证}}
			""";

	public static final String MATTER = """
			code: T-SHOP
			name: {zh: 开办测试餐饮店一件事, en: Opening a test restaurant}
			aliases: [我要开测试店]
			theme: ENTERPRISE_OPENING
			applicantType: ENTERPRISE
			leadDepartmentType: MARKET_REGULATION
			offeredIn: ["430000"]
			items:
			  - {item: T-REG}
			  - {item: T-FOOD}
			  - {item: T-FIRE, mandatory: false}
			dependencies:
			  - item: T-FOOD
			    needs: [T-REG]
			situations:
			  - code: HAS_LICENCE
			    question: {zh: 是否已领取营业执照？, en: "Do you hold a business licence?"}
			    options:
			      - value: "YES"
			        label: {zh: 是, en: "Yes"}
			        exclude: {items: [T-REG]}
			      - value: "NO"
			        label: {zh: 否, en: "No"}
			""";

	private static final java.util.regex.Pattern CODES = java.util.regex.Pattern
		.compile("\\b(APPLICANT_NAME|LEGAL_REP_ID|ENTERPRISE_CREDIT_CODE|ID_CARD|BUSINESS_LICENCE|T-REG|T-FOOD|T-FIRE|T-SHOP)\\b");

	/**
	 * The test's own data elements, materials, items and matter, with every code prefixed, as files to
	 * lay over another catalogue (which must have 430000 and the two department types).
	 */
	static Map<String, String> additions(String prefix) {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("data-elements/" + prefix.toLowerCase() + ".yaml", prefixed(ELEMENTS, prefix));
		files.put("materials/" + prefix.toLowerCase() + ".yaml", prefixed(MATERIALS, prefix));
		files.put("items/" + prefix.toLowerCase() + ".yaml", prefixed(ITEMS, prefix));
		files.put("matters/" + prefix.toLowerCase() + "-shop.yaml", prefixed(MATTER, prefix));
		return files;
	}

	private static String prefixed(String text, String prefix) {
		return CODES.matcher(text).replaceAll(m -> prefix + m.group(1));
	}

	/** The test catalogue, read and validated. */
	public static Catalogue catalogue() {
		return catalogue(files());
	}

	public static Catalogue catalogue(Map<String, String> files) {
		CatalogueReader.Outcome outcome = CatalogueReader.read(new CatalogueFiles(files));
		if (outcome instanceof CatalogueReader.Rejected rejected) {
			throw new AssertionError("expected a valid catalogue: " + rejected.errors());
		}
		return ((CatalogueReader.Read) outcome).catalogue();
	}

	public static Map<String, String> files() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("regions.csv", REGIONS);
		files.put("department-types.yaml", DEPARTMENT_TYPES);
		files.put("departments.yaml", DEPARTMENTS);
		files.put("data-elements.yaml", ELEMENTS);
		files.put("materials.yaml", MATERIALS);
		files.put("items/test.yaml", ITEMS);
		files.put("matters/t-shop.yaml", MATTER);
		return files;
	}
}

package cn.onego.catalog;

import cn.onego.shared.Label;

/** Namespace for the catalogue's small enumerations, each listed in docs/CATALOGUE.md. */
public final class Enums {

	private Enums() {
	}

	public enum RegionLevel {
		PROVINCE, PREFECTURE, COUNTY, TOWN, VILLAGE
	}

	/** GB/T 39046 A.1 事项类型, in the subset a one-thing catalogue uses. */
	public enum ItemType {
		ADMINISTRATIVE_LICENSING("01"), ADMINISTRATIVE_CONFIRMATION("07"), ADMINISTRATIVE_PAYMENT("05"),
		ADMINISTRATIVE_REWARD("08"), ADMINISTRATIVE_RULING("09"), OTHER_ADMINISTRATIVE("10"), PUBLIC_SERVICE("20");

		public final String gbCode;

		ItemType(String gbCode) {
			this.gbCode = gbCode;
		}
	}

	public enum ApplicantType {
		PERSON, ENTERPRISE
	}

	/** 环节: 受理, 审查, 勘验, 决定, 制证/送达. */
	public enum Step {
		ACCEPT, REVIEW, INSPECT, DECIDE, ISSUE
	}

	/** GB/T 39046 A.2 行使层级. */
	public enum HandlingLevel {
		PROVINCE, CITY, COUNTY, TOWN, VILLAGE
	}

	/**
	 * 通办范围: where besides the competent region's own halls an item may be accepted (异地收件、属地办理). The rule is
	 * {@link Item.CrossRegion#offers}.
	 */
	public enum CrossRegionScope {
		/** 仅限属地办理: only the competent region's hall, or one above it. */
		NONE,
		/** 全市通办: any hall of the same prefecture-level city. */
		CITY,
		/** 全省通办: any hall of the same province. */
		PROVINCE,
		/** 跨省通办: any hall of the province, and the halls of the partner regions in other provinces (both ways). */
		CROSS_PROVINCE,
		/** 全国通办: any hall in the country. */
		NATIONWIDE
	}

	public enum MaterialKind {
		CERTIFICATE, PROOF, FORM, OTHER
	}

	public enum ResultKind {
		LICENCE, NOTICE
	}

	public enum ElementType {
		TEXT, NUMBER, INTEGER, DATE, BOOLEAN, ENUM, REGION, ID_NUMBER, CREDIT_CODE, MOBILE, EMAIL, ADDRESS, AREA_M2,
		MONEY, BANK_ACCOUNT
	}

	/** Sections of the merged form, in the order they are shown. */
	public enum Section {
		APPLICANT, ENTERPRISE, AGENT, PERSON, FAMILY, PREMISES, BUSINESS, PROPERTY, EMPLOYMENT, BENEFIT, DELIVERY, OTHER
	}

	/** Shared registries (共享库) that may answer for a material or supply a field. */
	public enum Registry {
		POPULATION, ENTERPRISE, PROPERTY, SOCIAL_SECURITY, MEDICAL_INSURANCE, CIVIL_AFFAIRS, HOUSING_FUND, TAX, EDUCATION,
		HEALTH, CREDIT, DISABILITY, VETERANS, GEOGRAPHY
	}

	/** Life-cycle stages: the citizen's from birth to death, the enterprise's from opening to exit. */
	public enum Theme {
		BIRTH(false), EDUCATION(false), EMPLOYMENT(false), MARRIAGE_FAMILY(false), HOUSING(false), TRAVEL(false),
		MEDICAL(false), ASSISTANCE(false), RETIREMENT(false), DEATH(false), MILITARY(false), DISABILITY(false),
		ENTERPRISE_OPENING(true), ENTERPRISE_CHANGE(true), ENTERPRISE_OPERATION(true), INVESTMENT_CONSTRUCTION(true),
		ENTERPRISE_EXIT(true), POLICY_BENEFITS(true);

		public final boolean enterprise;

		Theme(boolean enterprise) {
			this.enterprise = enterprise;
		}
	}

	public enum SituationType {
		SINGLE, MULTIPLE
	}

	/**
	 * The life-cycle stages the national key matters are filed under (国办发〔2025〕24号): an enterprise's from
	 * entry to exit, a person's from birth to death. Not the portal's {@link Theme}s, which are OneGo's own
	 * grouping for browsing.
	 */
	public enum LifecycleStage {
		ENTRY_AND_OPERATION(true, "准入准营", "Entry and licensed operation"),
		HIRING(true, "招聘用工", "Hiring and employment"),
		TAXES_AND_FEES(true, "纳税缴费", "Taxes and contributions"),
		BUSINESS_DEVELOPMENT(true, "经营发展", "Business development"),
		CONSTRUCTION(true, "工程建设", "Construction projects"),
		EXIT(true, "注销退出", "Deregistration and exit"),
		BIRTH(false, "出生", "Birth"),
		EDUCATION(false, "教育", "Education"),
		EMPLOYMENT(false, "就业", "Employment"),
		LIVING(false, "生活", "Daily life"),
		HOME(false, "置业", "Buying a home"),
		TRAVEL(false, "出行", "Travel"),
		MEDICAL_CARE(false, "就医", "Medical care"),
		ASSISTANCE(false, "救助", "Social assistance"),
		OLD_AGE(false, "养老", "Old age"),
		AFTER_DEATH(false, "身后", "After death");

		public final boolean enterprise;

		public final Label label;

		LifecycleStage(boolean enterprise, String zh, String en) {
			this.enterprise = enterprise;
			this.label = new Label(zh, en);
		}
	}
}

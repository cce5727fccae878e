package cn.onego.licences;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.shared.Label;

/**
 * A kind of licence (证照类型): its name, the rule its numbers follow, the type code of its identifier and how long
 * a licence of the kind is valid when its issuer does not say.
 * <p>
 * A 营业执照's number is the enterprise's 统一社会信用代码 and passes GB 32100; a 居民身份证's is the 公民身份号码 and
 * passes GB 11643; other numbers follow each department's own format, so only a sane shape is asked of them:
 * 4 to 64 letters, digits, Chinese characters, hyphens and brackets, with at least one digit.
 * <p>
 * <b>Assumption:</b> the type code of an identifier is the credit code of the authority that defines the type,
 * followed by a 3-digit type number. The real codes of the defining ministries are not in our sources (only
 * 住建部's, {@code 11100000000013338W}), so each is a synthetic, valid credit code derived from the ministry's
 * name ({@link SyntheticCreditCodes}); the type numbers are OneGo's own.
 */
public record LicenceType(String code, Label name, NumberRule rule, String definedBy, int typeNumber, Integer validityYears) {

	/** What a licence number of a type must be. */
	public enum NumberRule {
		/** 统一社会信用代码, GB 32100. */
		CREDIT_CODE,
		/** 公民身份号码, GB 11643. */
		ID_NUMBER,
		/** A department's own numbering: a sane shape only. */
		SHAPE
	}

	static final Pattern SANE = Pattern.compile("(?=.*\\d)[0-9A-Za-z\\p{IsHan}\\-()（）〔〕\\[\\]]{4,64}");

	private static final Map<String, LicenceType> KNOWN = Map.ofEntries(
			known("BUSINESS_LICENCE", "营业执照", "Business licence", NumberRule.CREDIT_CODE, "国家市场监督管理总局", 1, null),
			known("FOOD_BUSINESS_LICENCE", "食品经营许可证", "Food business licence", NumberRule.SHAPE, "国家市场监督管理总局", 2, 5),
			known("RESIDENT_ID_CARD", "居民身份证", "Resident identity card", NumberRule.ID_NUMBER, "公安部", 1, null),
			known("HOUSEHOLD_REGISTER", "居民户口簿", "Household register", NumberRule.SHAPE, "公安部", 2, null),
			known("RESIDENCE_PERMIT", "居住证", "Residence permit", NumberRule.SHAPE, "公安部", 3, null),
			known("DRIVING_LICENCE", "机动车驾驶证", "Driving licence", NumberRule.SHAPE, "公安部", 4, null),
			known("VEHICLE_LICENCE", "机动车行驶证", "Vehicle licence", NumberRule.SHAPE, "公安部", 5, null),
			known("SOCIAL_SECURITY_CARD", "社会保障卡", "Social security card", NumberRule.SHAPE, "人力资源和社会保障部", 1, null),
			known("BIRTH_MEDICAL_CERTIFICATE", "出生医学证明", "Medical birth certificate", NumberRule.SHAPE, "国家卫生健康委员会", 1, null),
			known("VACCINATION_CERTIFICATE", "预防接种证", "Vaccination certificate", NumberRule.SHAPE, "国家卫生健康委员会", 2, null),
			known("DEATH_CERTIFICATE", "死亡证明", "Death certificate", NumberRule.SHAPE, "国家卫生健康委员会", 3, null),
			known("MARRIAGE_CERTIFICATE", "结婚证", "Marriage certificate", NumberRule.SHAPE, "民政部", 1, null),
			known("CREMATION_CERTIFICATE", "火化证明", "Cremation certificate", NumberRule.SHAPE, "民政部", 2, null),
			known("DISABILITY_CARD", "残疾人证", "Disability card", NumberRule.SHAPE, "中国残疾人联合会", 1, null),
			known("REAL_ESTATE_CERTIFICATE", "不动产权证书", "Real-estate title certificate", NumberRule.SHAPE, "自然资源部", 1, null),
			known("REAL_ESTATE_REGISTRATION_CERTIFICATE", "不动产登记证明", "Real-estate registration certificate", NumberRule.SHAPE,
					"自然资源部", 2, null),
			known("TAX_PAYMENT_CERTIFICATE", "完税证明", "Tax payment certificate", NumberRule.SHAPE, "国家税务总局", 1, null),
			known("ROAD_TRANSPORT_BUSINESS_LICENCE", "道路运输经营许可证", "Road transport business licence", NumberRule.SHAPE,
					"交通运输部", 1, null),
			known("ROAD_TRANSPORT_CERTIFICATE", "道路运输证", "Road transport certificate", NumberRule.SHAPE, "交通运输部", 2, null),
			known("ROAD_TRANSPORT_QUALIFICATION", "道路运输从业资格证", "Road transport qualification", NumberRule.SHAPE, "交通运输部", 3,
					null),
			known("PUBLIC_VENUE_FIRE_SAFETY_PERMIT", "公众聚集场所投入使用、营业前消防安全检查合格证",
					"Fire safety inspection certificate of a public gathering place", NumberRule.SHAPE, "应急管理部", 1, null),
			known("TOBACCO_RETAIL_LICENCE", "烟草专卖零售许可证", "Tobacco retail licence", NumberRule.SHAPE, "国家烟草专卖局", 1, null));

	/**
	 * The type of that code; a code OneGo does not list (a licence feed may bring one) numbers by shape only and
	 * has the type number 999 of the general catalogue.
	 */
	public static LicenceType of(String code) {
		LicenceType known = KNOWN.get(code);
		return known != null ? known
				: new LicenceType(code, new Label(code, code), NumberRule.SHAPE, "国务院办公厅电子政务办公室", 999, null);
	}

	/** The types OneGo knows, by code. */
	public static List<LicenceType> known() {
		return KNOWN.values().stream().sorted(Comparator.comparing(LicenceType::code)).toList();
	}

	/** Why the number is not one of this type, or empty when it is. */
	public Optional<FieldProblem> numberProblem(String number) {
		String n = number == null ? "" : number;
		return switch (rule) {
			case CREDIT_CODE -> CreditCode.isValid(n) ? Optional.empty() : problem("credit-code", "营业执照编号应为有效的统一社会信用代码（GB 32100，18位，含校验码）",
					"a business licence number is a valid unified social credit code (GB 32100, 18 characters with its check character)");
			case ID_NUMBER -> IdNumber.isValid(n) ? Optional.empty() : problem("id-number", "居民身份证号码应为有效的公民身份号码（GB 11643，18位，含校验码）",
					"an identity card number is a valid citizen ID number (GB 11643, 18 characters with its check character)");
			case SHAPE -> SANE.matcher(n).matches() ? Optional.empty() : problem("pattern", "证照编号应为4至64位字母、数字、汉字、连字符或括号，且含数字",
					"a licence number has 4 to 64 letters, digits, Chinese characters, hyphens or brackets, with at least one digit");
		};
	}

	/** The last day of a licence of this type issued that day, when its issuer gives no other; {@code null}: 长期. */
	public LocalDate validUntil(LocalDate issuedOn) {
		return validityYears == null || issuedOn == null ? null : issuedOn.plusYears(validityYears).minusDays(1);
	}

	/** The identifier's type code: the defining authority's credit code and the 3-digit type number. */
	public String typeCode() {
		return SyntheticCreditCodes.of(definedBy, "100000") + String.format("%03d", typeNumber);
	}

	private static Optional<FieldProblem> problem(String code, String zh, String en) {
		return Optional.of(new FieldProblem("number", code, Message.of(zh, en)));
	}

	private static Map.Entry<String, LicenceType> known(String code, String zh, String en, NumberRule rule, String definedBy,
			int number, Integer years) {
		return Map.entry(code, new LicenceType(code, new Label(zh, en), rule, definedBy, number, years));
	}
}

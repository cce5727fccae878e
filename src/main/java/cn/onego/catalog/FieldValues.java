package cn.onego.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.onego.catalog.Enums.ElementType;
import cn.onego.platform.Message;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.shared.RegionCode;

/**
 * The rules a field value must meet: its data element's type (with the national check digits) and
 * the validation in force. One place, so that the catalogue's examples and the applicants' input are
 * judged alike.
 */
public final class FieldValues {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern BANK_ACCOUNT = Pattern.compile("\\d{12,30}");
	/** A plain decimal as people write it: no exponent, no NaN, at most 15 digits before and 6 after the point. */
	private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");
	/** The earliest birth (or death) date a living applicant's data holds. */
	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private FieldValues() {
	}

	/** What is wrong with the value, or empty when it is acceptable. A blank value is not checked here. */
	public static Optional<Message> problem(ElementType type, Validation validation, List<DataElement.Option> options,
			String value) {
		Message typeProblem = typeProblem(type, options, value);
		if (typeProblem != null) {
			return Optional.of(typeProblem);
		}
		return Optional.ofNullable(validationProblem(type, validation == null ? Validation.NONE : validation, value));
	}

	/**
	 * {@link #problem(ElementType, Validation, List, String)} for an applicant's value of the element on
	 * {@code today}, with the ranges a person's data really has: a birth or death date lies between 1900 and
	 * today, any other date within a hundred years of today; amounts, areas and counts are not negative unless
	 * the catalogue's minimum is.
	 */
	public static Optional<Message> problem(String element, ElementType type, Validation validation,
			List<DataElement.Option> options, String value, LocalDate today) {
		Optional<Message> problem = problem(type, validation, options, value);
		if (problem.isPresent()) {
			return problem;
		}
		if (type == ElementType.DATE) {
			LocalDate date = LocalDate.parse(value);
			boolean past = element.endsWith("BIRTH_DATE") || element.endsWith("DEATH_DATE");
			LocalDate earliest = past ? EARLIEST_BIRTH : today.minusYears(100);
			LocalDate latest = past ? today : today.plusYears(100);
			if (date.isBefore(earliest) || date.isAfter(latest)) {
				return Optional.of(Message.of("日期应在 " + earliest + " 至 " + latest + " 之间",
						"the date lies between " + earliest + " and " + latest));
			}
		}
		if ((type == ElementType.NUMBER || type == ElementType.AREA_M2 || type == ElementType.MONEY
				|| type == ElementType.INTEGER) && value.startsWith("-")
				&& (validation == null || validation.min() == null || validation.min().signum() >= 0)) {
			return Optional.of(Message.of("不能为负数", "cannot be negative"));
		}
		return Optional.empty();
	}

	static Message typeProblem(ElementType type, List<DataElement.Option> options, String value) {
		return switch (type) {
			case ID_NUMBER -> IdNumber.isValid(value) ? null
					: Message.of("公民身份号码无效（GB 11643 校验码不符）：" + value,
							"not a valid citizen ID number (GB 11643 check digit): " + value);
			case CREDIT_CODE -> CreditCode.isValid(value) ? null
					: Message.of("统一社会信用代码无效（GB 32100 校验码不符）：" + value,
							"not a valid unified social credit code (GB 32100 check digit): " + value);
			case MOBILE -> MOBILE.matcher(value).matches() ? null
					: Message.of("手机号码无效：" + value, "not a valid mobile number: " + value);
			case EMAIL -> EMAIL.matcher(value).matches() ? null
					: Message.of("电子邮箱无效：" + value, "not a valid e-mail address: " + value);
			case REGION -> RegionCode.isWellFormed(value) ? null
					: Message.of("行政区划代码无效：" + value, "not a valid region code: " + value);
			case NUMBER, AREA_M2, MONEY -> DECIMAL.matcher(value).matches() ? null
					: Message.of("应为数值（如 12.5）", "not a number (e.g. 12.5)");
			case INTEGER -> value.matches("-?\\d{1,18}") ? null : Message.of("应为整数：" + value, "not a whole number: " + value);
			case DATE -> date(value) ? null : Message.of("日期应为 YYYY-MM-DD", "a date must be YYYY-MM-DD");
			case BOOLEAN -> value.equals("true") || value.equals("false") ? null
					: Message.of("应为“是”(true)或“否”(false)", "must be true or false");
			case BANK_ACCOUNT -> BANK_ACCOUNT.matcher(value.replace(" ", "")).matches() ? null
					: Message.of("银行账号应为12至30位数字", "a bank account number has 12 to 30 digits");
			case ENUM -> options.stream().anyMatch(o -> o.value().equals(value)) ? null
					: Message.of("不是可选的取值：" + value, "not one of the options: " + value);
			case TEXT, ADDRESS -> null;
		};
	}

	private static Message validationProblem(ElementType type, Validation v, String value) {
		int length = value.codePointCount(0, value.length());
		if (v.minLength() != null && length < v.minLength()) {
			return Message.of("至少" + v.minLength() + "个字符", "at least " + v.minLength() + " characters");
		}
		if (v.maxLength() != null && length > v.maxLength()) {
			return Message.of("至多" + v.maxLength() + "个字符", "at most " + v.maxLength() + " characters");
		}
		if (v.min() != null || v.max() != null) {
			BigDecimal number = decimal(value);
			if (number != null && v.min() != null && number.compareTo(v.min()) < 0) {
				return Message.of("不能小于" + v.min().toPlainString(), "must be at least " + v.min().toPlainString());
			}
			if (number != null && v.max() != null && number.compareTo(v.max()) > 0) {
				return Message.of("不能大于" + v.max().toPlainString(), "must be at most " + v.max().toPlainString());
			}
		}
		if (v.pattern() != null && !Pattern.compile(v.pattern()).matcher(value).matches()) {
			return Message.of("格式不符合要求", "does not have the required format");
		}
		return null;
	}

	private static BigDecimal decimal(String value) {
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static boolean date(String value) {
		try {
			// four digits of year: LocalDate.parse also takes +999999999-12-31
			return value.length() == 10 && LocalDate.parse(value) != null;
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}
}

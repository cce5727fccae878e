package cn.onego.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import cn.onego.catalog.DataElement.Option;
import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Enums.Section;
import cn.onego.platform.Message;
import cn.onego.shared.Label;

/**
 * Reads data-elements.yaml and data-elements/: the standard form fields shared across items, each
 * asked once on a merged form. An example value is checked like an applicant's answer: an example the
 * form would refuse is a mistake in the catalogue.
 */
final class DataElementReader {

	private final CatalogueDraft draft;

	DataElementReader(CatalogueDraft draft) {
		this.draft = draft;
	}

	void read(YamlCursor at) {
		String code = at.get("code").text();
		Label label = at.get("label").label();
		ElementType type = at.get("type").enumValue(ElementType.class, null);
		Section section = at.get("section").enumValue(Section.class, Section.OTHER);
		Validation validation = validation(at.get("validation"));
		List<Option> options = new ArrayList<>();
		for (YamlCursor option : at.get("options").list()) {
			String value = option.get("value").text();
			Label optionLabel = option.get("label").label();
			if (value != null && optionLabel != null) {
				options.add(new Option(value, optionLabel));
			}
		}
		if (type == ElementType.ENUM && options.isEmpty()) {
			at.get("options").error("枚举类型的数据元须列出选项", "an ENUM data element needs options");
		}
		if (type != null && type != ElementType.ENUM && !options.isEmpty()) {
			at.get("options").error("只有枚举类型可以有选项", "only ENUM data elements have options");
		}
		String example = at.get("example").text();
		if (example != null && type != null && type != ElementType.ENUM) {
			Message problem = checkValue(type, example);
			if (problem != null) {
				at.get("example").error("示例值无效：" + problem.zh(), "invalid example: " + problem.en());
			}
		}
		if (code != null && (label == null || type == null)) {
			draft.declaredWithErrors(code);
		}
		if (code != null && label != null && type != null) {
			draft.register(draft.elements, code,
					new DataElement(code, label, type, section, validation, List.copyOf(options),
							at.get("personal").bool(false), at.get("registry").enumValue(Registry.class, null), example),
					at, "数据元", "data element");
		}
	}

	/** What is wrong with a catalogue's sample value of a type, or null. */
	static Message checkValue(ElementType type, String value) {
		return FieldValues.typeProblem(type, List.of(), value);
	}

	/** The limits on a value, of a data element or of an item's use of it; impossible limits are errors. */
	static Validation validation(YamlCursor at) {
		if (!at.present()) {
			return Validation.NONE;
		}
		Integer minLength = at.get("minLength").integer();
		Integer maxLength = at.get("maxLength").integer();
		BigDecimal min = at.get("min").decimal();
		BigDecimal max = at.get("max").decimal();
		String pattern = at.get("pattern").text();
		if (pattern != null) {
			try {
				Pattern.compile(pattern);
			}
			catch (PatternSyntaxException e) {
				at.get("pattern").error("正则表达式无效：" + pattern, "invalid regular expression: " + pattern);
			}
		}
		if (minLength != null && maxLength != null && minLength > maxLength) {
			at.error("最小长度大于最大长度", "minLength is greater than maxLength");
		}
		if (min != null && max != null && min.compareTo(max) > 0) {
			at.error("最小值大于最大值", "min is greater than max");
		}
		return new Validation(minLength, maxLength, min, max, pattern);
	}
}

package cn.onego.cases;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.DataElement;
import cn.onego.catalog.Department;
import cn.onego.shared.Label;

/**
 * The words a person reads instead of codes: the names of items, materials, departments and halls from the catalogue
 * and the hall directory, days, counts with their units, the enums of a case, the conditions of a 秒批 rule — and
 * the history's steps put into sentences ({@link HistoryText}) in Chinese and English.
 */
final class PlainWords {

	private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final Map<String, Label> ENUMS = Map.ofEntries(
			Map.entry("CHANNEL.ONLINE", Label.of("网上办事大厅", "online")),
			Map.entry("CHANNEL.MOBILE", Label.of("掌上办", "on a mobile phone")),
			Map.entry("CHANNEL.KIOSK", Label.of("自助终端", "at a self-service kiosk")),
			Map.entry("CHANNEL.WINDOW", Label.of("综合窗口", "at the window")),
			Map.entry("CHANNEL.AGENT", Label.of("帮办代办人员", "through an agent")),
			Map.entry("CHANNEL.PARTNER", Label.of("合作地区政务服务平台", "through a partner region's service platform")),
			Map.entry("MODE.STANDARD", Label.of("材料齐全，予以受理", "Accepted with every material")),
			Map.entry("MODE.WITH_GAPS", Label.of("容缺受理", "Accepted with some materials to follow")),
			Map.entry("MODE.ON_COMMITMENT", Label.of("告知承诺受理", "Accepted on the applicant's commitment")),
			Map.entry("DELIVERY.WINDOW_PICKUP", Label.of("已在窗口交付", "handed over at the window")),
			Map.entry("DELIVERY.FREE_MAIL", Label.of("已免费邮寄", "mailed free of charge")),
			Map.entry("PROCEDURE.EXPERT_REVIEW", Label.of("专家评审", "Expert review")),
			Map.entry("PROCEDURE.PUBLIC_NOTICE", Label.of("公示", "Public notice")),
			Map.entry("PROCEDURE.ON_SITE_INSPECTION", Label.of("现场核查", "On-site inspection")),
			Map.entry("PROCEDURE.HEARING", Label.of("听证", "Hearing")),
			Map.entry("PROCEDURE.TESTING", Label.of("检验检测", "Testing")));

	private final Catalogue catalogue;
	private final Function<String, Label> hallName;

	PlainWords(Catalogue catalogue, Function<String, Label> hallName) {
		this.catalogue = catalogue;
		this.hallName = hallName;
	}

	/** The words of the catalogue alone (no halls): for the messages, which name items and materials. */
	static PlainWords of(Catalogue catalogue) {
		return new PlainWords(catalogue, code -> Label.of("政务服务中心", "the government service centre"));
	}

	Label item(String code) {
		return catalogue.item(code).map(i -> i.name()).orElse(Label.of("办理事项", "an item"));
	}

	Label items(List<String> codes) {
		return joined(codes.stream().map(this::item).toList());
	}

	/** A material by its code; what is not a code of the catalogue is somebody's description of it, said as written. */
	Label material(String codeOrText) {
		return catalogue.material(codeOrText).map(m -> m.name()).orElse(Label.of(codeOrText, codeOrText));
	}

	Label materials(List<String> codes) {
		return joined(codes.stream().map(this::material).toList());
	}

	/**
	 * A department by its name, and in English by its kind with its name ("Market regulation department
	 * (芙蓉区市场监督管理局)"): the catalogue names departments in Chinese only.
	 */
	Label department(String code) {
		Optional<Department> department = catalogue.department(code);
		if (department.isEmpty()) {
			return Label.of("主管部门", "the competent department");
		}
		String zh = department.get().name();
		return catalogue.departmentType(department.get().type())
			.map(type -> Label.of(zh, type.name().en() + (type.government() ? " department (" : " (") + zh + ")"))
			.orElse(Label.of(zh, zh));
	}

	Label hall(String code) {
		return hallName.apply(code);
	}

	static Label day(String isoDay) {
		LocalDate day = LocalDate.parse(isoDay);
		return Label.of(day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日", ENGLISH_DAY.format(day));
	}

	static Label day(LocalDate day) {
		return day(day.toString());
	}

	/** So many working days, with the unit in the number's grammar ("1 working day", "2 working days"). */
	static Label workingDays(int days) {
		return Label.of(days + "个工作日", days + (days == 1 ? " working day" : " working days"));
	}

	/** A step's sentence in both languages. */
	Label say(StepMessage message) {
		return say(message.key(), message.params());
	}

	/** A sentence with its parameters' values (those it has no parameter for are ignored), in both languages. */
	Label say(Sentence sentence, Map<String, Object> params) {
		Map<String, Label> values = new HashMap<>();
		params.forEach((name, value) -> {
			HistoryText.Kind kind = sentence.kindOf(name);
			if (kind != null && value instanceof Label said) {
				values.put(name, said); // already said: a sentence of its own
			}
			else if (kind != null && value != null && !Boolean.FALSE.equals(value) && !(value instanceof List<?> l && l.isEmpty())
					&& !(value instanceof String s && s.isBlank())) {
				values.put(name, value(kind, value instanceof java.time.LocalDate day ? day.toString()
						: value instanceof Enum<?> e ? e.name() : value));
			}
		});
		return Label.of(fill(sentence.zh(), values, false), fill(sentence.en(), values, true));
	}

	private Label value(HistoryText.Kind kind, Object value) {
		return switch (kind) {
			case TEXT, NUMBER -> Label.of(String.valueOf(value), String.valueOf(value));
			case ITEM -> item(String.valueOf(value));
			case ITEMS -> items(strings(value));
			case DEPARTMENT -> department(String.valueOf(value));
			case HALL -> hall(String.valueOf(value));
			case MATERIALS -> materials(strings(value));
			case DATE -> day(String.valueOf(value));
			case FLAG -> Label.of("", "");
			case WORKING_DAYS -> workingDays(Integer.parseInt(String.valueOf(value)));
			case CHANNEL, MODE, DELIVERY, PROCEDURE -> ENUMS.getOrDefault(kind + "." + value, Label.of("", ""));
			case CONDITIONS -> conditions(maps(value));
			case REQUESTS -> requests(maps(value));
		};
	}

	/** The conditions of a 秒批 rule as a sentence: "发票种类为数电普票，且已填写经营范围". */
	Label conditions(List<Map<String, Object>> conditions) {
		List<Label> said = conditions.stream().map(this::condition).toList();
		return Label.of(String.join("，且", said.stream().map(Label::zh).toList()),
				String.join(", and ", said.stream().map(Label::en).toList()));
	}

	private Label condition(Map<String, Object> condition) {
		String fact = String.valueOf(condition.get("fact"));
		Optional<DataElement> element = fact.startsWith("form.") ? catalogue.element(fact.substring(5)) : Optional.empty();
		Label field = element.map(DataElement::label).orElse(Label.of("共享数据核验结果", "the shared registry's record"));
		List<Label> values = strings(condition.getOrDefault("values", List.of())).stream()
			.map(v -> element.flatMap(e -> e.options() == null ? Optional.empty()
					: e.options().stream().filter(o -> o.value().equals(v)).findFirst().map(DataElement.Option::label))
				.orElse(Label.of(v, v)))
			.toList();
		String zhValues = String.join("或", values.stream().map(Label::zh).toList());
		String enValues = String.join(" or ", values.stream().map(l -> lower(english(l))).toList());
		String f = field.zh();
		String e = lower(english(field));
		return switch (String.valueOf(condition.get("op"))) {
			case "EQUALS", "IN" -> Label.of(f + "为" + zhValues, e + " is " + enValues);
			case "NOT_EQUALS" -> Label.of(f + "不为" + zhValues, e + " is not " + enValues);
			case "LT" -> Label.of(f + "小于" + zhValues, e + " is less than " + enValues);
			case "LTE" -> Label.of(f + "不超过" + zhValues, e + " is at most " + enValues);
			case "GT" -> Label.of(f + "大于" + zhValues, e + " is more than " + enValues);
			case "GTE" -> Label.of(f + "不少于" + zhValues, e + " is at least " + enValues);
			case "ABSENT" -> Label.of("未填写" + f, e + " is not given");
			default -> Label.of("已填写" + f, e + " is given");
		};
	}

	private Label requests(List<Map<String, Object>> requests) {
		List<Label> said = requests.stream().map(r -> {
			Label subject = material(String.valueOf(r.get("subject")));
			String why = String.valueOf(r.get("why"));
			return Label.of(subject.zh() + "（" + why + "）", english(subject) + " (" + why + ")");
		}).toList();
		return Label.of(String.join("；", said.stream().map(Label::zh).toList()), String.join("; ", said.stream().map(Label::en).toList()));
	}

	private static Label joined(List<Label> labels) {
		return Label.of(String.join("、", labels.stream().map(Label::zh).toList()),
				String.join(", ", labels.stream().map(PlainWords::english).toList()));
	}

	private static String english(Label label) {
		return label.en() == null || label.en().isBlank() ? label.zh() : label.en();
	}

	/** "Invoice category" inside a sentence: "invoice category"; an acronym keeps its capitals. */
	private static String lower(String text) {
		return text.length() > 1 && Character.isUpperCase(text.charAt(0)) && Character.isLowerCase(text.charAt(1))
				? Character.toLowerCase(text.charAt(0)) + text.substring(1) : text;
	}

	private static List<String> strings(Object value) {
		return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> maps(Object value) {
		return value instanceof List<?> list ? list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList()
				: List.of();
	}

	/** The template with its parameters said; a bracketed part only when every parameter in it has a value. */
	static String fill(String template, Map<String, Label> values, boolean english) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < template.length()) {
			int open = template.indexOf('[', i);
			if (open < 0) {
				out.append(said(template.substring(i), values, english));
				break;
			}
			out.append(said(template.substring(i, open), values, english));
			int close = template.indexOf(']', open);
			String part = template.substring(open + 1, close);
			if (HistoryText.placeholders(part).stream().allMatch(values::containsKey)) {
				out.append(said(part, values, english));
			}
			i = close + 1;
		}
		return out.toString();
	}

	private static String said(String text, Map<String, Label> values, boolean english) {
		String out = text;
		for (String name : HistoryText.placeholders(text)) {
			Label value = values.get(name);
			out = out.replace("{" + name + "}", value == null ? "" : english ? english(value) : value.zh());
		}
		return out;
	}
}

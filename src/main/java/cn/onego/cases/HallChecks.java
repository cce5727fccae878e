package cn.onego.cases;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Theme;
import cn.onego.cases.HallAdministration.CategoryDefinition;
import cn.onego.cases.HallAdministration.HallDefinition;
import cn.onego.cases.HallAdministration.WindowDefinition;
import cn.onego.cases.Halls.Hall;
import cn.onego.cases.Halls.Window;
import cn.onego.cases.Halls.WindowCategory;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.shared.RegionCode;

/**
 * What an administrator's hall or window category must be, field by field, as pure functions of the definition, the
 * halls and categories in force and the catalogue: each problem is collected, so that one answer names them all.
 */
final class HallChecks {

	static final Pattern HALL_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,39}");
	static final Pattern CATEGORY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
	static final Pattern WINDOW_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,10}");

	/**
	 * A telephone number as halls publish it: a landline with its area code (0731-12345, 0731-88886666, an
	 * extension after a second dash), a mobile number, a 400 number, or the 12345 hotline itself.
	 */
	static final Pattern PHONE = Pattern.compile("0\\d{2,3}-\\d{5,8}(-\\d{1,6})?|1[3-9]\\d{9}|400-?\\d{3}-?\\d{4}|12345");

	/** Opening hours are a sentence or two (周一至周五 9:00–12:00、13:30–17:30；周六 9:00–12:00), not a notice. */
	static final int HOURS = 120;
	static final int HOURS_EN = 240;
	static final int MAX_WINDOWS = 200;
	static final int MAX_CATEGORIES = 50;

	private HallChecks() {
	}

	/** The hall the definition describes, or null with the problems added; {@code code} as given or as the path says. */
	static Hall hall(String code, HallDefinition d, HallDirectory directory, Catalogue catalogue, List<FieldProblem> problems) {
		String name = required(problems, "name", d.name(), Text.ORGANISATION, "请填写大厅名称", "give the hall's name");
		String nameEn = Text.check(problems, "nameEn", d.nameEn(), Text.Kind.LINE, 2 * Text.ORGANISATION);
		RegionCode region = region(problems, d.region(), catalogue);
		String address = required(problems, "address", d.address(), Text.ADDRESS, "请填写地址", "give the address");
		String addressEn = Text.check(problems, "addressEn", d.addressEn(), Text.Kind.LINE, 2 * Text.ADDRESS);
		String phone = Text.check(problems, "phone", d.phone(), Text.Kind.LINE, Text.CODE);
		if (phone == null || phone.isEmpty()) {
			if (problems.stream().noneMatch(p -> p.field().equals("phone"))) {
				problems.add(new FieldProblem("phone", "required", Message.of("请填写咨询电话", "give the telephone number")));
			}
		}
		else if (!PHONE.matcher(phone).matches()) {
			problems.add(new FieldProblem("phone", "pattern", Message.of("电话格式应为区号-号码（如 0731-12345）、手机号码、400 电话或 12345",
					"a telephone number is an area code and number (0731-12345), a mobile number, a 400 number or 12345")));
		}
		String hours = required(problems, "hours", d.hours(), HOURS, "请填写办公时间", "give the opening hours");
		String hoursEn = Text.check(problems, "hoursEn", d.hoursEn(), Text.Kind.LINE, HOURS_EN);
		boolean every = d.everyCategory() == null || d.everyCategory();
		Set<String> categories = categories(problems, "categories", d.categories(), directory);
		if (!every && categories.isEmpty() && problems.stream().noneMatch(p -> p.field().startsWith("categories"))) {
			problems.add(new FieldProblem("categories", "required", Message.of("请至少选择一个窗口类别，或选择“全部类别”",
					"choose at least one window category, or every category")));
		}
		List<Window> windows = windows(problems, d.windows(), directory);
		if (!problems.isEmpty()) {
			return null;
		}
		return new Hall(code, name, blankToNull(nameEn), region, address, blankToNull(addressEn), phone, hours, blankToNull(hoursEn),
				every, every ? Set.of() : categories, windows, null, 0);
	}

	/** A new hall's code: well formed and nobody's yet. */
	static String newCode(List<FieldProblem> problems, String code, HallDirectory directory) {
		String c = Text.check(problems, "code", code, Text.Kind.LINE, Text.CODE);
		if (c == null || c.isEmpty()) {
			if (problems.stream().noneMatch(p -> p.field().equals("code"))) {
				problems.add(new FieldProblem("code", "required", Message.of("请填写大厅编码，如 430102-HALL", "give the hall's code, e.g. 430102-HALL")));
			}
			return null;
		}
		if (!HALL_CODE.matcher(c).matches()) {
			problems.add(new FieldProblem("code", "pattern", Message.of("编码由大写字母、数字、短横线和下划线组成（2至40个字符），如 430102-HALL",
					"a code has 2 to 40 capital letters, digits, dashes and underscores, e.g. 430102-HALL")));
			return null;
		}
		if (directory.halls().containsKey(c)) {
			problems.add(new FieldProblem("code", "taken", Message.of("该编码已被另一个大厅使用", "another hall has this code")));
			return null;
		}
		return c;
	}

	/** The window category the definition describes, or null with the problems added. */
	static WindowCategory category(String code, CategoryDefinition d, boolean creating, HallDirectory directory,
			List<FieldProblem> problems) {
		if (creating) {
			String c = Text.check(problems, "code", code, Text.Kind.LINE, Text.CODE);
			if (c == null || c.isEmpty() || !CATEGORY_CODE.matcher(c).matches()) {
				if (problems.stream().noneMatch(p -> p.field().equals("code"))) {
					problems.add(new FieldProblem("code", "pattern", Message.of("类别编码由大写字母、数字和下划线组成，以字母开头，如 HOUSEHOLD",
							"a category code has capital letters, digits and underscores and starts with a letter, e.g. HOUSEHOLD")));
				}
			}
			else if (directory.category(c).isPresent()) {
				problems.add(new FieldProblem("code", "taken", Message.of("该类别编码已存在", "a category has this code")));
			}
			code = c;
		}
		String name = required(problems, "name", d.name(), Text.NAME, "请填写类别名称", "give the category's name");
		String nameEn = Text.check(problems, "nameEn", d.nameEn(), Text.Kind.LINE, 2 * Text.NAME);
		List<Theme> themes = new ArrayList<>();
		List<String> given = d.themes() == null ? List.of() : d.themes();
		if (given.size() > Theme.values().length) {
			problems.add(new FieldProblem("themes", "too-many", Message.of("主题至多" + Theme.values().length + "个",
					"at most " + Theme.values().length + " themes")));
			given = List.of();
		}
		for (int i = 0; i < given.size(); i++) {
			String t = given.get(i);
			Optional<Theme> theme = java.util.Arrays.stream(Theme.values()).filter(x -> x.name().equals(t)).findFirst();
			if (theme.isEmpty()) {
				problems.add(new FieldProblem("themes[" + i + "]", "unknown", Message.of("没有这个一件事主题", "no such matter theme")));
			}
			else if (!themes.contains(theme.get())) {
				themes.add(theme.get());
			}
		}
		if (!creating && code != null) {
			String self = code;
			// a theme leaves a category only by joining another: otherwise its matters would have no window
			List<String> left = directory.categoryOfTheme()
				.entrySet()
				.stream()
				.filter(e -> e.getValue().equals(self) && !themes.contains(e.getKey()))
				.map(e -> e.getKey().name())
				.sorted()
				.toList();
			if (!left.isEmpty() && problems.stream().noneMatch(p -> p.field().startsWith("themes"))) {
				problems.add(new FieldProblem("themes", "theme-left-without-category", Message.of(
						"主题不能直接移出本类别，请在另一个类别中加入它们：" + String.join("、", left),
						"a theme leaves this category by being added to another one: " + String.join(", ", left))));
			}
		}
		if (!problems.isEmpty()) {
			return null;
		}
		return new WindowCategory(code, name, blankToNull(nameEn), themes, 0);
	}

	private static RegionCode region(List<FieldProblem> problems, String region, Catalogue catalogue) {
		String r = Text.check(problems, "region", region, Text.Kind.LINE, Text.CODE);
		if (r == null || r.isEmpty()) {
			if (problems.stream().noneMatch(p -> p.field().equals("region"))) {
				problems.add(new FieldProblem("region", "required", Message.of("请填写行政区划代码", "give the region code")));
			}
			return null;
		}
		Optional<RegionCode> code = RegionCode.parse(r).filter(c -> catalogue.region(c).isPresent());
		if (code.isEmpty()) {
			String shown = r.length() > 12 ? r.substring(0, 12) + "…" : r;
			problems.add(new FieldProblem("region", "unknown", Message.of("目录中没有这个行政区划：" + shown, "no such region in the catalogue: " + shown)));
			return null;
		}
		return code.get();
	}

	private static Set<String> categories(List<FieldProblem> problems, String field, List<String> given, HallDirectory directory) {
		Set<String> categories = new LinkedHashSet<>();
		if (given == null) {
			return categories;
		}
		if (given.size() > MAX_CATEGORIES) {
			problems.add(new FieldProblem(field, "too-many", Message.of("至多" + MAX_CATEGORIES + "个类别", "at most " + MAX_CATEGORIES + " categories")));
			return categories;
		}
		for (int i = 0; i < given.size(); i++) {
			String c = given.get(i);
			if (c == null || directory.category(c).isEmpty()) {
				problems.add(new FieldProblem(field + "[" + i + "]", "unknown", Message.of("没有这个窗口类别", "no such window category")));
			}
			else {
				categories.add(c);
			}
		}
		return categories;
	}

	private static List<Window> windows(List<FieldProblem> problems, List<WindowDefinition> given, HallDirectory directory) {
		List<Window> windows = new ArrayList<>();
		if (given == null) {
			return windows;
		}
		if (given.size() > MAX_WINDOWS) {
			problems.add(new FieldProblem("windows", "too-many", Message.of("至多" + MAX_WINDOWS + "个窗口", "at most " + MAX_WINDOWS + " windows")));
			return windows;
		}
		Set<String> numbers = new HashSet<>();
		for (int i = 0; i < given.size(); i++) {
			String at = "windows[" + i + "]";
			WindowDefinition w = given.get(i);
			if (w == null) {
				problems.add(new FieldProblem(at, "required", Message.of("窗口不能为空", "a window is not empty")));
				continue;
			}
			int before = problems.size();
			String number = Text.check(problems, at + ".number", w.number(), Text.Kind.LINE, Text.CODE);
			if (number != null && !WINDOW_NUMBER.matcher(number).matches()) {
				problems.add(new FieldProblem(at + ".number", "pattern", Message.of("窗口号为1至10位字母、数字或短横线，如 A01",
						"a window number has 1 to 10 letters, digits or dashes, e.g. A01")));
			}
			else if (number == null && problems.size() == before) {
				problems.add(new FieldProblem(at + ".number", "required", Message.of("请填写窗口号", "give the window's number")));
			}
			else if (number != null && !numbers.add(number)) {
				problems.add(new FieldProblem(at + ".number", "duplicate", Message.of("窗口号重复：" + number, "the window number is used twice: " + number)));
			}
			String name = required(problems, at + ".name", w.name(), Text.NAME, "请填写窗口名称", "give the window's name");
			String nameEn = Text.check(problems, at + ".nameEn", w.nameEn(), Text.Kind.LINE, 2 * Text.NAME);
			Set<String> categories = categories(problems, at + ".categories", w.categories(), directory);
			if (problems.size() == before) {
				windows.add(new Window(number, name, blankToNull(nameEn), List.copyOf(categories), w.open() == null || w.open()));
			}
		}
		return windows;
	}

	private static String required(List<FieldProblem> problems, String field, String value, int max, String zh, String en) {
		String checked = Text.check(problems, field, value, Text.Kind.LINE, max);
		if ((checked == null || checked.isEmpty()) && problems.stream().noneMatch(p -> p.field().equals(field))) {
			problems.add(new FieldProblem(field, "required", Message.of(zh, en)));
			return null;
		}
		return checked;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}

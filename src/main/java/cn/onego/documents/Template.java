package cn.onego.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Text;

/**
 * What a kind of document says, as a hall or department words it: the title, the body's paragraphs with
 * placeholders ({@code {caseNumber}}) filled from the case, the legal basis, the remedies open to the applicant (for
 * a refusal), the sentence each commitment is printed in ({@code {material}}), and for a supplement notice the
 * working days the applicant is given. {@code assumptions} says which parts are not from checked sources.
 */
public record Template(String title, List<String> paragraphs, String legalBasis, String remedy, String commitment,
		Integer supplementWorkingDays, List<String> assumptions) {

	/** What the case fills in; anything else in braces is refused when a template is saved. */
	public static final Set<String> PLACEHOLDERS = Set.of("caseNumber", "matter", "applicant", "issuer", "hall", "hallAddress",
			"hallPhone", "hallHours", "region", "promisedDate", "queryCode", "clerk", "reason", "legalBasis", "item", "department",
			"resultName", "resultNumber", "notice", "deadline", "deliveryMethod", "trackingNumber", "recipient", "date", "material");

	static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

	public Template {
		paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
		assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
	}

	/** The text with each placeholder replaced by its value (empty when the case has none). */
	static String fill(String text, Map<String, String> values) {
		if (text == null) {
			return null;
		}
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = values.get(m.group(1));
			m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** What is wrong with the template as an administrator sent it, field by field; empty when nothing is. */
	List<FieldProblem> problems() {
		List<FieldProblem> problems = new ArrayList<>();
		if (title == null || title.isBlank()) {
			problems.add(new FieldProblem("title", "required", Message.of("请填写文书标题", "give the document's title")));
		}
		check(problems, "title", title, Text.Kind.LINE, 50);
		if (paragraphs.isEmpty()) {
			problems.add(new FieldProblem("paragraphs", "required", Message.of("请至少填写一段正文", "give at least one paragraph")));
		}
		if (paragraphs.size() > 20) {
			problems.add(new FieldProblem("paragraphs", "too-many", Message.of("正文最多20段", "at most 20 paragraphs")));
		}
		for (int i = 0; i < Math.min(paragraphs.size(), 20); i++) {
			String p = paragraphs.get(i);
			if (p == null || p.isBlank()) {
				problems.add(new FieldProblem("paragraphs[" + i + "]", "required", Message.of("段落不能为空", "a paragraph cannot be empty")));
			}
			check(problems, "paragraphs[" + i + "]", p, Text.Kind.FREE_TEXT, Text.REASON);
		}
		check(problems, "legalBasis", legalBasis, Text.Kind.LINE, 200);
		check(problems, "remedy", remedy, Text.Kind.FREE_TEXT, Text.REASON);
		check(problems, "commitment", commitment, Text.Kind.FREE_TEXT, Text.REASON);
		if (assumptions.size() > 20) {
			problems.add(new FieldProblem("assumptions", "too-many", Message.of("说明最多20条", "at most 20 assumptions")));
		}
		for (int i = 0; i < Math.min(assumptions.size(), 20); i++) {
			Text.check(problems, "assumptions[" + i + "]", assumptions.get(i), Text.Kind.FREE_TEXT, Text.REASON);
		}
		if (supplementWorkingDays != null && (supplementWorkingDays < 1 || supplementWorkingDays > 60)) {
			problems.add(new FieldProblem("supplementWorkingDays", "range", Message.of("补正期限应为1至60个工作日",
					"the time to supplement is 1 to 60 working days")));
		}
		return problems;
	}

	private static void check(List<FieldProblem> problems, String field, String value, Text.Kind kind, int max) {
		int before = problems.size();
		Text.check(problems, field, value, kind, max);
		if (problems.size() > before || value == null) {
			return;
		}
		Matcher m = PLACEHOLDER.matcher(value);
		while (m.find()) {
			if (!PLACEHOLDERS.contains(m.group(1))) {
				problems.add(new FieldProblem(field, "placeholder", Message.of("未知的占位符 {" + m.group(1) + "}，可用：" + PLACEHOLDERS,
						"unknown placeholder {" + m.group(1) + "}; known: " + PLACEHOLDERS)));
				return;
			}
		}
	}
}

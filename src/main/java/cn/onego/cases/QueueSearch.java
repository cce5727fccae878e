package cn.onego.cases;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.RequestValues;
import cn.onego.platform.Text;

/**
 * What a window or a department looks for in its queue: a case number or its beginning, part of the
 * applicant's name, the days of submission (both ends included). Every part is optional; the queue's scope
 * (the hall, the department) is never part of it, so a search can only narrow what the caller already sees.
 */
public record QueueSearch(String number, String applicant, LocalDate from, LocalDate to) {

	public static final QueueSearch NONE = new QueueSearch(null, null, null, null);

	// a person's or an enterprise's name as registered: letters of any script, 间隔号 (as in 阿依古丽·买买提),
	// hyphens, brackets of enterprise names, spaces; never quotes, wildcards or slashes
	private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{N}·・\\-（）() ]+");

	/** The search as the request gave it, refused field by field when a part is malformed. */
	public static QueueSearch of(String number, String applicant, LocalDate from, LocalDate to) {
		List<FieldProblem> problems = new ArrayList<>();
		String prefix = null;
		try {
			prefix = RequestValues.code("number", number);
		}
		catch (InvalidInput e) {
			problems.addAll(e.errors());
		}
		String name = applicant == null || applicant.isBlank() ? null
				: Text.check(problems, "applicant", applicant, Text.Kind.LINE, Text.NAME);
		if (name != null && !NAME.matcher(name).matches()) {
			problems.add(new FieldProblem("applicant", "name", Message.of("申请人姓名只能包含文字、间隔号、连字符和空格",
					"an applicant's name has letters, the middle dot, hyphens and spaces only")));
			name = null;
		}
		if (from != null && to != null && to.isBefore(from)) {
			problems.add(new FieldProblem("to", "before-from", Message.of("截止日期不能早于开始日期",
					"the last day cannot come before the first")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new QueueSearch(prefix, name == null || name.isEmpty() ? null : name, from, to);
	}

	/** The LIKE pattern of the number's beginning (an exact number is its own beginning), or null. */
	String numberPattern() {
		return number == null ? null : escaped(number) + "%";
	}

	/** The ILIKE pattern of a name containing the words asked, or null. */
	String applicantPattern() {
		return applicant == null ? null : "%" + escaped(applicant) + "%";
	}

	/** The first instant of the first day, in the platform's time zone, or null. */
	Timestamp submittedFrom(ZoneId zone) {
		return from == null ? null : Timestamp.from(from.atStartOfDay(zone).toInstant());
	}

	/** The first instant after the last day, or null. */
	Timestamp submittedBefore(ZoneId zone) {
		return to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
	}

	// '_' is allowed in codes and '%' or '\' in names: LIKE must read them as themselves
	private static String escaped(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}

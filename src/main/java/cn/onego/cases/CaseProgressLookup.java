package cn.onego.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import cn.onego.application.ApplicationRecord;
import cn.onego.application.Submissions;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.RateLimits;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * 办件进度查询: anyone holding the receipt — its case number and query code, or the case number and the last
 * four digits of the mobile number given for the result — follows the case without signing in. The answer
 * tells the stage, the promised date and where each department stands; nothing about the applicant. A
 * wrong code and an unknown number answer alike, and both the caller's address and the case number are
 * rate-limited, so neither codes nor numbers can be tried out.
 */
@Service
public class CaseProgressLookup {

	/**
	 * What the public sees of a case, and the hall that handles it (name, address, telephone, hours); a date is
	 * provisional when its year's holidays are not loaded yet.
	 */
	public record Progress(String number, Label matter, CaseState state, Instant submittedAt, Instant acceptedAt,
			LocalDate promisedDate, LocalDate dueDate, Instant closedAt, List<Step> departments, Halls.HallView hall,
			boolean promisedDateProvisional, boolean dueDateProvisional) {
	}

	/** Where one item stands in its department (named in both languages). */
	public record Step(Label item, Label department, TaskState state, LocalDate dueOn, boolean dueProvisional) {
	}

	private final Cases cases;
	private final Submissions submissions;
	private final CatalogQueries catalog;
	private final cn.onego.clock.Calendars calendars;
	private final RateLimits limits;
	private final Clock clock;
	private final Halls halls;

	CaseProgressLookup(Cases cases, Submissions submissions, CatalogQueries catalog, cn.onego.clock.Calendars calendars,
			RateLimits limits, Clock clock, Halls halls) {
		this.halls = halls;
		this.cases = cases;
		this.submissions = submissions;
		this.catalog = catalog;
		this.calendars = calendars;
		this.limits = limits;
		this.clock = clock;
	}

	public Progress find(String address, String number, String code, String mobileLast4) {
		String n = number == null ? "" : number.trim();
		String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
		String m = mobileLast4 == null ? "" : mobileLast4.trim();
		List<FieldProblem> problems = new java.util.ArrayList<>();
		if (!CaseNumber.isValid(n)) {
			problems.add(new FieldProblem("number", "case-number", Message.of("受理编号格式不正确（见受理回执）", "not a case number (see the receipt)")));
		}
		if (c.isEmpty() == m.isEmpty()) {
			problems.add(new FieldProblem("code", "required", Message.of("请填写回执上的8位查询码，或手机号码后4位（二选一）",
					"give the 8-character query code of the receipt, or the last 4 digits of the mobile number (one of them)")));
		}
		if (!c.isEmpty() && !c.matches("[0-9A-F]{8}")) {
			problems.add(new FieldProblem("code", "pattern", Message.of("查询码为回执上的8位字母数字",
					"the query code has the 8 letters and digits of the receipt")));
		}
		if (!m.isEmpty() && !m.matches("\\d{4}")) {
			problems.add(new FieldProblem("mobileLast4", "pattern", Message.of("请填写手机号码的后4位数字",
					"give the last 4 digits of the mobile number")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		limits.require("progress-per-address", address);
		limits.require("progress-per-case", n);
		Changes found = cases.changesOfNumber(n)
			.filter(f -> c.isEmpty() ? mobileMatches(f.caseFile(), m) : c.equals(cases.queryCode(f.caseFile().id())))
			.orElseThrow(() -> new NotFound("办件（请核对受理编号和查询码）", "Case (check the number and the code)", n));
		return progress(found.caseFile(), found.tasks());
	}

	private boolean mobileMatches(CaseFile c, String last4) {
		ApplicationRecord application = submissions.submitted(c.applicationId());
		String mobile = application.delivery() == null ? null : application.delivery().mobile();
		return mobile != null && mobile.length() >= 4 && mobile.endsWith(last4);
	}

	private Progress progress(CaseFile c, List<Task> tasks) {
		Catalogue catalogue = catalog.catalogue();
		cn.onego.clock.WorkingDayCalendar calendar = calendars.of(c.place().region());
		LocalDate due = c.times().acceptedAt() == null || tasks.isEmpty() ? null
				: CaseProgress.dueDate(LocalDate.ofInstant(c.times().acceptedAt(), clock.getZone()), tasks, calendar.provisional());
		java.util.function.Predicate<LocalDate> provisional = day -> day != null && !calendar.loaded(day);
		PlainWords words = PlainWords.of(catalogue);
		List<Step> steps = tasks.stream()
			.map(t -> new Step(catalogue.item(t.item()).map(i -> i.name()).orElse(null), words.department(t.department()), t.state(),
					t.clock().dueOn(),
					provisional.test(t.clock().dueOn())))
			.toList();
		return new Progress(c.number().value(), catalogue.matter(c.matter()).map(m -> m.name()).orElse(null), c.state(),
				c.times().submittedAt(), c.times().acceptedAt(), c.terms().promisedDate(), due, c.times().closedAt(), steps,
				halls.view(c.place().hall(), catalogue), provisional.test(c.terms().promisedDate()), provisional.test(due));
	}
}

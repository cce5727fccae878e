package cn.onego.documents;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.application.ApplicationRecord;
import cn.onego.application.Resolution;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Department;
import cn.onego.cases.CaseEvents.CaseAccepted;
import cn.onego.cases.CaseEvents.CaseIssued;
import cn.onego.cases.CaseEvents.CaseNotAccepted;
import cn.onego.cases.CaseEvents.SupplementRequested;
import cn.onego.cases.CaseEvents.TaskDecided;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.Halls;
import cn.onego.cases.SupplementRequest;
import cn.onego.cases.Task;
import cn.onego.cases.TaskState;
import cn.onego.clock.Calendars;
import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import cn.onego.shared.RegionCode;

/**
 * What each document says about its case, read when it is issued through the cases' public queries (a batch's at
 * once, {@link BatchReads}; never their tables): names, never codes — the hall's name and address, the items',
 * materials' and departments' names, the clerk's name as staff see it (never a username).
 */
@Component
class DocumentSources {

	/** A document to issue: its kind, the issuing body (its code, name and region), its case and event, its facts. */
	record Issuing(DocumentKind kind, String scope, String issuer, RegionCode region, CaseFile caseFile, Task task, String eventKey,
			DocumentFacts facts, boolean withProgress) {
	}

	private final CatalogQueries catalog;
	private final Halls halls;
	private final Actors actors;
	private final Calendars calendars;
	private final Templates templates;
	private final Clock clock;

	DocumentSources(CatalogQueries catalog, Halls halls, Actors actors, Calendars calendars, Templates templates, Clock clock) {
		this.catalog = catalog;
		this.halls = halls;
		this.actors = actors;
		this.calendars = calendars;
		this.templates = templates;
		this.clock = clock;
	}

	Issuing acceptance(CaseAccepted e, BatchReads reads) {
		CaseFile c = reads.caseFile(e.caseId());
		Map<String, String> values = common(c);
		// a date into a year whose holidays are not published yet is provisional on paper too
		values.put("promisedDate", text(c.terms().promisedDate()) + (e.provisional() ? "（暂定，次年节假日安排公布后确定）" : ""));
		values.put("queryCode", reads.queryCode(c.id()));
		values.put("clerk", clerk(c, "ACCEPTED", reads));
		Catalogue catalogue = catalog.catalogue();
		ApplicationRecord application = reads.application(c);
		List<DocumentFacts.Section> sections = new ArrayList<>();
		sections.add(new DocumentFacts.Section("办理事项", reads.tasks(c.id()).stream()
			.map(t -> itemName(catalogue, t.item()) + "（" + departmentName(catalogue, t.department()) + "）")
			.toList()));
		sections.add(new DocumentFacts.Section("已收取的申请材料", received(application, c)));
		sections.add(new DocumentFacts.Section("容缺后补材料（请于 " + text(c.terms().gapDeadline()) + " 前补齐）",
				c.terms().gaps().stream().map(g -> materialName(catalogue, g.material(), g.name())).toList()));
		sections.add(hall(c, values, "受理大厅"));
		sections.add(new DocumentFacts.Section("受理人", List.of(values.get("clerk") + "　受理时间 " + text(day(c.times().acceptedAt())))));
		List<String> commitments = c.terms().commitments().stream().map(m -> materialName(catalogue, m, m)).toList();
		return new Issuing(DocumentKind.ACCEPTANCE_NOTICE, hallScope(c), values.get("hall"), hallRegion(c), c, null, e.key(),
				new DocumentFacts(values, sections, commitments), true);
	}

	Issuing nonAcceptance(CaseNotAccepted e, BatchReads reads) {
		CaseFile c = reads.caseFile(e.caseId());
		Map<String, String> values = common(c);
		CaseFile.Refusal refusal = c.outcome().refusal();
		values.put("reason", refusal == null ? e.reason() : refusal.reason());
		values.put("legalBasis", refusal == null ? "" : refusal.legalBasis());
		values.put("clerk", clerk(c, "NOT_ACCEPTED", reads));
		List<DocumentFacts.Section> sections = List.of(hall(c, values, "办理大厅"));
		return new Issuing(DocumentKind.NON_ACCEPTANCE_NOTICE, hallScope(c), values.get("hall"), hallRegion(c), c, null, e.key(),
				new DocumentFacts(values, sections, List.of()), false);
	}

	Issuing supplement(SupplementRequested e, BatchReads reads) {
		CaseFile c = reads.caseFile(e.caseId());
		Map<String, String> values = common(c);
		Catalogue catalogue = catalog.catalogue();
		int days = Optional.ofNullable(templates.of(DocumentKind.SUPPLEMENT_NOTICE, hallScope(c)).supplementWorkingDays()).orElse(10);
		values.put("deadline", deadline(c, days));
		List<String> asked = new ArrayList<>();
		for (SupplementRequest r : c.supplements().requests()) {
			asked.add(subjectName(catalogue, r.subject()) + (r.why() == null || r.why().isBlank() ? "" : "：" + r.why()));
		}
		if (asked.isEmpty()) {
			// supplied before this notice was made: the list as the event told it
			e.subjects().forEach(s -> asked.add(subjectName(catalogue, s)));
		}
		List<DocumentFacts.Section> sections = List.of(new DocumentFacts.Section("需要补正的全部内容", asked), hall(c, values, "补正地点"));
		return new Issuing(DocumentKind.SUPPLEMENT_NOTICE, hallScope(c), values.get("hall"), hallRegion(c), c, null, e.key(),
				new DocumentFacts(values, sections, List.of()), false);
	}

	Optional<Issuing> decision(TaskDecided e, BatchReads reads) {
		if (e.outcome() != TaskState.APPROVED && e.outcome() != TaskState.REFUSED) {
			return Optional.empty();
		}
		CaseFile c = reads.caseFile(e.caseId());
		Task task = reads.task(e.caseId(), e.taskId());
		Catalogue catalogue = catalog.catalogue();
		Map<String, String> values = common(c);
		Optional<Department> department = catalogue.department(task.department());
		String issuer = department.map(Department::name).orElse(values.get("hall"));
		values.put("item", itemName(catalogue, task.item()));
		values.put("department", issuer);
		department.flatMap(d -> catalogue.region(d.region())).ifPresent(r -> values.put("region", r.name()));
		Task.TaskResult result = task.outcome() == null ? null : task.outcome().result();
		Task.Decision decision = task.outcome() == null ? null : task.outcome().decision();
		boolean approved = e.outcome() == TaskState.APPROVED;
		if (approved) {
			values.put("resultName", result == null || result.name() == null ? "" : result.name());
			values.put("resultNumber", result == null || result.number() == null ? "" : "（编号 " + result.number() + "）");
			values.put("notice", result == null || result.notice() == null ? "" : result.notice());
		}
		else {
			values.put("reason", decision == null || decision.reason() == null ? nonNull(e.detail()) : decision.reason());
			values.put("legalBasis", decision == null || decision.legalBasis() == null ? "" : decision.legalBasis());
		}
		return Optional.of(new Issuing(approved ? DocumentKind.APPROVAL_DECISION : DocumentKind.REFUSAL_DECISION, task.department(),
				issuer, department.map(Department::region).orElse(hallRegion(c)), c, task, e.key(),
				new DocumentFacts(values, List.of(), List.of()), false));
	}

	Issuing completion(CaseIssued e, BatchReads reads) {
		CaseFile c = reads.caseFile(e.caseId());
		Map<String, String> values = delivered(c, e, reads);
		Catalogue catalogue = catalog.catalogue();
		List<String> results = new ArrayList<>();
		for (Task t : reads.tasks(c.id())) {
			String item = itemName(catalogue, t.item());
			Task.TaskResult r = t.outcome() == null ? null : t.outcome().result();
			results.add(switch (t.state()) {
				case APPROVED -> item + "：准予" + (r == null || r.number() == null ? "" : "，" + nonNull(r.name()) + " " + r.number());
				case REFUSED -> item + "：不予许可";
				default -> item + "：已办结";
			});
		}
		List<DocumentFacts.Section> sections = new ArrayList<>();
		sections.add(new DocumentFacts.Section("办理结果", results));
		if (e.method() != Delivery.Method.FREE_MAIL) {
			sections.add(hall(c, values, "领取地点"));
		}
		return new Issuing(DocumentKind.COMPLETION_NOTICE, hallScope(c), values.get("hall"), hallRegion(c), c, null, e.key(),
				new DocumentFacts(values, sections, List.of()), false);
	}

	Issuing serviceReceipt(CaseIssued e, List<String> served, BatchReads reads) {
		CaseFile c = reads.caseFile(e.caseId());
		Map<String, String> values = delivered(c, e, reads);
		List<DocumentFacts.Section> sections = List.of(new DocumentFacts.Section("送达文书", served));
		return new Issuing(DocumentKind.SERVICE_RECEIPT, hallScope(c), values.get("hall"), hallRegion(c), c, null, e.key(),
				new DocumentFacts(values, sections, List.of()), false);
	}

	/** The materials really received ({@link CaseQueries#received}), each with how it came. */
	static List<String> received(ApplicationRecord application, CaseFile c) {
		return CaseQueries.received(application, c).stream()
			.map(m -> m.name().zh() + (m.attachment() != null ? "（已上传）"
					: m.source() == Resolution.Source.E_LICENCE ? "（电子证照调取）" : "（数据共享核验）"))
			.toList();
	}

	private Map<String, String> common(CaseFile c) {
		Map<String, String> values = new HashMap<>();
		Catalogue catalogue = catalog.catalogue();
		values.put("caseNumber", c.number().value());
		values.put("matter", catalogue.matter(c.matter()).map(m -> m.name().zh()).orElse(""));
		values.put("applicant", nonNull(c.applicant().name()));
		Optional<Halls.Hall> hall = halls.hall(c.place().hall().value());
		RegionCode region = hallRegion(c);
		String regionName = catalogue.region(region).map(r -> r.name()).orElse("");
		values.put("hall", hall.map(Halls.Hall::name).orElse(regionName + "政务服务中心"));
		values.put("hallAddress", hall.map(Halls.Hall::address).map(DocumentSources::nonNull).orElse(""));
		values.put("hallPhone", hall.map(Halls.Hall::phone).map(DocumentSources::nonNull).orElse(""));
		values.put("hallHours", hall.map(Halls.Hall::hours).map(DocumentSources::nonNull).orElse(""));
		values.put("region", regionName);
		values.put("date", text(LocalDate.now(clock)));
		return values;
	}

	private Map<String, String> delivered(CaseFile c, CaseIssued e, BatchReads reads) {
		Map<String, String> values = common(c);
		boolean mailed = e.method() == Delivery.Method.FREE_MAIL;
		values.put("deliveryMethod", mailed ? "免费邮寄" : "窗口领取");
		values.put("trackingNumber", e.trackingNumber() == null ? "" : "快递单号：" + e.trackingNumber());
		values.put("recipient", c.delivery() != null && c.delivery().recipient() != null ? c.delivery().recipient() : nonNull(c.applicant().name()));
		values.put("clerk", clerk(c, "ISSUED", reads));
		return values;
	}

	private static DocumentFacts.Section hall(CaseFile c, Map<String, String> values, String heading) {
		List<String> lines = new ArrayList<>();
		lines.add(values.get("hall"));
		if (!values.get("hallAddress").isEmpty()) {
			lines.add("地址：" + values.get("hallAddress"));
		}
		if (!values.get("hallPhone").isEmpty()) {
			lines.add("电话：" + values.get("hallPhone"));
		}
		if (!values.get("hallHours").isEmpty()) {
			lines.add("办公时间：" + values.get("hallHours"));
		}
		return new DocumentFacts.Section(heading, lines);
	}

	/** The clerk of the case's last step of the action by name, once a batch for a case, once a batch for a clerk. */
	private String clerk(CaseFile c, String action, BatchReads reads) {
		return reads.remembered("step " + c.id() + " " + action, () -> {
			Optional<String> actor = reads.lastActor(c.id(), action);
			if (actor.filter(Actors.SYSTEM.username()::equals).isPresent()) {
				return Actors.SYSTEM.displayName(); // the platform is nobody's account: no lookup
			}
			return actor.flatMap(username -> reads.rememberedOptional("name " + username,
					() -> actors.byUsername(username).map(Actor::displayName)))
				.orElse("窗口工作人员");
		});
	}

	private String deadline(CaseFile c, int workingDays) {
		try {
			return text(calendars.of(c.place().region()).plusWorkingDays(LocalDate.now(clock), workingDays));
		}
		catch (RuntimeException notLoaded) {
			// a year whose calendar is not loaded yet: the period, not a guessed date
			return "收到本通知之日起" + workingDays + "个工作日内";
		}
	}

	private static String hallScope(CaseFile c) {
		return c.place().hall().value();
	}

	private RegionCode hallRegion(CaseFile c) {
		return halls.hall(c.place().hall().value()).map(Halls.Hall::region).orElse(c.place().region());
	}

	private static String itemName(Catalogue catalogue, String item) {
		return catalogue.item(item).map(i -> i.name().zh()).orElse("行政许可事项");
	}

	private static String departmentName(Catalogue catalogue, String department) {
		return catalogue.department(department).map(Department::name).orElse("主管部门");
	}

	private static String materialName(Catalogue catalogue, String code, String fallback) {
		return catalogue.material(code).map(m -> m.name().zh()).orElse(fallback);
	}

	/** A request's subject: a material or a form field by name; what the clerk wrote otherwise. */
	private static String subjectName(Catalogue catalogue, String subject) {
		return catalogue.material(subject).map(m -> m.name().zh())
			.or(() -> catalogue.element(subject).map(d -> d.label().zh()))
			.orElse(nonNull(subject));
	}

	private LocalDate day(java.time.Instant at) {
		return at == null ? null : LocalDate.ofInstant(at, clock.getZone());
	}

	private static String text(LocalDate day) {
		return day == null ? "待定" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
	}

	private static String nonNull(String s) {
		return s == null ? "" : s;
	}
}

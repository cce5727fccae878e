package cn.onego.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationInput.Applicant;
import cn.onego.application.ApplicationInput.Channel;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.MergedForm.FormField;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.Enums.Theme;
import cn.onego.catalog.FieldValues;
import cn.onego.catalog.Matter;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.shared.RegionCode;
import cn.onego.sharing.Consent;
import cn.onego.sharing.Consents;

/**
 * Every rule a submitted application must meet: the matter offered in the region, the applicant's
 * kind and identifier, the channel the signed-in user may use, the park, the questionnaire answered,
 * the hall it is handed in at (reached by the 通办范围 of every applicable item), every field of the
 * merged form, the consent, each material attached, covered by the government's data or allowed as a
 * gap, and the delivery. All rules are checked, so the applicant sees every
 * problem at once instead of one per attempt.
 */
@Component
class SubmissionRules {

	private final CatalogQueries catalog;
	private final Attachments attachments;
	private final ApplicantReads reads;
	private final Consents consents;
	private final HallChoices hallChoices;
	private final Clock clock;

	SubmissionRules(CatalogQueries catalog, Attachments attachments, ApplicantReads reads, Consents consents,
			HallChoices hallChoices, Clock clock) {
		this.catalog = catalog;
		this.attachments = attachments;
		this.reads = reads;
		this.consents = consents;
		this.hallChoices = hallChoices;
		this.clock = clock;
	}

	/**
	 * The broken rules by field, and how each material of the application was resolved; when the chosen hall may not
	 * accept the items across regions, the halls that can ({@code halls}, empty otherwise).
	 */
	record Validated(List<FieldProblem> problems, List<MaterialEntry> materials, List<HallOption> halls) {

		Validated(List<FieldProblem> problems, List<MaterialEntry> materials) {
			this(problems, materials, List.of());
		}

		/** Whether the chosen hall's region is what refuses the application (跨域通办 not offered there). */
		boolean notOfferedAtTheHall() {
			return !halls.isEmpty();
		}
	}

	/** Every rule a submission must meet, each broken one listed by field. */
	Validated validate(ApplicationRecord a, Actor actor) {
		List<FieldProblem> problems = new ArrayList<>();
		Catalogue catalogue = catalog.catalogue();
		Optional<Matter> found = catalogue.matter(a.matter());
		if (found.isEmpty()) {
			problems.add(problem("matter", "unknown", "一件事不存在：" + a.matter(), "unknown matter: " + a.matter()));
			return new Validated(problems, List.of());
		}
		Matter matter = found.get();
		if (a.region() == null || !RegionCode.isWellFormed(a.region())) {
			problems.add(problem("region", "required", "请选择申请人所在的行政区划", "choose the applicant's region"));
		}
		else if (catalogue.mattersOfferedIn(RegionCode.of(a.region())).stream().noneMatch(m -> m.code().equals(matter.code()))) {
			problems.add(problem("region", "not-offered", "该地区未提供此一件事：" + a.region(),
					"the matter is not offered in region " + a.region()));
		}
		Applicant applicant = a.applicant();
		// an enterprise being opened does not exist yet: its founder applies as a person
		boolean founder = matter.theme() == Theme.ENTERPRISE_OPENING
				&& applicant.kind() == ApplicantType.PERSON;
		if (applicant.kind() != matter.applicantType() && !founder) {
			problems.add(problem("applicant.kind", "mismatch", "此一件事的申请人应为" + (matter.applicantType() == ApplicantType.PERSON ? "自然人" : "企业"),
					"this matter is applied for by " + (matter.applicantType() == ApplicantType.PERSON ? "a person" : "an enterprise")));
		}
		if (applicant.kind() == ApplicantType.PERSON && !IdNumber.isValid(applicant.id())) {
			problems.add(problem("applicant.id", "check-digit", "公民身份号码无效", "not a valid citizen ID number"));
		}
		if (applicant.kind() == ApplicantType.ENTERPRISE && !CreditCode.isValid(applicant.id())) {
			problems.add(problem("applicant.id", "check-digit", "统一社会信用代码无效", "not a valid unified social credit code"));
		}
		if (applicant.name() == null || applicant.name().isBlank()) {
			problems.add(problem("applicant.name", "required", "请填写申请人名称", "enter the applicant's name"));
		}
		checkChannel(a.channel(), actor, problems);
		if (a.park() != null) {
			var park = catalogue.park(a.park());
			if (park.isEmpty()) {
				problems.add(problem("park", "unknown", "园区不存在：" + a.park(), "unknown park: " + a.park()));
			}
			else if (a.region() != null && RegionCode.isWellFormed(a.region())
					&& !catalogue.isWithin(RegionCode.of(a.region()), park.get().region())) {
				problems.add(problem("park", "not-in-region", "园区“" + park.get().name().zh() + "”不在所选地区内",
						"the park " + park.get().name().zh() + " is not in the chosen region"));
			}
		}

		Applicability applicability = Applicability.of(matter, new Answers(a.answers()));
		problems.addAll(applicability.problems());
		applicability.open().forEach(s -> problems.add(new FieldProblem("answers." + s.code(), "required",
				Message.of("请回答：" + s.question().zh(), "please answer: " + (s.question().en() == null ? s.question().zh() : s.question().en())))));

		List<HallOption> halls = List.of();
		if (a.acceptingHall() != null && a.region() != null && RegionCode.isWellFormed(a.region())) {
			var refusal = hallChoices.check(catalogue, matter, applicability.items(), RegionCode.of(a.region()), a.acceptingHall());
			if (refusal.isPresent()) {
				problems.add(refusal.get().problem());
				halls = refusal.get().halls();
			}
		}

		MergedForm form = MergedForm.derive(catalogue, applicability.items());
		Set<String> known = new HashSet<>();
		for (FormField field : form.fields()) {
			known.add(field.element());
			FieldValue value = a.form().get(field.element());
			String text = value == null || value.value() == null ? "" : value.value().trim();
			if (text.isEmpty()) {
				if (field.required()) {
					problems.add(new FieldProblem("form." + field.element(), "required",
							Message.of("请填写：" + field.label().zh(), "required: " + (field.label().en() == null ? field.label().zh() : field.label().en()))));
				}
				continue;
			}
			FieldValues.problem(field.element(), field.type(), field.validation(), field.options(), text,
					LocalDate.now(clock))
				.ifPresent(m -> problems.add(new FieldProblem("form." + field.element(), "invalid", m)));
			if (field.type() == ElementType.REGION && RegionCode.isWellFormed(text)
					&& catalogue.region(RegionCode.of(text)).isEmpty()) {
				problems.add(problem("form." + field.element(), "unknown-region", "行政区划不存在：" + text, "unknown region: " + text));
			}
		}
		a.form().keySet().stream().filter(e -> !known.contains(e)).forEach(e -> problems.add(problem("form." + e,
				"not-in-form", "本次申请的表单没有此项", "the form of this application has no such field")));

		Consent consent = null;
		if (a.consentId() != null) {
			consent = consents.find(a.consentId()).orElse(null);
			if (consent == null || !consent.subject().equals(applicant.id()) || !consent.matter().equals(matter.code())
					|| !consent.activeAt(clock.instant())) {
				problems.add(problem("consentId", "invalid", "授权无效（已撤回、过期，或不属于本申请人与本一件事）",
						"the consent is not valid (withdrawn, expired, or for another applicant or matter)"));
				consent = null;
			}
		}
		// a draft's materials were decided when it was prefilled, and the page showed those decisions
		MaterialSources sources = consent == null ? MaterialSources.NONE
				: DecidedSources.over(a.materials().resolved(), reads.sources(actor, applicant.id(), matter, consent.id()));
		MaterialList materials = MaterialList.derive(catalogue, matter, applicability, a.commitments(), sources);
		Set<String> listed = new HashSet<>();
		Set<String> owned = attachments.uploadedBy(a.createdBy(), a.materials().attachments().values());
		List<MaterialEntry> entries = new ArrayList<>();
		for (MaterialList.RequiredMaterial m : materials.materials()) {
			listed.add(m.material());
			String attachment = a.materials().attachments().get(m.material());
			if (attachment != null && !owned.contains(attachment)) {
				problems.add(problem("attachments." + m.material(), "not-found", "未找到您上传的此文件，请重新上传",
						"no file you uploaded has this reference; upload it again"));
				attachment = null;
			}
			boolean gap = false;
			if (m.resolution().source() == Resolution.Source.UPLOAD && m.required() && attachment == null) {
				if (m.gapAllowed()) {
					gap = true;
				}
				else {
					// the resolution says why: not held by the government, or not obtainable without consent
					problems.add(new FieldProblem("materials." + m.material(), "required", m.resolution().explanation()));
				}
			}
			entries.add(new MaterialEntry(m.material(), m.name(), m.required(), m.resolution().source(),
					m.resolution().explanation(), attachment, gap, m.neededBy()));
		}
		for (String committed : a.commitments()) {
			var m = materials.materials().stream().filter(x -> x.material().equals(committed)).findFirst();
			if (m.isEmpty() || !m.get().commitmentAllowed()) {
				problems.add(problem("commitments." + committed, "not-allowed", "该材料不适用告知承诺制", "this material cannot be replaced by a commitment"));
			}
		}
		a.materials().attachments().keySet().stream().filter(code -> !listed.contains(code)).forEach(code -> problems
			.add(problem("attachments." + code, "not-asked", "本次申请不需要此材料", "this application does not ask for this material")));
		checkDelivery(a.delivery(), problems);
		DeliveryAgreement.problem(form, a.form(), a.delivery()).ifPresent(problems::add);
		return new Validated(problems, entries, halls);
	}

	private static void checkChannel(Channel channel, Actor actor, List<FieldProblem> problems) {
		boolean clerk = actor.has(Role.WINDOW_CLERK);
		boolean allowed = switch (channel) {
			case ONLINE, MOBILE, KIOSK -> actor.has(Role.APPLICANT);
			case WINDOW, AGENT -> clerk;
			case PARTNER -> false;
		};
		if (!allowed) {
			problems.add(problem("channel", "not-allowed", "当前用户不能通过此渠道提交：" + channel,
					"the signed-in user cannot submit through channel " + channel));
		}
	}

	private static void checkDelivery(Delivery delivery, List<FieldProblem> problems) {
		if (delivery == null || delivery.method() == null) {
			problems.add(problem("delivery.method", "required", "请选择结果领取方式（窗口领取或免费邮寄）",
					"choose how to receive the result (window pick-up or free mail)"));
			return;
		}
		if (delivery.method() == Delivery.Method.FREE_MAIL) {
			if (delivery.recipient() == null || delivery.recipient().isBlank()) {
				problems.add(problem("delivery.recipient", "required", "请填写收件人", "enter the recipient"));
			}
			if (delivery.mobile() == null || !delivery.mobile().matches("1[3-9]\\d{9}")) {
				problems.add(problem("delivery.mobile", "invalid", "请填写收件人的11位手机号码", "enter the recipient's 11-digit mobile number"));
			}
			if (delivery.address() == null || delivery.address().trim().length() < 5) {
				problems.add(problem("delivery.address", "required", "请填写详细的邮寄地址", "enter the full postal address"));
			}
		}
	}

	private static FieldProblem problem(String field, String code, String zh, String en) {
		return new FieldProblem(field, code, Message.of(zh, en));
	}
}

package cn.onego.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.application.ApplicationInput.Applicant;
import cn.onego.application.ApplicationInput.Channel;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.application.ApplicationRecord.Agent;
import cn.onego.application.ApplicationRecord.MaterialEntry;
import cn.onego.application.ApplicationRecord.Materials;
import cn.onego.application.ApplicationRecord.Status;
import cn.onego.application.MergedForm.FormField;
import cn.onego.audit.AuditTrail;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.FieldValues;
import cn.onego.catalog.Matter;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Problem;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.shared.RegionCode;
import cn.onego.sharing.Consent;
import cn.onego.sharing.Consents;
import cn.onego.sharing.OnceOnly;
import cn.onego.sharing.OnceOnly.ReadRequest;
import cn.onego.sharing.Representation;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drafts and submissions of applications. A submission is checked as a whole — answers, every form
 * field, every material, the applicant's entitlement, consent and delivery — and refused with every
 * problem listed, storing nothing; with the same Idempotency-Key it returns the same application and
 * never creates a second one.
 */
@Service
public class Submissions {

	private final CatalogQueries catalog;
	private final Applications applications;
	private final SubmissionKeys keys;
	private final Attachments attachments;
	private final OnceOnly onceOnly;
	private final Consents consents;
	private final Representation representation;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;
	private final AuditTrail audit;

	Submissions(CatalogQueries catalog, Applications applications, SubmissionKeys keys, Attachments attachments,
			OnceOnly onceOnly, Consents consents, Representation representation, TransactionTemplate transactions,
			ApplicationEventPublisher events, JsonMapper json, Clock clock, AuditTrail audit) {
		this.audit = audit;
		this.catalog = catalog;
		this.applications = applications;
		this.keys = keys;
		this.attachments = attachments;
		this.onceOnly = onceOnly;
		this.consents = consents;
		this.representation = representation;
		this.transactions = transactions;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** A submission's answer: the application, and whether it was already submitted under the key. */
	public record Submitted(ApplicationRecord application, boolean replay) {
	}

	// ------------------------------------------------------------------ drafts

	public ApplicationRecord createDraft(Actor actor, ApplicationInput input) {
		Instant now = clock.instant();
		ApplicationRecord empty = blank(actor, UUID.randomUUID(), input, now);
		ApplicationRecord draft = apply(empty, input, actor, now, true);
		applications.insert(draft);
		attachments.refer(actor.username(), draft.materials().attachments().values());
		return draft;
	}

	public ApplicationRecord updateDraft(Actor actor, UUID id, int version, ApplicationInput input) {
		ApplicationRecord draft = draftOf(actor, id);
		ApplicationRecord updated = apply(draft, input, actor, clock.instant(), true);
		if (!applications.update(withVersion(updated, version + 1), version)) {
			throw new StaleVersion(id, version);
		}
		attachments.refer(actor.username(), updated.materials().attachments().values());
		return applications.find(id).orElseThrow();
	}

	public void deleteDraft(Actor actor, UUID id) {
		draftOf(actor, id);
		applications.delete(id);
	}

	/**
	 * Fills the draft's form from the shared registries under its consent. Each read is checked and
	 * logged; a refused read leaves the field to the applicant. Values the applicant already typed stay.
	 */
	public ApplicationRecord prefill(Actor actor, UUID id, int version) {
		ApplicationRecord draft = draftOf(actor, id);
		Catalogue catalogue = catalog.catalogue();
		Matter matter = catalogue.matter(draft.matter()).orElseThrow(() -> new NotFound("一件事", "Matter", draft.matter()));
		Applicability applicability = Applicability.of(matter, new Answers(draft.answers()));
		ReadRequest request = new ReadRequest(actor.username(), draft.applicant().id(), matter.code(), draft.consentId(),
				purpose(matter));
		Map<String, FieldValue> form = new LinkedHashMap<>(draft.form());
		Map<cn.onego.catalog.Enums.Registry, Optional<Map<String, Object>>> read = new LinkedHashMap<>();
		for (FormField field : MergedForm.derive(catalogue, applicability.items()).fields()) {
			if (field.registry() == null || (form.containsKey(field.element()) && form.get(field.element()).source() == FieldValue.Source.APPLICANT)) {
				continue;
			}
			Optional<Map<String, Object>> record = read.computeIfAbsent(field.registry(),
					registry -> onceOnly.registry(request, registry, "form fields").value());
			record.map(data -> data.get(field.element())).ifPresent(value -> form.put(field.element(),
					new FieldValue(value.toString(), FieldValue.Source.PREFILLED, field.registry().name(), draft.consentId(),
							value.toString(), null)));
		}
		ApplicationRecord prefilled = new ApplicationRecord(draft.id(), draft.status(), draft.matter(), draft.catalogueVersion(),
				draft.applicant(), draft.actingPerson(), draft.agent(), draft.region(), draft.channel(), draft.consentId(),
				draft.answers(), form, draft.commitments(), draft.materials(), draft.delivery(), draft.createdBy(),
				draft.createdAt(), clock.instant(), null, version + 1, draft.park());
		if (!applications.update(prefilled, version)) {
			throw new StaleVersion(id, version);
		}
		return prefilled;
	}

	// ------------------------------------------------------------------ submission

	/**
	 * Submits an application — a stored draft when {@code draftId} is given, with {@code input} laid over
	 * it — exactly once per idempotency key.
	 */
	public Submitted submit(Actor actor, String idempotencyKey, UUID draftId, ApplicationInput input) {
		if (draftId != null) {
			draftOf(actor, draftId); // somebody else's draft is not found, whatever else is wrong with the request
		}
		if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
			throw InvalidInput.of("Idempotency-Key", "required", Message.of("请在请求头 Idempotency-Key 中提供1至200位的幂等键",
					"send an Idempotency-Key header of 1 to 200 characters"));
		}
		String hash = requestHash(draftId, input);
		Optional<Submitted> replay = replay(actor, idempotencyKey, hash);
		if (replay.isPresent()) {
			return replay.get();
		}
		// Validation reads shared registries, and each read is logged in a transaction of its own; so it
		// runs before the submission's transaction, which then needs one connection only, however many
		// retries of the same key wait on it.
		UUID id = draftId != null ? draftId : UUID.randomUUID();
		Instant now = clock.instant();
		ApplicationRecord base = draftId != null ? draftOf(actor, draftId) : blank(actor, id, input, now);
		ApplicationRecord filled = apply(base, input, actor, now, false);
		Validated validated = validate(filled, actor);
		if (!validated.problems().isEmpty()) {
			throw new InvalidInput(validated.problems());
		}
		return transactions.execute(status -> {
			if (!keys.claim(actor.username(), idempotencyKey, hash, id)) {
				return replay(actor, idempotencyKey, hash).orElseThrow();
			}
			ApplicationRecord submitted = new ApplicationRecord(filled.id(), Status.SUBMITTED, filled.matter(),
					catalog.catalogue().version(), filled.applicant(), filled.actingPerson(), filled.agent(), filled.region(),
					filled.channel(), filled.consentId(), filled.answers(), filled.form(), filled.commitments(),
					new Materials(filled.materials().attachments(), validated.materials()), filled.delivery(),
					filled.createdBy(), filled.createdAt(), now, now, base.version() + 1, filled.park());
			if (draftId != null) {
				if (!applications.update(submitted, base.version())) {
					throw new StaleVersion(draftId, base.version());
				}
			}
			else {
				applications.insert(submitted);
			}
			attachments.refer(actor.username(), submitted.materials().attachments().values());
			events.publishEvent(new ApplicationSubmitted(submitted.id(), submitted.matter(), submitted.region(), submitted.channel().name(), now));
			return new Submitted(submitted, false);
		});
	}

	/** The application an earlier submission under the key created, if the request is the same. */
	private Optional<Submitted> replay(Actor actor, String key, String hash) {
		return keys.find(actor.username(), key).map(claim -> {
			if (!claim.requestHash().equals(hash)) {
				throw new KeyReused(key);
			}
			return new Submitted(applications.find(claim.application()).orElseThrow(), true);
		});
	}

	record Validated(List<FieldProblem> problems, List<MaterialEntry> materials) {
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
		boolean founder = matter.theme() == cn.onego.catalog.Enums.Theme.ENTERPRISE_OPENING
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

		MergedForm form = MergedForm.derive(catalogue, applicability.items());
		Set<String> known = new java.util.HashSet<>();
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
			if (field.type() == cn.onego.catalog.Enums.ElementType.REGION && RegionCode.isWellFormed(text)
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
		MaterialSources sources = consent == null ? MaterialSources.NONE
				: new ApplicantSources(onceOnly, new ReadRequest(actor.username(), applicant.id(), matter.code(),
						consent.id(), purpose(matter)));
		MaterialList materials = MaterialList.derive(catalogue, matter, applicability, a.commitments(), sources);
		Set<String> listed = new java.util.HashSet<>();
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
		return new Validated(problems, entries);
	}

	private static void checkChannel(Channel channel, Actor actor, List<FieldProblem> problems) {
		boolean clerk = actor.has(Role.WINDOW_CLERK);
		boolean allowed = switch (channel) {
			case ONLINE, MOBILE, KIOSK -> actor.has(Role.APPLICANT);
			case WINDOW, AGENT -> clerk;
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

	// ------------------------------------------------------------------ reading

	/**
	 * An application or draft of the actor: one they filed, one of their own, or one of a person they may
	 * act for. Staff read a submitted application through its case, where their part in the case is checked.
	 */
	public ApplicationRecord find(Actor actor, UUID id) {
		ApplicationRecord a = applications.find(id).orElseThrow(() -> new NotFound("申请", "Application", id.toString()));
		boolean own = a.createdBy().equals(actor.username()) || actor.isPerson(a.applicant().id())
				|| representation.capacity(actor.username(), actor.idNumber(), a.applicant().id()).isPresent();
		if (!own) {
			throw new NotFound("申请", "Application", id.toString());
		}
		if (!actor.isPerson(a.applicant().id())) {
			// a clerk who filed it at the window (帮代办) or an agent reads another person's data
			audit.record(actor, "read.application", "application/" + a.id(), a.status().name());
		}
		return a;
	}

	/** A submitted application, for the modules that take it further; callers check who may see it. */
	public ApplicationRecord submitted(UUID id) {
		return applications.find(id)
			.filter(a -> a.status() == Status.SUBMITTED)
			.orElseThrow(() -> new NotFound("已提交的申请", "Submitted application", id.toString()));
	}

	public List<ApplicationRecord> mine(Actor actor, Status status) {
		return applications.of(actor.username(), actor.idNumber() == null ? "" : actor.idNumber(), status, 200);
	}

	// ------------------------------------------------------------------ helpers

	private ApplicationRecord draftOf(Actor actor, UUID id) {
		ApplicationRecord a = applications.find(id)
			.filter(r -> r.createdBy().equals(actor.username()))
			.orElseThrow(() -> new NotFound("草稿", "Draft", id.toString()));
		if (a.status() != Status.DRAFT) {
			throw new AlreadySubmitted(id);
		}
		return a;
	}

	private ApplicationRecord blank(Actor actor, UUID id, ApplicationInput input, Instant now) {
		Channel channel = input != null && input.channel() != null ? input.channel()
				: actor.has(Role.WINDOW_CLERK) ? Channel.WINDOW : Channel.ONLINE;
		Applicant self = new Applicant(ApplicantType.PERSON, actor.idNumber(), actor.displayName());
		return new ApplicationRecord(id, Status.DRAFT, input == null ? null : input.matter(), catalog.catalogue().version(),
				self, actor.username(), null, null, channel, null, Map.of(), Map.of(), Set.of(),
				new Materials(Map.of(), List.of()), null, actor.username(), now, now, null, 0, null);
	}

	/** Lays the input over the record; refuses when the actor may not act for the applicant. */
	private ApplicationRecord apply(ApplicationRecord base, ApplicationInput input, Actor actor, Instant now, boolean draft) {
		if (input == null) {
			return base;
		}
		List<FieldProblem> problems = new ArrayList<>();
		String matter = input.matter() != null ? input.matter() : base.matter();
		Catalogue catalogue = catalog.catalogue();
		Optional<Matter> known = matter == null || matter.length() > cn.onego.platform.Text.CODE ? Optional.empty()
				: catalogue.matter(matter);
		if (known.isEmpty()) {
			String shown = matter == null || matter.length() > cn.onego.platform.Text.CODE ? "" : matter;
			problems.add(problem("matter", "unknown", "请选择有效的一件事：" + shown, "choose an existing matter: " + shown));
		}
		problems.addAll(InputRules.problemsOf(input, catalogue, known.orElse(null), LocalDate.ofInstant(now, clock.getZone())));
		problems.addAll(attachments.problemsOfReferences(actor.username(), "attachments", newReferences(base, input)));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Applicant applicant = input.applicant() != null ? input.applicant() : base.applicant();
		if (applicant == null || applicant.id() == null || applicant.kind() == null) {
			problems.add(problem("applicant", "required", "请填写申请人类型和证件号码", "give the applicant's kind and identifier"));
			throw new InvalidInput(problems);
		}
		Optional<Representation.Capacity> capacity = representation.capacity(actor.username(), actor.idNumber(), applicant.id());
		if (capacity.isEmpty()) {
			throw representation.refused(actor.username(), applicant.id(), "apply in the name of");
		}
		if (capacity.get() == Representation.Capacity.SELF && applicant.name() != null
				&& !applicant.name().trim().equals(actor.displayName())) {
			// the person applying for themself is who the identity provider verified, under that name
			problems.add(problem("applicant.name", "not-the-verified-name", "申请人姓名应与实名认证的姓名一致：" + actor.displayName(),
					"the applicant's name must be the verified name: " + actor.displayName()));
			throw new InvalidInput(problems);
		}
		Agent agent = capacity.get() == Representation.Capacity.SELF
				|| capacity.get() == Representation.Capacity.LEGAL_REPRESENTATIVE ? null
						: new Agent(actor.username(), actor.displayName(), capacity.get().name());
		Map<String, FieldValue> form = new LinkedHashMap<>(base.form());
		if (input.form() != null) {
			input.form().forEach((element, value) -> {
				FieldValue existing = form.get(element);
				if (value == null || value.isBlank()) {
					form.remove(element);
				}
				else if (existing != null && existing.prefilledValue() != null) {
					if (value.equals(existing.prefilledValue())) {
						form.put(element, new FieldValue(value, FieldValue.Source.PREFILLED, existing.registry(),
								existing.consentId(), existing.prefilledValue(), null));
					}
					else if (!value.equals(existing.value()) || existing.correctionReason() == null) {
						String reason = input.corrections() == null ? null : input.corrections().get(element);
						if (reason == null || reason.isBlank()) {
							problems.add(problem("form." + element, "correction-reason", "修改预填的数据时请说明原因",
									"give a reason when changing a prefilled value"));
						}
						else {
							form.put(element, new FieldValue(value, FieldValue.Source.CORRECTED, existing.registry(),
									existing.consentId(), existing.prefilledValue(), reason.trim()));
						}
					}
				}
				else {
					form.put(element, FieldValue.typed(value));
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Map<String, String> attached = new LinkedHashMap<>(base.materials().attachments());
		if (input.attachments() != null) {
			input.attachments().forEach((material, hash) -> {
				if (hash == null || hash.isBlank()) {
					attached.remove(material);
				}
				else {
					attached.put(material, hash);
				}
			});
		}
		return new ApplicationRecord(base.id(), base.status(), matter, base.catalogueVersion(), applicant, actor.username(),
				agent, input.region() != null ? input.region() : base.region(),
				input.channel() != null ? input.channel() : base.channel(),
				input.consentId() != null ? input.consentId() : base.consentId(),
				input.answers() != null ? new Answers(input.answers()).values() : base.answers(), form,
				input.commitments() != null ? Set.copyOf(input.commitments()) : base.commitments(),
				new Materials(attached, base.materials().resolved()),
				input.delivery() != null ? input.delivery() : base.delivery(), base.createdBy(), base.createdAt(), now,
				base.submittedAt(), base.version(), input.park() != null ? input.park() : base.park());
	}

	/** The files the input refers to that the record did not refer to before. */
	private static Map<String, String> newReferences(ApplicationRecord base, ApplicationInput input) {
		Map<String, String> added = new LinkedHashMap<>();
		if (input.attachments() != null) {
			input.attachments().forEach((material, hash) -> {
				if (hash != null && !hash.isBlank() && !hash.equals(base.materials().attachments().get(material))) {
					added.put(material, hash);
				}
			});
		}
		return added;
	}

	private static ApplicationRecord withVersion(ApplicationRecord a, int version) {
		return new ApplicationRecord(a.id(), a.status(), a.matter(), a.catalogueVersion(), a.applicant(), a.actingPerson(),
				a.agent(), a.region(), a.channel(), a.consentId(), a.answers(), a.form(), a.commitments(), a.materials(),
				a.delivery(), a.createdBy(), a.createdAt(), a.updatedAt(), a.submittedAt(), version, a.park());
	}

	private static String purpose(Matter matter) {
		return "一件事一次办申请：" + matter.name().zh();
	}

	/** The request in a canonical form: map keys and sets sorted, so equal requests hash equally. */
	private String requestHash(UUID draftId, ApplicationInput input) {
		Map<String, Object> canonical = new TreeMap<>();
		canonical.put("draftId", draftId);
		if (input != null) {
			canonical.put("matter", input.matter());
			canonical.put("region", input.region());
			canonical.put("applicant", input.applicant());
			canonical.put("answers", input.answers() == null ? null : sorted(input.answers()));
			canonical.put("form", input.form() == null ? null : new TreeMap<>(input.form()));
			canonical.put("corrections", input.corrections() == null ? null : new TreeMap<>(input.corrections()));
			canonical.put("commitments", input.commitments() == null ? null : new TreeSet<>(input.commitments()));
			canonical.put("attachments", input.attachments() == null ? null : new TreeMap<>(input.attachments()));
			canonical.put("delivery", input.delivery());
			canonical.put("consentId", input.consentId());
			canonical.put("channel", input.channel());
			canonical.put("park", input.park());
		}
		return Attachments.sha256(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, List<String>> sorted(Map<String, List<String>> answers) {
		Map<String, List<String>> sorted = new TreeMap<>();
		answers.forEach((k, v) -> sorted.put(k, v == null ? List.of() : v.stream().sorted().toList()));
		return sorted;
	}

	private static FieldProblem problem(String field, String code, String zh, String en) {
		return new FieldProblem(field, code, Message.of(zh, en));
	}

	/** The same Idempotency-Key came with a different request. */
	public static class KeyReused extends Problem {

		KeyReused(String key) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", Message.of("幂等键已用于另一请求", "Idempotency key reused"),
					Message.of("幂等键“" + key + "”已用于内容不同的提交，请为新的提交使用新的幂等键。",
							"The Idempotency-Key '" + key + "' was used for a different submission; use a new key for a new submission."),
					List.of());
		}
	}

	/** The draft changed since it was read. */
	public static class StaleVersion extends Problem {

		StaleVersion(UUID id, int version) {
			super(HttpStatus.CONFLICT, "stale-version", Message.of("草稿已被修改", "Draft changed"),
					Message.of("草稿已在别处修改（您读取的是第 " + version + " 版），请重新读取后再保存。",
							"The draft was changed elsewhere (you read version " + version + "); reload it and save again."),
					List.of());
		}
	}

	/** The application was submitted already and is no longer a draft. */
	public static class AlreadySubmitted extends Problem {

		AlreadySubmitted(UUID id) {
			super(HttpStatus.CONFLICT, "already-submitted", Message.of("申请已提交", "Already submitted"),
					Message.of("该申请已提交，不能再作为草稿修改：" + id, "This application was submitted and is no longer a draft: " + id),
					List.of());
		}
	}
}

package cn.onego.sharing.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Enums.Registry;
import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import cn.onego.licences.ELicence;
import cn.onego.licences.ELicences;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.sharing.Consent;
import cn.onego.sharing.Consents;
import cn.onego.sharing.OnceOnly;
import cn.onego.sharing.Representation;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Consent and data access 授权与数据使用", description = "An applicant grants and withdraws consent, and sees every read of their data")
class SharingController {

	private final Consents consents;
	private final OnceOnly onceOnly;
	private final ELicences licences;
	private final Actors actors;
	private final CatalogQueries catalog;
	private final Representation representation;
	private final java.time.Clock clock;
	private final Transparency transparency;

	SharingController(Consents consents, OnceOnly onceOnly, ELicences licences, Actors actors, CatalogQueries catalog,
			Representation representation, java.time.Clock clock, Transparency transparency) {
		this.transparency = transparency;
		this.representation = representation;
		this.clock = clock;
		this.consents = consents;
		this.onceOnly = onceOnly;
		this.licences = licences;
		this.actors = actors;
		this.catalog = catalog;
	}

	record ConsentRequest(String subject, String matter, java.util.Set<Registry> registries, java.util.Set<String> licenceTypes,
			String purpose, Integer validDays) {
	}

	@GetMapping("/matters/{code}/consent-scope")
	@Operation(summary = "The data a matter may read, to show before consent 授权范围")
	Consents.Scope scope(@PathVariable String code) {
		return Consents.scopeOf(catalog.catalogue(), catalog.matter(code));
	}

	@PostMapping("/consents")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Grant consent for a matter 授权", description = "The signed-in applicant agrees that the named registries and e-licences (default: all the matter may need) are read for the purpose, until validDays (default 30) pass or the consent is withdrawn.")
	Transparency.ConsentView grant(@RequestBody ConsentRequest request) {
		Actor actor = actors.current();
		String subject = subjectFor(actor, request.subject());
		return view(consents.grant(new Consents.Grant(subject, request.matter(), request.registries(),
				request.licenceTypes(), request.purpose(), request.validDays()), actor.username()));
	}

	@GetMapping("/consents")
	@Operation(summary = "My consents 我的授权", description = "Of the signed-in person, or of a subject they act for.", operationId = "myConsents")
	List<Transparency.ConsentView> mine(@RequestParam(required = false) String subject) {
		return consents.of(subjectFor(actors.current(), subject)).stream().map(this::view).toList();
	}

	@DeleteMapping("/consents/{id}")
	@Operation(summary = "Withdraw a consent 撤回授权", description = "Reads under it are refused from now on.")
	@Refuses(status = 409, code = "consent-withdrawn", when = "the consent was withdrawn already")
	Transparency.ConsentView withdraw(@PathVariable UUID id, @RequestParam(required = false) String subject) {
		return view(consents.withdraw(id, subjectFor(actors.current(), subject)));
	}

	@GetMapping("/data-access")
	@Operation(summary = "Who read my data 数据使用记录", description = "Every read about me (or a subject I act for), granted or refused: who (a department, or the platform on my behalf — never a staff username), what, when, purpose, and under which consent or legal basis, in Chinese and English.")
	List<Transparency.AccessView> accesses(@RequestParam(required = false) String subject,
			@RequestParam(defaultValue = "200") int limit) {
		Actor actor = actors.current();
		return transparency.accesses(onceOnly.accessesAbout(subjectFor(actor, subject), Math.min(Math.max(limit, 1), 1000)),
				actor);
	}

	record RepresentationRequest(String subject, String subjectName, String username, Representation.Capacity capacity,
			String authorisation, java.time.LocalDate validUntil) {
	}

	@PostMapping("/representations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record who may act for an applicant 代办授权",
			description = "A person (or an enterprise's legal representative) authorises a relative or a handler; a window clerk records the visitor's signed authorisation for 帮代办 (capacity ASSISTANT, username = the clerk).")
	Representation.Authorisation represent(@RequestBody RepresentationRequest request) {
		Actor actor = actors.current();
		if (request.subject() == null || (!IdNumber.isValid(request.subject()) && !CreditCode.isValid(request.subject()))) {
			throw InvalidInput.of("subject", "check-digit", Message.of("被代理人应为有效的公民身份号码或统一社会信用代码",
					"the principal must be a valid citizen ID number or unified social credit code"));
		}
		boolean principal = request.subject() != null && representation.capacity(actor.username(), actor.idNumber(), request.subject())
			.filter(c -> c == Representation.Capacity.SELF || c == Representation.Capacity.LEGAL_REPRESENTATIVE)
			.isPresent();
		boolean assistant = actor.has(cn.onego.identity.Role.WINDOW_CLERK)
				&& request.capacity() == Representation.Capacity.ASSISTANT && actor.username().equals(request.username());
		if (!principal && !assistant) {
			throw representation.refused(actor.username(), request.subject(), "record an authorisation for");
		}
		if (request.username() == null || actors.byUsername(request.username()).isEmpty()) {
			throw InvalidInput.of("username", "unknown", Message.of("被授权的用户不存在", "the authorised user does not exist"));
		}
		return representation.record(request.subject(), request.subjectName(), request.username(), request.capacity(),
				request.authorisation(), request.validUntil(), actor.username());
	}

	@GetMapping("/representations")
	@Operation(summary = "Authorisations to act for someone 代办授权列表",
			description = "Those given for me (or for the enterprise I represent, with subject=its credit code), those I hold, and those I recorded at a window.")
	List<Representation.Listed> representations(@RequestParam(required = false) String subject) {
		Actor actor = actors.current();
		List<String> subjects = new java.util.ArrayList<>();
		if (actor.idNumber() != null) {
			subjects.add(actor.idNumber());
		}
		if (subject != null && !subject.isBlank()) {
			String asked = subject.trim();
			if (!IdNumber.isValid(asked) && !CreditCode.isValid(asked)) {
				throw InvalidInput.of("subject", "check-digit", Message.of("应为有效的公民身份号码或统一社会信用代码",
						"a valid citizen ID number or unified social credit code"));
			}
			boolean principal = representation.capacity(actor.username(), actor.idNumber(), asked)
				.filter(c -> c == Representation.Capacity.SELF || c == Representation.Capacity.LEGAL_REPRESENTATIVE)
				.isPresent();
			if (!principal) {
				throw representation.refused(actor.username(), asked, "list the authorisations of");
			}
			subjects.add(asked);
		}
		return representation.concerning(actor.username(), actor.idNumber(), subjects);
	}

	@DeleteMapping("/representations/{id}")
	@Operation(summary = "Revoke an authorisation 撤销代办授权", description = "By the person who gave it (or the enterprise's legal representative), its holder, or whoever recorded it.")
	Representation.Listed revokeRepresentation(@PathVariable UUID id) {
		Actor actor = actors.current();
		return representation.revoke(id, actor.username(), actor.idNumber());
	}

	/** The subject the actor asks about: their own ID number by default, otherwise one they may act for. */
	private String subjectFor(Actor actor, String subject) {
		return representation.subjectFor(actor, subject, "consent or read the data of");
	}

	@PutMapping("/admin/registries/{registry}/records/{subject}")
	@Operation(summary = "Store what a shared registry holds about a subject (registry feed)")
	Map<String, Object> putRecord(@PathVariable Registry registry, @PathVariable String subject,
			@RequestBody Map<String, Object> data) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!IdNumber.isValid(subject) && !CreditCode.isValid(subject)) {
			problems.add(new FieldProblem("subject", "check-digit", Message.of("主体应为有效的公民身份号码或统一社会信用代码",
					"the subject is a valid citizen ID number or unified social credit code")));
		}
		if (data.size() > 100) {
			problems.add(new FieldProblem("body", "too-many", Message.of("至多100项", "at most 100 entries")));
		}
		else {
			data.forEach((key, value) -> {
				Text.check(problems, "body", key, Text.Kind.LINE, Text.CODE);
				boolean scalar = value == null || value instanceof Number || value instanceof Boolean
						|| (value instanceof String text && text.length() <= Text.FORM_VALUE);
				if (!scalar) {
					problems.add(new FieldProblem(key.length() > Text.CODE ? "body" : key, "invalid", Message.of(
							"取值应为至多" + Text.FORM_VALUE + "字的文字、数字或是否", "a value is text of at most " + Text.FORM_VALUE
									+ " characters, a number or a boolean")));
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		onceOnly.putRecord(registry, subject, data);
		return data;
	}

	record LicenceRequest(String holder, String licenceType, String number, String name, String issuer,
			java.time.LocalDate issuedOn, java.time.LocalDate validUntil) {
	}

	@PostMapping("/admin/e-licences")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an electronic licence (licence feed)")
	ELicence recordLicence(@RequestBody LicenceRequest request) {
		if (request.holder() == null || request.licenceType() == null || request.number() == null || request.name() == null) {
			throw InvalidInput.of("holder", "required", Message.of("持证主体、证照类型、编号和名称均为必填",
					"holder, licence type, number and name are required"));
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (!IdNumber.isValid(request.holder()) && !CreditCode.isValid(request.holder())) {
			problems.add(new FieldProblem("holder", "check-digit", Message.of("持证主体应为有效的公民身份号码或统一社会信用代码",
					"the holder is a valid citizen ID number or unified social credit code")));
		}
		Text.check(problems, "licenceType", request.licenceType(), Text.Kind.LINE, Text.CODE);
		Text.check(problems, "number", request.number(), Text.Kind.LINE, Text.CODE);
		Text.check(problems, "name", request.name(), Text.Kind.LINE, Text.ORGANISATION);
		Text.check(problems, "issuer", request.issuer(), Text.Kind.LINE, Text.ORGANISATION);
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		if (request.issuedOn() != null && (request.issuedOn().isAfter(today) || request.issuedOn().getYear() < 1900)) {
			problems.add(new FieldProblem("issuedOn", "range", Message.of("发证日期应在1900年至今天之间", "the issue date lies between 1900 and today")));
		}
		if (request.validUntil() != null && (request.validUntil().isAfter(today.plusYears(100))
				|| (request.issuedOn() != null && request.validUntil().isBefore(request.issuedOn())))) {
			problems.add(new FieldProblem("validUntil", "range", Message.of("有效期应不早于发证日期、不晚于100年后",
					"valid until a day after the issue date and within 100 years")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return licences.record(request.holder(), request.licenceType(), request.number(), request.name(), request.issuer(),
				request.issuedOn(), request.validUntil());
	}

	private Transparency.ConsentView view(Consent consent) {
		return transparency.consent(consent, clock.instant());
	}
}

package cn.onego.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationInput.Applicant;
import cn.onego.application.ApplicationInput.Channel;
import cn.onego.application.ApplicationRecord.Agent;
import cn.onego.application.ApplicationRecord.Materials;
import cn.onego.application.ApplicationRecord.Status;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Matter;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.sharing.Representation;

/**
 * Fills an application from what a client sent, for a draft and for a submission alike: the input is
 * laid over the record field by field, so a client may send only what changed. Only what the input
 * alone shows to be wrong is refused here (an unknown matter, malformed values, files the user did not
 * upload, an applicant the user may not act for, a prefilled value changed without a reason); the
 * rules of a complete application are {@link SubmissionRules}, because a draft may be incomplete.
 */
@Component
class Filling {

	private final CatalogQueries catalog;
	private final Attachments attachments;
	private final Representation representation;
	private final Clock clock;

	Filling(CatalogQueries catalog, Attachments attachments, Representation representation, Clock clock) {
		this.catalog = catalog;
		this.attachments = attachments;
		this.representation = representation;
		this.clock = clock;
	}

	/** A new draft in the actor's own name, on the channel their role submits through unless the input names one. */
	ApplicationRecord blank(Actor actor, UUID id, ApplicationInput input, Instant now) {
		Channel channel = input != null && input.channel() != null ? input.channel()
				: actor.has(Role.WINDOW_CLERK) ? Channel.WINDOW : Channel.ONLINE;
		Applicant self = new Applicant(ApplicantType.PERSON, actor.idNumber(), actor.displayName());
		return new ApplicationRecord(id, Status.DRAFT, input == null ? null : input.matter(), catalog.catalogue().version(),
				self, actor.username(), null, null, channel, null, Map.of(), Map.of(), Set.of(),
				new Materials(Map.of(), List.of()), null, actor.username(), now, now, null, 0, null, null);
	}

	/** Lays the input over the record; refuses when the actor may not act for the applicant. */
	ApplicationRecord apply(ApplicationRecord base, ApplicationInput input, Actor actor, Instant now, boolean draft) {
		if (input == null) {
			return base;
		}
		List<FieldProblem> problems = new ArrayList<>();
		String matter = input.matter() != null ? input.matter() : base.matter();
		Catalogue catalogue = catalog.catalogue();
		Optional<Matter> known = matter == null || matter.length() > Text.CODE ? Optional.empty()
				: catalogue.matter(matter);
		if (known.isEmpty()) {
			String shown = matter == null || matter.length() > Text.CODE ? "" : matter;
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
						form.put(element, existing.restored());
					}
					else if (!value.equals(existing.value()) || existing.correctionReason() == null) {
						String reason = input.corrections() == null ? null : input.corrections().get(element);
						if (reason == null || reason.isBlank()) {
							problems.add(problem("form." + element, "correction-reason", "修改预填的数据时请说明原因",
									"give a reason when changing a prefilled value"));
						}
						else {
							form.put(element, existing.correctedTo(value, reason.trim()));
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
				new Materials(attached, consentChanged(base, input) ? List.of() : base.materials().resolved()),
				input.delivery() != null ? input.delivery() : base.delivery(), base.createdBy(), base.createdAt(), now,
				base.submittedAt(), base.version(), input.park() != null ? input.park() : base.park(),
				input.acceptingHall() != null ? blankAsNull(input.acceptingHall()) : base.acceptingHall());
	}

	/** A new consent makes the materials decided under the old one undecided: they are read again. */
	/** An empty accepting hall takes the choice back: the competent region's own hall accepts. */
	private static String blankAsNull(String value) {
		return value.isBlank() ? null : value;
	}

	private static boolean consentChanged(ApplicationRecord base, ApplicationInput input) {
		return input.consentId() != null && !input.consentId().equals(base.consentId());
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

	private static FieldProblem problem(String field, String code, String zh, String en) {
		return new FieldProblem(field, code, Message.of(zh, en));
	}
}

package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.onego.EveryStaffScopeExists;
import cn.onego.Identities;
import cn.onego.ModuleAlone;
import cn.onego.application.ApplicationInput.Applicant;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.application.ApplicationRecord.Status;
import cn.onego.application.MergedForm.FormField;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;

/**
 * Applying once with its dependencies (catalogue, sharing, identity, the audit trail, and licences, which sharing
 * reads and application does not name), on its own embedded PostgreSQL: a complete application for 开餐饮店 is stored as submitted and announced as
 * {@link ApplicationSubmitted} — the one event the case flow takes it from, through the event publication registry.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "licences")
@ActiveProfiles("test")
@Import({ ModuleAlone.class, EveryStaffScopeExists.class })
@DirtiesContext
class ApplicationModuleTests {

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		ModuleAlone.ownDatabase(registry);
	}

	private static final String MATTER = "HN-CATERING";
	private static final Map<String, List<String>> SMALL_SHOP = Map.of("HAS_BUSINESS_LICENCE", List.of("NO"), "ENTITY_FORM",
			List.of("INDIVIDUAL_BUSINESS"), "PUBLIC_GATHERING_PLACE", List.of("NO"), "OUTDOOR_SIGNBOARD", List.of("NO"),
			"SELLS_TOBACCO", List.of("NO"));

	private final Guidance guidance;
	private final Attachments attachments;
	private final Submissions submissions;

	ApplicationModuleTests(Guidance guidance, Attachments attachments, Submissions submissions) {
		this.guidance = guidance;
		this.attachments = attachments;
		this.submissions = submissions;
	}

	@Test
	void announcesACompleteApplicationAsSubmitted(Scenario scenario) {
		Actor applicant = new Actor("chen-" + UUID.randomUUID().toString().substring(0, 8), "陈创业",
				EnumSet.of(Role.APPLICANT), Identities.idNumber(), null, null, null);
		ApplicationInput input = completeApplication(applicant);

		scenario.stimulate(transactions -> submissions.submit(applicant, UUID.randomUUID().toString(), null, input))
			.andWaitForEventOfType(ApplicationSubmitted.class)
			.matching(submitted -> submitted.matter().equals(MATTER))
			.toArriveAndVerify((submitted, result) -> {
				assertThat(submitted.application()).isEqualTo(result.application().id());
				assertThat(submitted.region()).isEqualTo("430102");
				assertThat(submitted.channel()).isEqualTo("ONLINE");
				assertThat(submissions.find(applicant, submitted.application()).status()).isEqualTo(Status.SUBMITTED);
			});
	}

	/** Every field of the merged form filled with a valid value, every material to hand in uploaded (no consent given). */
	private ApplicationInput completeApplication(Actor applicant) {
		Guidance.Outcome guided = guidance.guide(MATTER, new Answers(SMALL_SHOP), Set.of(), MaterialSources.NONE);
		Map<String, String> form = new HashMap<>();
		guided.form().fields().forEach(field -> form.put(field.element(), valueOf(field, applicant.idNumber())));
		Map<String, String> uploads = new HashMap<>();
		guided.materials().toUpload().stream().filter(MaterialList.RequiredMaterial::required).forEach(material -> {
			byte[] pdf = ("%PDF-1.4\n% " + material.material() + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
			uploads.put(material.material(),
					attachments.store(applicant.username(), material.material() + ".pdf", pdf, "application/pdf").hash());
		});
		return new ApplicationInput(MATTER, "430102", new Applicant(ApplicantType.PERSON, applicant.idNumber(), "陈创业"),
				SMALL_SHOP, form, Map.of(), Set.of(), uploads,
				new Delivery(Delivery.Method.WINDOW_PICKUP, null, null, null), null, null, null);
	}

	private static String valueOf(FormField field, String idNumber) {
		return switch (field.type()) {
			case ID_NUMBER -> idNumber;
			case CREDIT_CODE -> Identities.creditCode();
			case MOBILE -> "13800138000";
			case EMAIL -> "chen@example.cn";
			case DATE -> "2026-01-05";
			case REGION -> "430102";
			case BOOLEAN -> "true";
			case BANK_ACCOUNT -> "6222020200112233445";
			case ENUM -> field.options().get(0).value();
			case NUMBER, AREA_M2, MONEY, INTEGER -> {
				BigDecimal value = field.validation().min() == null ? BigDecimal.TEN : field.validation().min().max(BigDecimal.ONE);
				if (field.validation().max() != null) {
					value = value.min(field.validation().max());
				}
				yield value.setScale(0, java.math.RoundingMode.CEILING).toPlainString();
			}
			case ADDRESS -> "湖南省长沙市芙蓉区五一大道1号";
			case TEXT -> {
				Integer maxLength = field.validation().maxLength();
				yield maxLength != null && maxLength < 6 ? "测试填写内容".substring(0, maxLength) : "测试填写内容";
			}
		};
	}
}

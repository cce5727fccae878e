package cn.onego.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.onego.Identities;
import cn.onego.application.ApplicationInput.Applicant;
import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.application.MergedForm.FormField;
import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.identity.Actor;

/**
 * A complete application for 开餐饮店 as a small individual shop in 芙蓉区, as the module tests submit it in-process:
 * every field of the merged form filled with a valid value, every material to hand in uploaded, no consent given.
 */
public final class CompleteApplications {

	public static final String MATTER = "HN-CATERING";
	public static final String REGION = "430102";
	public static final Map<String, List<String>> SMALL_SHOP = Map.of("HAS_BUSINESS_LICENCE", List.of("NO"), "ENTITY_FORM",
			List.of("INDIVIDUAL_BUSINESS"), "PUBLIC_GATHERING_PLACE", List.of("NO"), "OUTDOOR_SIGNBOARD", List.of("NO"),
			"SELLS_TOBACCO", List.of("NO"));

	private CompleteApplications() {
	}

	/** Every field of the merged form filled with a valid value, every material to hand in uploaded (no consent given). */
	public static ApplicationInput forASmallShop(Guidance guidance, Attachments attachments, Actor applicant) {
		Guidance.Outcome guided = guidance.guide(MATTER, new Answers(SMALL_SHOP), Set.of(), MaterialSources.NONE);
		Map<String, String> form = new HashMap<>();
		guided.form().fields().forEach(field -> form.put(field.element(), valueOf(field, applicant.idNumber())));
		Map<String, String> uploads = new HashMap<>();
		guided.materials().toUpload().stream().filter(MaterialList.RequiredMaterial::required).forEach(material -> {
			byte[] pdf = ("%PDF-1.4\n% " + material.material() + " " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
			uploads.put(material.material(),
					attachments.store(applicant.username(), material.material() + ".pdf", pdf, "application/pdf").hash());
		});
		return new ApplicationInput(MATTER, REGION, new Applicant(ApplicantType.PERSON, applicant.idNumber(), "陈创业"),
				SMALL_SHOP, form, Map.of(), Set.of(), uploads,
				new Delivery(Delivery.Method.WINDOW_PICKUP, null, null, null), null, null, null, null);
	}

	static String valueOf(FormField field, String idNumber) {
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

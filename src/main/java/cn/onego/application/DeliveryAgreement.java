package cn.onego.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.application.MergedForm.FormField;
import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.Enums.Section;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;

/**
 * Some items' forms ask how the result is received (the catalogue's delivery section) although the application
 * says it once for the whole matter ({@link Delivery}). Pages map the one answer into the form; a client that
 * sends both must not send two different answers, or the window would not know which one the applicant meant.
 * An electronic-only result agrees with either way of receiving the paper documents.
 */
final class DeliveryAgreement {

	/** The delivery section's options that name a way of receiving the paper result, by the way they name. */
	private static final Map<String, Delivery.Method> MEANS = Map.of("WINDOW", Delivery.Method.WINDOW_PICKUP, "MAIL",
			Delivery.Method.FREE_MAIL);

	private DeliveryAgreement() {
	}

	/** The problem of a form whose delivery answer contradicts the application's delivery, if any. */
	static Optional<FieldProblem> problem(MergedForm merged, Map<String, FieldValue> form, Delivery delivery) {
		if (delivery == null || delivery.method() == null) {
			return Optional.empty();
		}
		List<FormField> asked = merged.sections().stream().filter(s -> s.section() == Section.DELIVERY)
			.flatMap(s -> s.fields().stream()).filter(f -> f.type() == ElementType.ENUM).toList();
		for (FormField field : asked) {
			FieldValue value = form.get(field.element());
			Delivery.Method meant = value == null || value.value() == null ? null : MEANS.get(value.value().trim());
			if (meant != null && meant != delivery.method()) {
				return Optional.of(new FieldProblem("form." + field.element(), "contradicts-delivery", Message.of(
						"与所选的结果领取方式不一致：" + (delivery.method() == Delivery.Method.FREE_MAIL ? "免费邮寄" : "到窗口领取"),
						"does not agree with the way of receiving the result you chose: "
								+ (delivery.method() == Delivery.Method.FREE_MAIL ? "free mail" : "pick-up at the window"))));
			}
		}
		return Optional.empty();
	}
}

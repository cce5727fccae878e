package cn.onego.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.application.ApplicationInput.Delivery.Method;
import cn.onego.application.MergedForm.FormField;
import cn.onego.application.MergedForm.FormSection;
import cn.onego.catalog.DataElement.Option;
import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.Enums.Section;
import cn.onego.catalog.Validation;
import cn.onego.shared.Label;

/** The way of receiving the result is said once: a form that says it again must say the same. */
class DeliveryAgreementTests {

	private static final MergedForm FORM = new MergedForm(List.of(new FormSection(Section.DELIVERY, Label.of("结果领取", "Delivery"),
			List.of(new FormField("DELIVERY_METHOD", Label.of("结果领取方式", "How to receive the result"), ElementType.ENUM, true,
					Validation.NONE, List.of(option("WINDOW"), option("MAIL"), option("ELECTRONIC")), false, null, null,
					List.of("HN-X"))))));

	@Test
	void refusesAFormThatAsksForMailWhenTheApplicationSaysPickUpAtTheWindow() {
		var problem = DeliveryAgreement.problem(FORM, Map.of("DELIVERY_METHOD", FieldValue.typed("MAIL")),
				new Delivery(Method.WINDOW_PICKUP, null, null, null));
		assertThat(problem).hasValueSatisfying(p -> {
			assertThat(p.field()).isEqualTo("form.DELIVERY_METHOD");
			assertThat(p.code()).isEqualTo("contradicts-delivery");
			assertThat(p.message().zh()).contains("到窗口领取");
			assertThat(p.message().en()).contains("pick-up at the window");
		});
		assertThat(DeliveryAgreement.problem(FORM, Map.of("DELIVERY_METHOD", FieldValue.typed("WINDOW")),
				new Delivery(Method.FREE_MAIL, "张三", "13800138000", "湖南省长沙市芙蓉区五一大道1号"))).isPresent();
	}

	@Test
	void acceptsTheSameAnswerTwiceAnElectronicOnlyResultAndAFormThatDoesNotAsk() {
		assertThat(DeliveryAgreement.problem(FORM, Map.of("DELIVERY_METHOD", FieldValue.typed("MAIL")),
				new Delivery(Method.FREE_MAIL, "张三", "13800138000", "湖南省长沙市芙蓉区五一大道1号"))).isEmpty();
		assertThat(DeliveryAgreement.problem(FORM, Map.of("DELIVERY_METHOD", FieldValue.typed("ELECTRONIC")),
				new Delivery(Method.WINDOW_PICKUP, null, null, null))).isEmpty();
		assertThat(DeliveryAgreement.problem(FORM, Map.of(), new Delivery(Method.WINDOW_PICKUP, null, null, null))).isEmpty();
		assertThat(DeliveryAgreement.problem(new MergedForm(List.of()), Map.of("DELIVERY_METHOD", FieldValue.typed("MAIL")),
				new Delivery(Method.WINDOW_PICKUP, null, null, null))).as("not asked by this form").isEmpty();
	}

	private static Option option(String value) {
		return new Option(value, Label.of(value, value));
	}
}

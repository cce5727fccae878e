package cn.onego.platform;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The input breaks one or more rules; every broken rule is listed, field by field. */
public class InvalidInput extends Problem {

	public InvalidInput(List<FieldProblem> errors) {
		super(HttpStatus.BAD_REQUEST, "invalid-input", Message.of("输入有误", "Invalid input"),
				Message.of("请按字段说明更正后重新提交，共 " + errors.size() + " 处问题。",
						"Please correct the " + errors.size() + " listed problem(s) and submit again."),
				errors);
	}

	public static InvalidInput of(String field, String code, Message message) {
		return new InvalidInput(List.of(new FieldProblem(field, code, message)));
	}
}

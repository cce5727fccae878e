package cn.onego.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.metadata.ConstraintDescriptor;

/**
 * Every error leaves the API as {@code application/problem+json} with a title and detail in the
 * request's language (Chinese unless English is asked for), a {@code message} in both languages and,
 * for invalid input, one entry per offending field.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);
	private static final MessageInterpolator interpolator = new ParameterMessageInterpolator();

	private static final Map<Integer, Message> TITLES = Map.ofEntries(
			Map.entry(400, Message.of("请求有误", "Bad request")),
			Map.entry(401, Message.of("需要登录", "Authentication required")),
			Map.entry(403, Message.of("无权操作", "Forbidden")),
			Map.entry(404, Message.of("未找到", "Not found")),
			Map.entry(405, Message.of("不支持该请求方法", "Method not allowed")),
			Map.entry(406, Message.of("无法提供所要求的格式", "Not acceptable")),
			Map.entry(409, Message.of("与当前状态冲突", "Conflict")),
			Map.entry(413, Message.of("内容过大", "Payload too large")),
			Map.entry(429, Message.of("请求过于频繁", "Too many requests")),
			Map.entry(415, Message.of("不支持的内容类型", "Unsupported media type")),
			Map.entry(500, Message.of("服务器内部错误", "Internal server error")));

	@ExceptionHandler(Problem.class)
	ResponseEntity<Object> problem(Problem problem, WebRequest request) {
		ResponseEntity<Object> answer = respond(problem.status(), problem.code(), problem.title(), problem.detail(),
				problem.errors(), request);
		if (problem.headers().isEmpty()) {
			return answer;
		}
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(answer.getHeaders());
		problem.headers().forEach(headers::set);
		return new ResponseEntity<>(answer.getBody(), headers, answer.getStatusCode());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
		var field = new FieldProblem(e.getName(), "type-mismatch",
				Message.of("取值格式不正确：" + e.getValue(), "Value has the wrong format: " + e.getValue()));
		return respond(HttpStatus.BAD_REQUEST, "invalid-input", TITLES.get(400), null, List.of(field), request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
		if (e instanceof org.springframework.security.core.AuthenticationException
				|| e instanceof org.springframework.security.access.AccessDeniedException) {
			throw e; // Spring Security's entry point answers these
		}
		log.error("Unexpected error on {}", request.getDescription(false), e);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", TITLES.get(500),
				Message.of("处理请求时发生意外错误，已记录，请稍后重试。", "An unexpected error occurred and was logged; please retry later."),
				List.of(), request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> fields = new ArrayList<>();
		for (ObjectError error : e.getBindingResult().getAllErrors()) {
			String field = error instanceof FieldError f ? f.getField() : error.getObjectName();
			fields.add(new FieldProblem(field, error.getCode() == null ? "invalid" : error.getCode().toLowerCase(Locale.ROOT),
					bilingual(error)));
		}
		return respond(HttpStatus.BAD_REQUEST, "invalid-input", Message.of("输入有误", "Invalid input"),
				Message.of("请按字段说明更正后重新提交，共 " + fields.size() + " 处问题。",
						"Please correct the " + fields.size() + " listed problem(s) and submit again."),
				fields, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Message title = TITLES.getOrDefault(status.value(), Message.of("请求未能完成", "Request failed"));
		String reason = e.getMessage() == null ? title.en() : e.getMessage();
		return respond(status, "http-" + status.value(), title, Message.of(title.zh() + "：" + reason, reason),
				List.of(), request);
	}

	private static Message bilingual(ObjectError error) {
		if (error.contains(ConstraintViolation.class)) {
			ConstraintViolation<?> violation = error.unwrap(ConstraintViolation.class);
			var context = new MessageInterpolator.Context() {
				@Override
				public ConstraintDescriptor<?> getConstraintDescriptor() {
					return violation.getConstraintDescriptor();
				}

				@Override
				public Object getValidatedValue() {
					return violation.getInvalidValue();
				}

				@Override
				public <T> T unwrap(Class<T> type) {
					throw new UnsupportedOperationException();
				}
			};
			String template = violation.getMessageTemplate();
			return Message.of(interpolator.interpolate(template, context, Locale.SIMPLIFIED_CHINESE),
					interpolator.interpolate(template, context, Locale.ENGLISH));
		}
		String text = error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage();
		return Message.of(text, text);
	}

	static ResponseEntity<Object> respond(HttpStatusCode status, String code, Message title, Message detail,
			List<FieldProblem> errors, WebRequest request) {
		Locale locale = LocaleContextHolder.getLocale();
		boolean english = "en".equals(locale.getLanguage());
		ProblemDetail body = ProblemDetail.forStatus(status);
		body.setType(URI.create("urn:onego:problem:" + code));
		body.setTitle(english ? title.en() : title.zh());
		Message message = detail != null ? detail : title;
		body.setDetail(english ? message.en() : message.zh());
		if (request instanceof ServletWebRequest servlet) {
			body.setInstance(URI.create(servlet.getRequest().getRequestURI()));
		}
		body.setProperty("code", code);
		body.setProperty("message", message);
		if (!errors.isEmpty()) {
			body.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}
}

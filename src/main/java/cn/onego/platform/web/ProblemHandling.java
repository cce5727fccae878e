package cn.onego.platform.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.onego.platform.DatabaseUnavailable;
import cn.onego.platform.DatabaseWatch;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.metadata.ConstraintDescriptor;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

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

	private final ObjectProvider<DatabaseWatch> database;

	ProblemHandling(ObjectProvider<DatabaseWatch> database) {
		this.database = database;
	}

	@ExceptionHandler(Problem.class)
	ResponseEntity<Object> problem(Problem problem, WebRequest request) {
		ResponseEntity<Object> answer = respond(problem.status(), problem.code(), problem.title(), problem.detail(),
				problem.errors(), request);
		if (answer.getBody() instanceof ProblemDetail body) {
			problem.properties().forEach(body::setProperty);
		}
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
		String value = shortened(e.getValue());
		var field = new FieldProblem(e.getName(), "type-mismatch",
				Message.of("取值格式不正确：" + value, "Value has the wrong format: " + value));
		return invalid(List.of(field), request);
	}

	/**
	 * A value the database could not take (SQL state class 22: too long, out of range, a character the
	 * encoding cannot hold …) is the caller's input at fault, never the server's: 400 without the statement.
	 * Every such case is a missing check where the input enters; the log says which.
	 */
	@ExceptionHandler(DataAccessException.class)
	ResponseEntity<Object> dataAccess(DataAccessException e, WebRequest request) throws Exception {
		if (outage(e)) {
			return problem(new DatabaseUnavailable(), request);
		}
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				log.warn("Input the database refused reached it unchecked on {}: SQL state {}", request.getDescription(false),
						sql.getSQLState());
				return respond(HttpStatus.BAD_REQUEST, "invalid-input", Message.of("输入有误", "Invalid input"),
						Message.of("输入的取值无法保存，请检查后重新提交。", "A value in the request cannot be stored; check it and submit again."),
						List.of(), request);
			}
		}
		return unexpected(e, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception e, WebRequest request) throws Exception {
		if (e instanceof org.springframework.security.core.AuthenticationException
				|| e instanceof org.springframework.security.access.AccessDeniedException) {
			throw e; // Spring Security's entry point answers these
		}
		if (outage(e)) {
			return problem(new DatabaseUnavailable(), request);
		}
		log.error("Unexpected error on {}", request.getDescription(false), e);
		return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal", ProblemDocument.title(500),
				Message.of("处理请求时发生意外错误，已记录，请稍后重试。", "An unexpected error occurred and was logged; please retry later."),
				List.of(), request);
	}

	/**
	 * The database went away under the request (no connection, a broken one, the server restarting): the client
	 * is told to retry, not that the server failed. Logged once, without the stack, since the watch reports the
	 * outage itself.
	 */
	private boolean outage(Exception e) {
		DatabaseWatch watch = database.getIfAvailable();
		boolean away = DatabaseUnavailable.isCause(e) || watch != null && !watch.available()
				|| watch != null && touchedTheDatabase(e) && watch.awayAfterFailure();
		if (away) {
			if (watch != null) {
				watch.suspect();
			}
			log.warn("Database unavailable: {}", e.toString());
		}
		return away;
	}

	/** Whether the failure came out of the database driver or the transactions (a connection closed under a commit). */
	private static boolean touchedTheDatabase(Throwable failure) {
		for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
			if (t instanceof java.sql.SQLException || t instanceof org.springframework.transaction.TransactionException) {
				return true;
			}
		}
		return false;
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

	/**
	 * A body that is not the JSON asked for: malformed, of the wrong types, beyond {@link JsonLimits}, or with a
	 * string {@link cn.onego.platform.Text} refuses. The field is named by its JSON path where Jackson knows it;
	 * Jackson's own message (with class names) is never shown.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Throwable cause = e.getCause();
		if (cause instanceof JsonLimits.RefusedText refused) {
			FieldProblem problem = refused.problem;
			return invalid(List.of(new FieldProblem(join(pathOf(refused), problem.field()), problem.code(), problem.message())),
					request);
		}
		if (cause instanceof StreamConstraintsException limit) {
			String text = limit.getOriginalMessage() == null ? "" : limit.getOriginalMessage();
			boolean size = text.startsWith("Document length") || text.startsWith("Token count")
					|| text.startsWith("String value length");
			if (size) {
				return respond(HttpStatus.CONTENT_TOO_LARGE, "too-large", ProblemDocument.title(413),
						Message.of("请求内容过大或条目过多", "The request body is too large or has too many entries."), List.of(), request);
			}
			return invalid(List.of(new FieldProblem(orBody(pathOf(limit)), "limit",
					Message.of("JSON 嵌套过深、数字或键名过长", "the JSON is nested too deeply, or a number or key is too long"))), request);
		}
		if (cause instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			String type = mismatch.getTargetType().getSimpleName();
			Object[] constants = mismatch.getTargetType().getEnumConstants();
			String expected = constants == null ? type : java.util.Arrays.toString(constants);
			return invalid(List.of(new FieldProblem(orBody(pathOf(mismatch)), "type-mismatch",
					Message.of("取值类型不正确，应为 " + expected, "wrong type of value; expected " + expected))), request);
		}
		if (cause instanceof InputCoercionException range) {
			return invalid(List.of(new FieldProblem(orBody(pathOf(range)), "out-of-range",
					Message.of("数值超出允许的范围", "the number is out of the allowed range"))), request);
		}
		if (cause instanceof StreamReadException malformed) {
			var at = malformed.getLocation();
			String where = at == null ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
			String whereEn = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
			return invalid(List.of(new FieldProblem(orBody(pathOf(malformed)), "malformed-json",
					Message.of("JSON 格式错误" + where, "malformed JSON" + whereEn))), request);
		}
		if (cause instanceof JacksonException other) {
			return invalid(List.of(new FieldProblem(orBody(pathOf(other)), "invalid",
					Message.of("取值无效", "invalid value"))), request);
		}
		return invalid(List.of(new FieldProblem("body", "required", Message.of("缺少请求内容（JSON）", "the request body (JSON) is missing"))),
				request);
	}

	/**
	 * An address with nothing behind it: a person's browser navigating there gets a page in their language with
	 * the ways on; a program (or anything under {@code /api/}) gets the problem document, as for any 404.
	 */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "";
		if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE) && !path.startsWith("/api/")) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.body(NotFoundPage.HTML);
		}
		return super.handleNoResourceFoundException(e, headers, status, request);
	}

	/** The page of {@code static/not-found.html}, read once. */
	private static final class NotFoundPage {

		static final String HTML = read();

		private static String read() {
			try (var in = ProblemHandling.class.getResourceAsStream("/static/not-found.html")) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (java.io.IOException | NullPointerException e) {
				throw new IllegalStateException("static/not-found.html is missing from the build", e);
			}
		}
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(HttpStatus.CONTENT_TOO_LARGE, "too-large", ProblemDocument.title(413),
				Message.of("上传的文件过大（每个文件至多 20 MB）", "The upload is too large (at most 20 MB per file)."),
				List.of(new FieldProblem("file", "too-large", Message.of("文件过大", "the file is too large"))), request);
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> multipart(MultipartException e, WebRequest request) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("exceeds")) {
				return handleMaxUploadSizeExceededException(new MaxUploadSizeExceededException(-1, t), HttpHeaders.EMPTY,
						HttpStatus.CONTENT_TOO_LARGE, request);
			}
		}
		return invalid(List.of(new FieldProblem("body", "malformed-multipart",
				Message.of("multipart 请求格式错误", "the multipart request is malformed"))), request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(List.of(new FieldProblem(e.getParameterName(), "required",
				Message.of("缺少参数：" + e.getParameterName(), "missing parameter: " + e.getParameterName()))), request);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(List.of(new FieldProblem(e.getRequestPartName(), "required",
				Message.of("缺少上传的部分：" + e.getRequestPartName(), "missing part: " + e.getRequestPartName()))), request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		Message title = ProblemDocument.title(status.value());
		// Spring's own detail for its exceptions names no class or value; other messages are not shown
		String reason = body instanceof ProblemDetail detail && detail.getDetail() != null ? detail.getDetail()
				: e instanceof ErrorResponse response && response.getBody().getDetail() != null ? response.getBody().getDetail()
						: title.en();
		ResponseEntity<Object> answer = respond(status, "http-" + status.value(), title,
				Message.of(title.zh() + "：" + reason, reason), List.of(), request);
		return headers == null || headers.isEmpty() ? answer
				: ResponseEntity.status(answer.getStatusCode()).headers(headers).headers(answer.getHeaders()).body(answer.getBody());
	}

	private ResponseEntity<Object> invalid(List<FieldProblem> fields, WebRequest request) {
		return respond(HttpStatus.BAD_REQUEST, "invalid-input", Message.of("输入有误", "Invalid input"),
				Message.of("请按字段说明更正后重新提交，共 " + fields.size() + " 处问题。",
						"Please correct the " + fields.size() + " listed problem(s) and submit again."),
				fields, request);
	}

	/** The JSON path of the value at fault: {@code applicant.name}, {@code requests[0].why}. */
	private static String pathOf(JacksonException e) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String join(String path, String field) {
		return field == null || field.isEmpty() ? orBody(path) : path.isEmpty() ? field : path + "." + field;
	}

	private static String orBody(String path) {
		return path.isEmpty() ? "body" : path;
	}

	private static String shortened(Object value) {
		String text = String.valueOf(value);
		return text.length() > 50 ? text.substring(0, 50) + "…" : text;
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
			Object forwarded = servlet.getRequest().getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
			String path = forwarded instanceof String uri ? uri : servlet.getRequest().getRequestURI();
			try {
				body.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException notAUri) {
				// a path the container let through but java.net.URI refuses: the problem stays without instance
			}
		}
		body.setProperty("code", code);
		body.setProperty("message", message);
		String requestId = request instanceof ServletWebRequest servlet ? RequestIds.of(servlet.getRequest())
				: cn.onego.platform.logging.LogContext.requestId();
		if (requestId != null) {
			body.setProperty("requestId", requestId);
		}
		if (!errors.isEmpty()) {
			body.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}
}

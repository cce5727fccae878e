package cn.onego.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The first look at every request, before authentication and before any controller: a body larger than a
 * JSON body may be (multipart uploads excepted: their parts have their own limits) is refused with 413 before
 * it is read; the path and every query or form parameter must be one line of {@link Text} (no NUL, control,
 * bidirectional or invisible characters, no lone surrogates) of a sensible length, or the request is refused
 * with 400 naming the parameter. Both answer {@code application/problem+json} like everything else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after RequestIds: a refusal here carries the request's id
class RequestLimits extends OncePerRequestFilter {

	static final int MAX_PATH = 1_000;
	static final int MAX_PARAMETER = 500;
	static final int MAX_PARAMETERS = 50;

	/**
	 * A message from a partner instance (crossregion, docs/FEDERATION.md) carries a case's form, or one of its files in
	 * base64: up to 32 MB, read and limited by its endpoint itself, which also verifies its signature over the raw bytes.
	 */
	static final String FEDERATION_MESSAGES = "/federation/v1/messages/";
	static final long MAX_FEDERATION_MESSAGE = 32L * 1024 * 1024;

	private final JsonLimits.Properties limits;

	RequestLimits(JsonLimits.Properties limits) {
		this.limits = limits;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean multipart = request.getContentType() != null
				&& request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
		long max = request.getRequestURI().startsWith(FEDERATION_MESSAGES) ? MAX_FEDERATION_MESSAGE : limits.maxBytes();
		if (!multipart && request.getContentLengthLong() > max) {
			refuse(request, response, 413, "too-large", Message.of("请求内容超过 " + max / 1024 + " KB",
					"the request body is larger than " + max / 1024 + " KB"), List.of());
			return;
		}
		List<FieldProblem> problems = new ArrayList<>();
		String path;
		try {
			path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			path = null;
			problems.add(new FieldProblem("path", "malformed", Message.of("网址中的百分号编码无效", "the URL's percent-encoding is malformed")));
		}
		if (path != null) {
			if (path.length() > MAX_PATH) {
				problems.add(Text.tooLong("path", MAX_PATH));
			}
			Text.characterProblem("path", path, Text.Kind.LINE).ifPresent(problems::add);
		}
		try {
			// a multipart body's own fields are read with its parts, under the multipart limits; its query is read here
			Map<String, String[]> parameters = multipart ? query(request.getQueryString()) : request.getParameterMap();
			if (parameters.size() > MAX_PARAMETERS) {
				problems.add(new FieldProblem("parameters", "too-many", Message.of("参数过多（至多 " + MAX_PARAMETERS + " 个）",
						"too many parameters (at most " + MAX_PARAMETERS + ")")));
			}
			for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
				check(parameter.getKey(), parameter.getValue(), problems);
			}
		}
		catch (RuntimeException e) {
			problems.add(new FieldProblem("parameters", "malformed", Message.of("请求参数无法解析", "the request's parameters cannot be read")));
		}
		if (!problems.isEmpty()) {
			refuse(request, response, 400, "invalid-input", Message.of("请按字段说明更正后重新提交，共 " + problems.size() + " 处问题。",
					"Please correct the " + problems.size() + " listed problem(s) and submit again."), problems);
			return;
		}
		chain.doFilter(request, response);
	}

	/** The parameters of a query string, decoded as UTF-8; a malformed encoding throws. */
	static Map<String, String[]> query(String query) {
		Map<String, List<String>> values = new java.util.LinkedHashMap<>();
		if (query != null && !query.isEmpty()) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = java.net.URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				String value = equals < 0 ? "" : java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
			}
		}
		Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
		values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
		return parameters;
	}

	private static void check(String name, String[] values, List<FieldProblem> problems) {
		String field = name.length() > 50 ? name.substring(0, 50) + "…" : name;
		if (name.length() > 100) {
			problems.add(Text.tooLong("parameter name", 100));
			return;
		}
		Text.characterProblem("parameter name", name, Text.Kind.LINE).ifPresent(problems::add);
		for (String value : values) {
			if (value == null) {
				continue;
			}
			if (value.length() > MAX_PARAMETER) {
				problems.add(Text.tooLong(field, MAX_PARAMETER));
				return;
			}
			var problem = Text.characterProblem(field, value, Text.Kind.LINE);
			if (problem.isPresent()) {
				problems.add(problem.get());
				return;
			}
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String code,
			Message detail, List<FieldProblem> errors) throws IOException {
		boolean english = ProblemDocument.english(null, request.getHeader("Accept-Language"));
		Message title = status == 400 ? Message.of("输入有误", "Invalid input") : ProblemDocument.title(status);
		ProblemDocument.write(response, status,
				ProblemDocument.of(status, code, title, detail, errors, english, request.getRequestURI()));
	}
}

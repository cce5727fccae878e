package cn.onego.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * A problem document written without Spring MVC, for the places that answer before a controller is found:
 * the request limits filter and the servlet container's own error report. The same shape as
 * {@link ProblemHandling}'s: type, title, status, detail, instance, code, a bilingual message and, for
 * invalid input, one entry per field.
 */
final class ProblemDocument {

	static final String CONTENT_TYPE = "application/problem+json;charset=UTF-8";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<Integer, Message> TITLES = Map.ofEntries(
			Map.entry(400, Message.of("请求有误", "Bad request")),
			Map.entry(401, Message.of("需要登录", "Authentication required")),
			Map.entry(403, Message.of("无权操作", "Forbidden")),
			Map.entry(404, Message.of("未找到", "Not found")),
			Map.entry(405, Message.of("不支持该请求方法", "Method not allowed")),
			Map.entry(406, Message.of("无法提供所要求的格式", "Not acceptable")),
			Map.entry(408, Message.of("请求超时", "Request timeout")),
			Map.entry(409, Message.of("与当前状态冲突", "Conflict")),
			Map.entry(411, Message.of("缺少内容长度", "Length required")),
			Map.entry(413, Message.of("内容过大", "Payload too large")),
			Map.entry(414, Message.of("网址过长", "URI too long")),
			Map.entry(415, Message.of("不支持的内容类型", "Unsupported media type")),
			Map.entry(422, Message.of("无法处理的内容", "Unprocessable content")),
			Map.entry(429, Message.of("请求过多", "Too many requests")),
			Map.entry(431, Message.of("请求头过大", "Request header fields too large")),
			Map.entry(500, Message.of("服务器内部错误", "Internal server error")),
			Map.entry(501, Message.of("不支持的功能", "Not implemented")),
			Map.entry(503, Message.of("服务暂不可用", "Service unavailable")),
			Map.entry(505, Message.of("不支持的 HTTP 版本", "HTTP version not supported")));

	private ProblemDocument() {
	}

	/** The title of a status, in both languages. */
	static Message title(int status) {
		return TITLES.getOrDefault(status, Message.of("请求未能完成", "Request failed"));
	}

	/** Chinese unless English is asked for with {@code lang} or Accept-Language, as everywhere else. */
	static boolean english(String lang, String acceptLanguage) {
		if (lang != null) {
			return lang.toLowerCase(Locale.ROOT).startsWith("en");
		}
		return acceptLanguage != null && acceptLanguage.split(",")[0].trim().toLowerCase(Locale.ROOT).startsWith("en");
	}

	static byte[] of(int status, String code, Message title, Message detail, List<FieldProblem> errors, boolean english,
			String instance) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "urn:onego:problem:" + code);
		body.put("title", english ? title.en() : title.zh());
		body.put("status", status);
		body.put("detail", english ? detail.en() : detail.zh());
		if (instance != null) {
			body.put("instance", instance);
		}
		body.put("code", code);
		body.put("message", Map.of("zh", detail.zh(), "en", detail.en()));
		String requestId = cn.onego.platform.logging.LogContext.requestId();
		if (requestId != null) {
			body.put("requestId", requestId);
		}
		if (!errors.isEmpty()) {
			body.put("errors", errors.stream()
				.map(e -> Map.of("field", e.field(), "code", e.code(), "message",
						Map.of("zh", e.message().zh(), "en", e.message().en())))
				.toList());
		}
		return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
	}

	static void write(jakarta.servlet.http.HttpServletResponse response, int status, byte[] document) throws IOException {
		response.resetBuffer();
		response.setStatus(status);
		response.setContentType(CONTENT_TYPE);
		response.setContentLength(document.length);
		response.getOutputStream().write(document);
		response.flushBuffer();
	}
}

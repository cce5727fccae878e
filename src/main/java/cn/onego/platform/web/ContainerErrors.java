package cn.onego.platform.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import cn.onego.platform.DatabaseUnavailable;
import cn.onego.platform.Message;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The errors the servlet container forwards to {@code /error} — a request the security firewall rejected, an
 * exception thrown by a filter, a status sent with {@code sendError} — answered as {@code application/problem+json}
 * like the API's own errors, never as Boot's default JSON or a white-label page. Replaces Boot's
 * {@code BasicErrorController}.
 */
@RestController
@Hidden
class ContainerErrors implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ContainerErrors.class);

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		// called directly, not as the container's error page: there is nothing at this address
		int status = code == null ? 404 : code instanceof Integer number && number >= 400 ? number : 500;
		Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		if (exception instanceof Throwable thrown && DatabaseUnavailable.isCause(thrown)) {
			DatabaseUnavailable unavailable = new DatabaseUnavailable();
			log.warn("Database unavailable: {}", thrown.toString());
			ResponseEntity<Object> answer = ProblemHandling.respond(unavailable.status(), unavailable.code(), unavailable.title(),
					unavailable.detail(), List.of(), new ServletWebRequest(request));
			return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
				.header("Retry-After", unavailable.headers().get("Retry-After")).body(answer.getBody());
		}
		if (status >= 500 && exception instanceof Throwable thrown) {
			log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), thrown);
		}
		Message title = ProblemDocument.title(status);
		Message detail = switch (status) {
			case 400 -> Message.of("请求格式有误，已被拒绝。", "The request is malformed and was rejected.");
			case 404 -> Message.of("所请求的地址不存在。", "Nothing is found at this address.");
			case 500 -> Message.of("处理请求时发生意外错误，已记录，请稍后重试。", "An unexpected error occurred and was logged; please retry later.");
			default -> title;
		};
		return ProblemHandling.respond(HttpStatusCode.valueOf(status), status == 500 ? "internal" : "http-" + status, title,
				detail, List.of(), new ServletWebRequest(request));
	}
}

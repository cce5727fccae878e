package cn.onego.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import cn.onego.platform.Message;
import cn.onego.platform.TooManyRequests;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem documents written by servlet filters (sign-in, security, rate limits), which answer before any
 * controller runs: the same {@code application/problem+json} as {@link ProblemHandling} writes, in the
 * request's language.
 */
@Component
public class ProblemResponses {

	private final JsonMapper json;
	private final LanguageResolver languages = new LanguageResolver();

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, Message title,
			Message detail, Map<String, String> headers) throws IOException {
		boolean english = Locale.ENGLISH.getLanguage().equals(languages.resolveLocale(request).getLanguage());
		ProblemDetail body = ProblemDetail.forStatus(status);
		body.setType(URI.create("urn:onego:problem:" + code));
		body.setTitle(english ? title.en() : title.zh());
		body.setDetail(english ? detail.en() : detail.zh());
		body.setInstance(URI.create(request.getRequestURI().replaceAll("[^\\x21-\\x7e]", "")));
		body.setProperty("code", code);
		body.setProperty("message", detail);
		body.setProperty("requestId", RequestIds.of(request));
		headers.forEach(response::setHeader);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

	public void tooManyRequests(HttpServletRequest request, HttpServletResponse response, TooManyRequests problem)
			throws IOException {
		write(request, response, problem.status(), problem.code(), problem.title(), problem.detail(), problem.headers());
	}
}

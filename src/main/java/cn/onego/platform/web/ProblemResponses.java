package cn.onego.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import org.springframework.beans.factory.ObjectProvider;

import cn.onego.platform.DatabaseUnavailable;
import cn.onego.platform.DatabaseWatch;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
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
	private final ObjectProvider<DatabaseWatch> database;
	private final LanguageResolver languages = new LanguageResolver();

	ProblemResponses(JsonMapper json, ObjectProvider<DatabaseWatch> database) {
		this.json = json;
		this.database = database;
	}

	/**
	 * Writes the problem. A refused sign-in (401) while the database is away is not a wrong password — the accounts
	 * could not be read — so it is answered as what it is: 503, try again shortly.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, Message title,
			Message detail, Map<String, String> headers) throws IOException {
		DatabaseWatch watch = database.getIfAvailable();
		if (status == HttpStatus.UNAUTHORIZED && watch != null && !watch.available()) {
			problem(request, response, new DatabaseUnavailable());
			return;
		}
		writeDocument(request, response, status, code, title, detail, headers);
	}

	private void writeDocument(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			Message title, Message detail, Map<String, String> headers) throws IOException {
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
		problem(request, response, problem);
	}

	/**
	 * Whether the database is away, looked at now: for a sign-in that failed inside (the accounts could not be read)
	 * without saying why.
	 */
	public boolean databaseAway() {
		DatabaseWatch watch = database.getIfAvailable();
		return watch != null && watch.awayAfterFailure();
	}

	/** Any problem, with its headers (e.g. {@code Retry-After}). */
	public void problem(HttpServletRequest request, HttpServletResponse response, Problem problem) throws IOException {
		DatabaseWatch watch = database.getIfAvailable();
		if (problem instanceof DatabaseUnavailable && watch != null) {
			watch.suspect(); // the watch learns of it now, not at its next look
		}
		writeDocument(request, response, problem.status(), problem.code(), problem.title(), problem.detail(), problem.headers());
	}
}

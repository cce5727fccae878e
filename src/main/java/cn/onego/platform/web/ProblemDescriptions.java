package cn.onego.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The error answers of every operation in the OpenAPI description, as they leave {@link ProblemHandling},
 * {@link RequestLimits} and the security filters: {@code application/problem+json} of the schema
 * {@code Problem}. Every operation may answer 400 (the request limits check every path and parameter), 404,
 * 500 and 503 (the database away, see {@code OutageGate}); one with a body 413 and 415; one that sends a {@code version} (in the body or the query) 409; one
 * marked {@link RateLimited} 429 with {@code Retry-After}; and what an endpoint states with {@link Refuses} (a
 * 409 or 422 its service gives, a 429 of a limit taken inside). Who may call — and so 401 and 403 — is the
 * identity module's to state, with {@link #response(OpenAPI, int)}.
 */
@Component
public class ProblemDescriptions implements GlobalOpenApiCustomizer, GlobalOperationCustomizer {

	/** The schema of every error answer. */
	public static final String SCHEMA = "Problem";

	private static final String RETRY_AFTER = "Retry-After";

	/** The reusable responses: component name and description, by status. */
	private static final Map<Integer, String[]> RESPONSES = Map.ofEntries(
			Map.entry(400, new String[] { "BadRequest", """
					Invalid input: a malformed or out-of-range value, a missing field, text with forbidden characters, a \
					path or parameter beyond its limits (code `invalid-input`). `errors` names each field with a code and \
					a message in Chinese and English.""" }),
			Map.entry(401, new String[] { "Unauthorized", """
					Not signed in, or the credentials are wrong or expired: `unauthenticated`, `invalid-token` (the \
					access token), `locked` (too many wrong passwords; with `Retry-After`) or `disabled`.""" }),
			Map.entry(403, new String[] { "Forbidden", """
					Not allowed: the caller's roles do not include one this operation needs, the record is not theirs to \
					handle, or a request with a session cookie lacks the CSRF token (send the `XSRF-TOKEN` cookie's \
					value as `X-XSRF-TOKEN`).""" }),
			Map.entry(404, new String[] { "NotFound", """
					Not found: no such record, or none the caller may see (another person's records answer 404 too).""" }),
			Map.entry(409, new String[] { "Conflict", """
					Conflict with the record's current state: changed by someone else since the `version` sent \
					(`concurrent-change`, `stale-version`: read it again and retry), or a state that does not allow the \
					operation (`illegal-transition`).""" }),
			Map.entry(413, new String[] { "ContentTooLarge", """
					The body is too large: a JSON body over 1 MB or with too many entries, an uploaded file or import \
					over its limit (code `too-large`).""" }),
			Map.entry(415, new String[] { "UnsupportedMediaType", """
					The body's content type is not accepted, or an uploaded file is not of a type allowed \
					(`unsupported-type`).""" }),
			Map.entry(422, new String[] { "UnprocessableContent", """
					Well-formed, but the rules do not allow it; `code` says which.""" }),
			Map.entry(429, new String[] { "TooManyRequests", """
					Too many requests of this kind from this caller or address (code `too-many-requests`); retry after \
					the seconds in `Retry-After`.""" }),
			Map.entry(500, new String[] { "InternalServerError", """
					An unexpected error, logged with its cause; the answer shows none of it (code `internal`). Retry later.""" }),
			Map.entry(503, new String[] { "ServiceUnavailable", """
					The database cannot be reached for the moment and is being brought back (code \
					`database-unavailable`): the request was not carried out; send it again after the seconds in \
					`Retry-After` (a submission with the same `Idempotency-Key`).""" }));

	/**
	 * A reference to the reusable response of that status, which is added to the description's components
	 * (with the {@code Problem} schema) when it is not there yet.
	 */
	public static ApiResponse response(OpenAPI api, int status) {
		String[] known = RESPONSES.get(status);
		if (known == null) {
			throw new IllegalArgumentException("no reusable problem response for status " + status);
		}
		Components components = components(api);
		if (components.getResponses() == null || !components.getResponses().containsKey(known[0])) {
			components.addResponses(known[0], problem(api, new ApiResponse().description(known[1]), status));
		}
		return new ApiResponse().$ref("#/components/responses/" + known[0]);
	}

	/**
	 * What an endpoint states itself: each {@link Refuses} (those of one status in one response), and 429 when
	 * it is {@link RateLimited}.
	 */
	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		Map<Integer, List<String>> refusals = new TreeMap<>();
		for (Refuses refusal : handler.getMethod().getAnnotationsByType(Refuses.class)) {
			refusals.computeIfAbsent(refusal.status(), status -> new ArrayList<>())
				.add(Character.toUpperCase(refusal.when().charAt(0)) + refusal.when().substring(1) + " (`" + refusal.code() + "`).");
		}
		RateLimited limited = handler.getMethodAnnotation(RateLimited.class);
		if (limited != null) {
			String limits = String.join(" and ",
					List.of(limited.perAccount(), limited.perAddress()).stream().filter(l -> !l.isEmpty()).toList());
			refusals.computeIfAbsent(429, status -> new ArrayList<>()).add("Over the rate limit (" + limits
					+ ", configurable under `onego.rate-limits`; `too-many-requests`); retry after the seconds in `Retry-After`.");
		}
		refusals.forEach((status, why) -> responses(operation).addApiResponse(String.valueOf(status),
				new ApiResponse().description(String.join(" ", why))));
		return operation;
	}

	@Override
	public void customise(OpenAPI api) {
		if (api.getPaths() == null) {
			return;
		}
		for (PathItem path : api.getPaths().values()) {
			for (Operation operation : path.readOperations()) {
				ApiResponses responses = responses(operation);
				// what the endpoint stated (Refuses, RateLimited) gets the problem content
				responses.forEach((code, response) -> {
					if (response.get$ref() == null && isError(code)) {
						problem(api, response, Integer.parseInt(code));
					}
				});
				responses.putIfAbsent("400", response(api, 400));
				responses.putIfAbsent("404", response(api, 404));
				responses.putIfAbsent("500", response(api, 500));
				responses.putIfAbsent("503", response(api, 503));
				if (operation.getRequestBody() != null) {
					responses.putIfAbsent("413", response(api, 413));
					responses.putIfAbsent("415", response(api, 415));
				}
				if (sendsVersion(api, operation)) {
					responses.putIfAbsent("409", response(api, 409));
				}
				sort(operation);
			}
		}
	}

	/** The responses in the order of their status codes, so that a reader finds them where expected. */
	public static void sort(Operation operation) {
		ApiResponses sorted = new ApiResponses();
		new TreeMap<>(responses(operation)).forEach(sorted::addApiResponse);
		operation.setResponses(sorted);
	}

	private static boolean isError(String code) {
		return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5') && code.chars().allMatch(Character::isDigit);
	}

	/** Whether the operation sends an optimistic {@code version}: a query parameter or a property of the body. */
	private static boolean sendsVersion(OpenAPI api, Operation operation) {
		List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
		if (parameters.stream().anyMatch(p -> "version".equals(p.getName()) && "query".equals(p.getIn()))) {
			return true;
		}
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return false;
		}
		return operation.getRequestBody().getContent().values().stream().anyMatch(media -> {
			Schema<?> schema = resolved(api, media.getSchema());
			return schema != null && schema.getProperties() != null && schema.getProperties().containsKey("version");
		});
	}

	private static Schema<?> resolved(OpenAPI api, Schema<?> schema) {
		if (schema == null || schema.get$ref() == null) {
			return schema;
		}
		String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
		Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
		return schemas == null ? null : schemas.get(name);
	}

	/** Gives a response the problem content (and, for 401 and 429, the {@code Retry-After} header). */
	private static ApiResponse problem(OpenAPI api, ApiResponse response, int status) {
		schema(api);
		if ((response.getDescription() == null || response.getDescription().isBlank()) && RESPONSES.containsKey(status)) {
			response.setDescription(RESPONSES.get(status)[1]);
		}
		response.setContent(new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				new io.swagger.v3.oas.models.media.MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA))));
		if (status == 429 || status == 401 || status == 503) {
			Components components = components(api);
			if (components.getHeaders() == null || !components.getHeaders().containsKey(RETRY_AFTER)) {
				components.addHeaders(RETRY_AFTER, new Header().description("""
						How many seconds to wait before trying again: with 429 of a rate limit or of sign-in failures \
						(`too-many-requests`), with 401 when the account is locked (`locked`), and with 503 while the \
						database is away (`database-unavailable`).""").schema(typed("integer")));
			}
			response.addHeaderObject(RETRY_AFTER, new Header().$ref("#/components/headers/" + RETRY_AFTER));
		}
		return response;
	}

	/**
	 * The {@code Problem} schema (RFC 9457 with OneGo's members) and the {@code Message} and {@code FieldProblem}
	 * schemas it uses, where the description does not have them from a response already.
	 */
	private static void schema(OpenAPI api) {
		Components components = components(api);
		if (components.getSchemas() != null && components.getSchemas().containsKey(SCHEMA)) {
			return;
		}
		if (components.getSchemas() == null || !components.getSchemas().containsKey("Message")) {
			components.addSchemas("Message", typed("object").description("A message for a person, in Chinese and English.")
				.addProperty("zh", typed("string"))
				.addProperty("en", typed("string")));
		}
		if (!components.getSchemas().containsKey("FieldProblem")) {
			components.addSchemas("FieldProblem", typed("object").description("What is wrong with one input field.")
				.addProperty("field", typed("string"))
				.addProperty("code", typed("string"))
				.addProperty("message", new Schema<>().$ref("#/components/schemas/Message")));
		}
		components.addSchemas(SCHEMA, typed("object")
			.description("""
					An error, as application/problem+json (RFC 9457): `title` and `detail` in the request's language \
					(Chinese unless English is asked for with `lang=en` or `Accept-Language: en`), `message` in both, \
					and for invalid input one entry per field in `errors`.""")
			.addProperty("type", typed("string").format("uri-reference")
				.description("urn:onego:problem:<code>")
				.example("urn:onego:problem:invalid-input"))
			.addProperty("title", typed("string").description("Short, in the request's language"))
			.addProperty("status", typed("integer").format("int32").description("The HTTP status"))
			.addProperty("detail", typed("string").description("What happened and what to do, in the request's language"))
			.addProperty("instance", typed("string").format("uri-reference").description("The path of the request"))
			.addProperty("code", typed("string").description("A short stable code, e.g. invalid-input, concurrent-change")
				.example("invalid-input"))
			.addProperty("message", new Schema<>().$ref("#/components/schemas/Message"))
			.addProperty("requestId", typed("string")
				.description("The request's id (also in the X-Request-Id header and on the server's log lines): quote it when reporting a problem")
				.example("9f1c2d3e-4b5a-6789-abcd-ef0123456789"))
			.addProperty("errors", typed("array").items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
				.description("For invalid input: one entry per field at fault"))
			.required(List.of("type", "title", "status", "code", "message")));
	}

	/** A schema of one JSON type, written for both OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}). */
	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.setType(type);
		schema.setTypes(new java.util.LinkedHashSet<>(Set.of(type)));
		return schema;
	}

	private static Components components(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		return api.getComponents();
	}

	private static ApiResponses responses(Operation operation) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		return operation.getResponses();
	}
}

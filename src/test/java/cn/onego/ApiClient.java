package cn.onego;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import com.jayway.jsonpath.JsonPath;

/**
 * Real HTTP against the running platform, as a client would call it; never throws on error statuses. Staff
 * authenticate with HTTP Basic; applicants, who have no password of OneGo's, with the access token they got
 * from the identity provider ({@link Citizens}), signed in again when it has expired.
 */
public final class ApiClient {

	/** The applicants' sign-ins by username: their password at the provider and their latest access token. */
	private static final Map<String, String[]> applicants = new java.util.concurrent.ConcurrentHashMap<>();

	/** From now on requests as this applicant carry their access token. */
	static void signedIn(String username, String password, String accessToken) {
		applicants.put(username, new String[] { password, accessToken });
	}

	private final RestClient http;
	private final int port;

	public ApiClient(int port) {
		this.port = port;
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	/** The port of the platform under test. */
	public int port() {
		return port;
	}

	/** Where the platform under test is reached: {@code http://127.0.0.1:<port>}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public Response get(String path) {
		return get(path, null, null);
	}

	public Response get(String path, String user, String password, String... headers) {
		return authenticated(user, () -> http.get().uri(path).headers(h -> {
			credentials(h, user, password);
			for (int i = 0; i + 1 < headers.length; i += 2) {
				h.add(headers[i], headers[i + 1]);
			}
		}).retrieve().toEntity(byte[].class));
	}

	/** Sends a JSON body (any object Jackson can write) with the given method. */
	public Response send(String method, String path, String user, String password, Object body, String... headers) {
		return authenticated(user, () -> {
			var spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).headers(h -> {
				credentials(h, user, password);
				for (int i = 0; i + 1 < headers.length; i += 2) {
					h.add(headers[i], headers[i + 1]);
				}
			});
			if (body != null) {
				spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
			}
			return spec.retrieve().toEntity(byte[].class);
		});
	}

	/** Uploads one file as the multipart part {@code file} with the declared content type. */
	public Response upload(String path, String user, String password, byte[] content, String contentType) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(contentType));
		headers.setContentDispositionFormData("file", "upload");
		parts.add("file", new HttpEntity<>(new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return "upload";
			}
		}, headers));
		return authenticated(user, () -> http.post().uri(path).headers(h -> credentials(h, user, password))
			.contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(byte[].class));
	}

	/** Posts one file as the multipart part {@code part}, named {@code fileName}, with the declared content type. */
	public Response postPart(String path, String user, String password, String part, String fileName, byte[] content,
			String contentType) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(contentType));
		headers.setContentDispositionFormData(part, fileName);
		parts.add(part, new HttpEntity<>(new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		}, headers));
		return authenticated(user, () -> http.post().uri(path).headers(h -> credentials(h, user, password))
			.contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(byte[].class));
	}

	/** Posts files as multipart parts named {@code files}, each with its catalogue path as file name. */
	public Response postFiles(String path, String user, String password, Map<String, String> files,
			Map<String, String> parameters) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		files.forEach((name, content) -> {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.TEXT_PLAIN);
			headers.setContentDispositionFormData("files", name);
			parts.add("files", new HttpEntity<>(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
				@Override
				public String getFilename() {
					return name;
				}
			}, headers));
		});
		parameters.forEach(parts::add);
		return authenticated(user, () -> http.post().uri(path).headers(h -> credentials(h, user, password))
			.contentType(MediaType.MULTIPART_FORM_DATA).body(parts).retrieve().toEntity(byte[].class));
	}

	/** An applicant's access token, a staff member's Basic credentials, or nothing for an anonymous call. */
	private static void credentials(HttpHeaders headers, String user, String password) {
		String[] applicant = user == null ? null : applicants.get(user);
		if (applicant != null) {
			headers.setBearerAuth(applicant[1]);
		}
		else if (user != null) {
			headers.setBasicAuth(user, password);
		}
	}

	/** Sends; an applicant whose token has expired signs in again at the provider and the request is sent once more. */
	private Response authenticated(String user, java.util.function.Supplier<ResponseEntity<byte[]>> exchange) {
		Response response = new Response(exchange.get());
		String[] applicant = user == null ? null : applicants.get(user);
		if (applicant != null && response.status() == 401 && response.body().contains("invalid-token")) {
			applicants.put(user, new String[] { applicant[0], Citizens.signIn(this, user, applicant[0]).accessToken() });
			response = new Response(exchange.get());
		}
		return response;
	}

	public record Response(ResponseEntity<byte[]> entity) {

		public int status() {
			return entity.getStatusCode().value();
		}

		public String body() {
			return entity.getBody() == null ? "" : new String(entity.getBody(), StandardCharsets.UTF_8);
		}

		public String contentType() {
			MediaType type = entity.getHeaders().getContentType();
			return type == null ? "" : type.toString();
		}

		public <T> T json(String path) {
			return JsonPath.read(body(), path);
		}
	}
}

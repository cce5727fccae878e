package cn.onego;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;

/**
 * Citizens with a real-name account at the demo identity provider and a real access token, obtained the way
 * a person and the app obtain them — over plain HTTP, never a browser, never a shortcut into the database:
 * <ol>
 * <li>the person is put into the population registry through the admin registry feed
 * ({@code PUT /api/v1/admin/registries/POPULATION/records/{id}} as {@code admin}), with a fresh fake mobile;</li>
 * <li>registers at {@code /idp/api/registrations}, reading the one-time code from the simulated SMS inbox;</li>
 * <li>signs in through the public client {@code onego-app}'s authorization-code flow with PKCE, and the code
 * is read from the {@code Location} of the final redirect to the loopback callback.</li>
 * </ol>
 * Use {@link Identities#idNumber()} for ID numbers nobody else uses.
 */
public final class Citizens {

	/** The public client of the app, its loopback callback (any port is accepted) and the scopes it asks for. */
	public static final String APP_CLIENT = "onego-app";
	public static final String CALLBACK = "http://127.0.0.1/callback";
	public static final String SCOPES = "openid profile phone onego";

	private static final AtomicLong mobiles = new AtomicLong(System.nanoTime() / 1000 % 50_000_000);
	private static final SecureRandom random = new SecureRandom();
	private static final Pattern CODE = Pattern.compile("(\\d{6})");

	private Citizens() {
	}

	/**
	 * A registered citizen.
	 *
	 * @param username the chosen username (lower case)
	 * @param mobile the mobile number on record, where the codes went
	 * @param password the password in clear
	 * @param accessToken a JWT access token of {@code onego-app} with the scopes {@value #SCOPES}
	 * @param refreshToken null: Spring Authorization Server issues none to a public client
	 * @param idToken the ID token of the same sign-in
	 */
	public record Citizen(String username, String name, String idNumber, String mobile, String password, String accessToken,
			String refreshToken, String idToken) {
	}

	/** The tokens of one sign-in. */
	public record Tokens(String accessToken, String refreshToken, String idToken) {
	}

	/**
	 * Puts the person into the population registry, registers them at the identity provider and signs them in
	 * through {@code onego-app}; fails the test with the server's answer when a step does not work.
	 */
	public static Citizen register(ApiClient api, String name, String idNumber) {
		String mobile = mobile();
		putOnRecord(api, name, idNumber, mobile);
		return registerOnRecord(api, name, idNumber, mobile);
	}

	/**
	 * Registers a person the population registry already holds (the demo citizen 张三, for one) and signs them
	 * in; {@code mobileOnRecord} is where the registry sends the code, read from the simulated inbox.
	 */
	public static Citizen registerOnRecord(ApiClient api, String name, String idNumber, String mobileOnRecord) {
		String mobile = mobileOnRecord;
		String username = "c" + HexFormat.of().formatHex(bytes(6));
		String password = "Pw-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(9));
		registerAtProvider(api, name, idNumber, mobile, username, password);
		Tokens tokens = signIn(api, username, password);
		ApiClient.signedIn(username, password, tokens.accessToken());
		// the app asks who is signed in once it has a token: OneGo opens the verified person's account then
		ApiClient.Response me = api.get("/api/v1/me", username, password);
		if (me.status() != 200) {
			throw new AssertionError("OneGo does not take the token of " + username + ": " + me.body());
		}
		return new Citizen(username, name, idNumber, mobile, password, tokens.accessToken(), tokens.refreshToken(),
				tokens.idToken());
	}

	/**
	 * Registers a person the population registry holds at the identity provider only: OneGo has not seen them
	 * (no applicant account is opened), as with a staff member the provider knows.
	 */
	public static void registerAtProvider(ApiClient api, String name, String idNumber, String mobileOnRecord, String username,
			String password) {
		Session session = new Session(api.baseUrl());
		Answer started = session.postJson("/idp/api/registrations",
				Map.of("name", name, "idNumber", idNumber, "username", username, "password", password));
		started.expect(201, "registration, step 1");
		String code = latestCode(session, mobileOnRecord);
		Answer confirmed = session.postJson("/idp/api/registrations/" + started.json("$.registration") + "/code",
				Map.of("code", code));
		confirmed.expect(201, "registration, step 2");
	}

	/** Signs a person in through the app's flow and makes the API client call as them with that token. */
	public static void signInToApi(ApiClient api, String username, String password) {
		ApiClient.signedIn(username, password, signIn(api, username, password).accessToken());
	}

	/** Whether the identity provider lets the person in with that password at all. */
	public static boolean tryToSignIn(ApiClient api, String username, String password) {
		Session session = new Session(api.baseUrl());
		session.get("/idp/login");
		return session.postForm("/idp/login", Map.of("username", username, "password", password)).status() == 200;
	}

	/** A fresh, clearly fake mainland mobile number (139…), unique in this run. */
	public static String mobile() {
		return String.format("139%08d", mobiles.incrementAndGet() % 100_000_000);
	}

	/** The registry feed: name, ID number and mobile of a person on record, as administrators load them. */
	public static void putOnRecord(ApiClient api, String name, String idNumber, String mobile) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("APPLICANT_NAME", name);
		record.put("APPLICANT_ID_NUMBER", idNumber);
		if (mobile != null) {
			record.put("MOBILE", mobile);
		}
		ApiClient.Response put = api.send("PUT", "/api/v1/admin/registries/POPULATION/records/" + idNumber, "admin",
				"onego-admin", record);
		if (put.status() != 200) {
			throw new AssertionError("registry feed answered " + put.status() + ": " + put.body());
		}
	}

	/** The six digits of the newest message to the mobile in the simulated SMS inbox. */
	public static String latestCode(Session session, String mobile) {
		Answer inbox = session.get("/idp/api/demo/sms?mobile=" + mobile);
		inbox.expect(200, "simulated SMS inbox");
		List<String> texts = inbox.json("$.messages[*].text");
		if (texts.isEmpty()) {
			throw new AssertionError("no text message to " + mobile + ": " + inbox.body());
		}
		Matcher code = CODE.matcher(texts.get(0));
		if (!code.find()) {
			throw new AssertionError("no code in the message to " + mobile + ": " + texts.get(0));
		}
		return code.group(1);
	}

	/** Signs in through {@code onego-app}'s authorization-code flow with PKCE and exchanges the code for tokens. */
	public static Tokens signIn(ApiClient api, String username, String password) {
		Session session = new Session(api.baseUrl());
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
		String state = HexFormat.of().formatHex(bytes(8));
		String callback = authorize(session, verifier, state, username, password);
		Map<String, String> parameters = query(URI.create(callback));
		if (!state.equals(parameters.get("state")) || parameters.get("code") == null) {
			throw new AssertionError("the callback carries no code for our state: " + callback);
		}
		Answer token = session.postForm("/idp/oauth2/token", Map.of("grant_type", "authorization_code", "code",
				parameters.get("code"), "redirect_uri", CALLBACK, "client_id", APP_CLIENT, "code_verifier", verifier));
		token.expect(200, "token request");
		Map<String, Object> body = token.json("$");
		return new Tokens((String) body.get("access_token"), (String) body.get("refresh_token"), (String) body.get("id_token"));
	}

	/**
	 * Drives the authorization request to its final redirect and returns that redirect's {@code Location} (the
	 * loopback callback with {@code code} and {@code state}).
	 */
	public static String authorize(Session session, String verifier, String state, String username, String password) {
		String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
		String authorize = "/idp/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", APP_CLIENT, "scope",
				SCOPES, "redirect_uri", CALLBACK, "state", state, "nonce", HexFormat.of().formatHex(bytes(8)),
				"code_challenge", challenge, "code_challenge_method", "S256"));
		Answer toLogin = session.get(authorize);
		toLogin.expect(302, "authorization request without a sign-in");
		session.get(toLogin.location()).expect(200, "sign-in page");
		Answer signedIn = session.postForm("/idp/login", Map.of("username", username, "password", password));
		signedIn.expect(200, "sign-in");
		Answer toClient = session.get(signedIn.json("$.redirect"));
		toClient.expect(302, "authorization request after the sign-in");
		return toClient.location();
	}

	private static Map<String, String> query(URI uri) {
		if (uri.getRawQuery() == null) {
			return Map.of();
		}
		return java.util.Arrays.stream(uri.getRawQuery().split("&"))
			.map(pair -> pair.split("=", 2))
			.collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
					p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> a));
	}

	private static String form(Map<String, String> values) {
		return values.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static byte[] bytes(int n) {
		byte[] bytes = new byte[n];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * One visitor of the identity provider: plain HTTP with its own cookies (session, XSRF-TOKEN), redirects not
	 * followed, the CSRF token echoed in {@code X-XSRF-TOKEN} on every POST as the pages' script does.
	 */
	public static final class Session {

		private final String base;
		private final CookieManager cookies = new CookieManager();
		private final HttpClient http;

		public Session(String base) {
			this.base = base;
			this.http = HttpClient.newBuilder()
				.cookieHandler(cookies)
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(10))
				.build();
		}

		public Answer get(String pathOrUrl, String... headers) {
			return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET(), headers);
		}

		public Answer postJson(String path, Object body, String... headers) {
			String json = body instanceof String s ? s : tools.jackson.databind.json.JsonMapper.shared().writeValueAsString(body);
			return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", xsrf()).POST(HttpRequest.BodyPublishers.ofString(json)), headers);
		}

		public Answer postForm(String path, Map<String, String> values, String... headers) {
			return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-XSRF-TOKEN", xsrf()).POST(HttpRequest.BodyPublishers.ofString(form(values))), headers);
		}

		/** The CSRF token of this visitor, fetched with a first page when there is none yet. */
		public String xsrf() {
			String token = cookie("XSRF-TOKEN");
			if (token == null) {
				get("/idp/login");
				token = cookie("XSRF-TOKEN");
			}
			return token == null ? "" : token;
		}

		public String cookie(String name) {
			return cookies.getCookieStore().get(URI.create(base)).stream()
				.filter(c -> c.getName().equals(name))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

		private URI uri(String pathOrUrl) {
			return URI.create(base).resolve(pathOrUrl);
		}

		private Answer send(HttpRequest.Builder request, String... headers) {
			for (int i = 0; i + 1 < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			try {
				HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
				return new Answer(built.uri(), http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	/** An answer of the provider. */
	public record Answer(URI uri, HttpResponse<String> response) {

		public int status() {
			return response.statusCode();
		}

		public String body() {
			return response.body();
		}

		public String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		/** The redirect's target, absolute. */
		public String location() {
			String location = header("Location");
			return location == null ? null : uri.resolve(location).toString();
		}

		public <T> T json(String path) {
			return JsonPath.read(body(), path);
		}

		Answer expect(int status, String what) {
			if (status() != status) {
				throw new AssertionError(what + ": expected " + status + " but got " + status() + " " + uri + "\n"
						+ response.headers().map() + "\n" + body());
			}
			return this;
		}
	}
}

package cn.onego.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.onego.bench.SideBySide.Latencies;
import cn.onego.shared.IdNumber;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * OneGo end to end: the runnable jar in its own JVM (-Xmx512m), one or more nodes on the same PostgreSQL,
 * driven over HTTP by virtual users as the pages drive it: each person registers at the demo identity provider
 * and signs in once through the app's OpenID Connect flow (an access token), each staff member once by form
 * login (session cookie, CSRF token); then the person submits, is accepted at the window, approved by six reviewers and issued.
 * A virtual user sticks to one node, as behind a load balancer with sticky sessions.
 */
final class OneGoOverHttp implements SideBySide.Contestant {

	/** The runnable jar under test: the project's, or another build's for an A/B run ({@code -Dbench.jar=…}). */
	static final Path JAR = Path.of(System.getProperty("bench.jar", "../target/onego-0.1.0.jar"));
	private static final String REGION = "430102";
	private static final String PASSWORD = "bench-pass-123";
	private static final ObjectMapper JSON = new ObjectMapper();

	final List<Node> nodes = new ArrayList<>();
	private final AtomicInteger users = new AtomicInteger();
	private final AtomicLong cases = new AtomicLong();
	private final Map<String, Session> staff = new ConcurrentHashMap<>();
	// signed-in users kept between cases and between runs: a sign-in costs a BCrypt check, as it should,
	// but once per session, not once per measured case
	private final java.util.concurrent.ConcurrentLinkedQueue<VirtualUser> idle = new java.util.concurrent.ConcurrentLinkedQueue<>();
	private final String runId = Long.toString(System.currentTimeMillis() % 100000, 36);
	private volatile boolean closed;

	/** One running jar. */
	static final class Node implements AutoCloseable {

		final String base;
		final AtomicLong peakHeapKb = new AtomicLong();

		final List<String> command;
		final Path log;
		Process process;

		Node(EmbeddedPostgres pg, String db, int port, Path log, String... extraArguments) throws IOException {
			base = "http://127.0.0.1:" + port;
			this.log = log;
			command = new ArrayList<>(List.of("java", "-Xmx512m"));
			// e.g. -Dbench.node.jvm=-XX:StartFlightRecording=filename=target/node.jfr for a profile of the node
			String jvm = System.getProperty("bench.node.jvm", "").trim();
			if (!jvm.isEmpty()) {
				command.addAll(List.of(jvm.split("\\s+")));
			}
			command.addAll(List.of("-jar", JAR.toString(), "--server.port=" + port,
					"--onego.db.url=" + pg.getJdbcUrl("postgres", db), "--onego.db.user=postgres", "--onego.db.password=",
					// the keys of personal data outside the database, one file per database (nodes of one share it)
					"--onego.crypto.key-file=" + java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "onego-bench-" + db + "-keys.properties"),
					"--onego.db.max-pool-size=40", "--onego.demo-data.enabled=false", "--onego.catalog.refresh-interval=1s",
					// the bench's few applicants submit a case every second or so each, where a citizen submits a few a day
					"--onego.rate-limits.submissions-per-account.capacity=100000",
					"--onego.rate-limits.submissions-per-account.period=10m",
					"--onego.rate-limits.submissions-per-address.capacity=1000000",
					"--onego.rate-limits.submissions-per-address.period=10m",
					"--logging.level.root=WARN", "--logging.level.cn.onego=INFO", "--spring.main.banner-mode=off"));
			command.addAll(List.of(extraArguments));
			start();
		}

		void start() throws IOException {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}

		/** Kills the JVM at once (kill -9), as a crash would, leaving whatever it had not finished. */
		void crash() throws InterruptedException {
			process.destroyForcibly();
			process.waitFor();
		}

		void awaitHealthy(HttpClient http) throws Exception {
			long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
			while (System.nanoTime() < deadline) {
				try {
					HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
							BodyHandlers.ofString());
					if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
						return;
					}
				}
				catch (IOException notYet) {
					// still starting
				}
				if (!process.isAlive()) {
					throw new IllegalStateException("node on " + base + " exited with " + process.exitValue());
				}
				Thread.sleep(250);
			}
			throw new IllegalStateException("node on " + base + " not healthy after 300 s");
		}

		/** The used heap right now, from the JVM itself (jcmd GC.heap_info), kept as the peak of the samples. */
		void sampleHeap() {
			try {
				Process jcmd = new ProcessBuilder("jcmd", Long.toString(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
				String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				jcmd.waitFor();
				var matcher = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(out);
				if (matcher.find()) {
					peakHeapKb.accumulateAndGet(Long.parseLong(matcher.group(2)), Math::max);
				}
			}
			catch (IOException | InterruptedException e) {
				// a missed sample is no figure; the peak stays what it was
			}
		}

		@Override
		public void close() {
			process.destroy();
			try {
				if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException e) {
				process.destroyForcibly();
			}
		}
	}

	/** A signed-in browser-like client: its cookies and CSRF token. */
	static final class Session {

		final String base;
		final HttpClient http;
		final CookieManager cookies = new CookieManager();
		String token;
		/** An applicant's access token from the identity provider (applicants sign in there only, V32); null for staff. */
		volatile String bearer;

		Session(String base) {
			this.base = base;
			this.http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1).build();
		}

		Session signIn(String username, String password) throws Exception {
			raw("GET", "/login.html", null); // the sign-in page: the session's CSRF token, in the XSRF-TOKEN cookie
			token = token();
			send("POST", "/login", "username=" + username + "&password=" + password, 200);
			token = token();
			return this;
		}

		private String token() {
			return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
				.map(HttpCookie::getValue).orElse(null);
		}

		JsonNode send(String method, String path, Object body, int expected, String... headers) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("X-Requested-With", "bench")
				.timeout(Duration.ofSeconds(60));
			for (int i = 0; i + 1 < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			if (token != null) {
				request.header("X-XSRF-TOKEN", token);
			}
			if (bearer != null) {
				request.header("Authorization", "Bearer " + bearer);
			}
			if (body == null) {
				request.method(method, BodyPublishers.noBody());
			}
			else if (body instanceof String form) {
				request.header("Content-Type", "application/x-www-form-urlencoded").method(method, BodyPublishers.ofString(form));
			}
			else {
				request.header("Content-Type", "application/json").method(method, BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
			}
			HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + ": " + response.body());
			}
			return response.body().isEmpty() ? null : JSON.readTree(response.body());
		}

		/** A request whose answer is returned as it is (redirects are not followed): the identity provider's flow. */
		HttpResponse<String> raw(String method, String pathOrUrl, String form) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base).resolve(pathOrUrl)).timeout(Duration.ofSeconds(60));
			if (token != null) {
				request.header("X-XSRF-TOKEN", token);
			}
			request.method(method, form == null ? BodyPublishers.noBody() : BodyPublishers.ofString(form));
			return http.send(request.build(), BodyHandlers.ofString());
		}

		/** GET that may answer 404 while something is on its way; null then. */
		JsonNode getIfFound(String path) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("X-Requested-With", "bench");
			if (bearer != null) {
				request.header("Authorization", "Bearer " + bearer);
			}
			HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
			return response.statusCode() == 404 ? null : JSON.readTree(response.body());
		}
	}

	/** What one virtual user signs in as, on its node. */
	record VirtualUser(Node node, Session applicant, String idNumber, String name, Session clerk) {
	}

	OneGoOverHttp(EmbeddedPostgres pg, String db, int nodeCount, int firstPort, String... nodeArguments) throws Exception {
		if (!Files.isRegularFile(JAR)) {
			throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run ./mvnw -q install -DskipTests at the root first");
		}
		Files.createDirectories(Path.of("target"));
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < nodeCount; i++) {
			nodes.add(new Node(pg, db, firstPort + i, Path.of("target", db + "-node-" + (i + 1) + ".log"), nodeArguments));
			// one at a time: both would otherwise race to migrate the same empty database
			nodes.get(i).awaitHealthy(http);
		}
		importBenchCatalogue(http);
		sampleHeaps();
	}

	private void importBenchCatalogue(HttpClient http) throws Exception {
		String boundary = "bench" + UUID.randomUUID();
		StringBuilder body = new StringBuilder();
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
		String base = resolver.getResource("classpath:bench-catalog/").getURL().toString();
		for (Resource r : resolver.getResources("classpath:bench-catalog/**/*.yaml")) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
				.append(r.getURL().toString().substring(base.length()))
				.append("\"\r\nContent-Type: application/yaml\r\n\r\n")
				.append(r.getContentAsString(StandardCharsets.UTF_8))
				.append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(nodes.get(0).base + "/api/v1/admin/catalog/imports"))
			.header("Authorization", basic("admin", "onego-admin"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
			.build(), BodyHandlers.ofString());
		if (imported.statusCode() / 100 != 2) {
			throw new IllegalStateException("bench catalogue import: " + imported.statusCode() + " " + imported.body());
		}
		for (Node node : nodes) { // the other nodes pick the new version up within their refresh interval
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (http.send(HttpRequest.newBuilder(URI.create(node.base + "/api/v1/matters/BENCH-SIX")).build(), BodyHandlers.discarding())
				.statusCode() != 200) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(node.base + " does not know BENCH-SIX");
				}
				Thread.sleep(200);
			}
		}
	}

	static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	/** A staff account created by the admin (HTTP Basic: once per account), signed in on the node. */
	private Session staffSession(Node node, String key, Map<String, Object> scope) throws Exception {
		// at most 32 characters: the run, a short hash of the role and scope, the node
		String username = "b" + runId + "-" + Integer.toHexString(key.hashCode()) + "-" + nodes.indexOf(node);
		return staff.computeIfAbsent(username, u -> {
			try {
				Map<String, Object> body = new LinkedHashMap<>(scope);
				body.put("username", u);
				body.put("password", PASSWORD);
				body.put("name", "基准测试人员");
				HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.base + "/api/v1/admin/staff"))
					.header("Authorization", basic("admin", "onego-admin"))
					.header("Content-Type", "application/json")
					.POST(BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
					.build(), BodyHandlers.ofString());
				if (created.statusCode() != 201) {
					throw new IllegalStateException("staff " + u + ": " + created.body());
				}
				return new Session(node.base).signIn(u, PASSWORD);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}

	/** Registers and signs in a new person on the next node (round robin), with the window clerk of that node. */
	private VirtualUser newUser() throws Exception {
		int n = users.incrementAndGet();
		Node node = nodes.get(n % nodes.size());
		String body = REGION + (1960 + n % 40) + String.format("%02d%02d", 1 + n % 12, 1 + n % 28) + String.format("%03d",
				(Integer.parseInt(runId, 36) + n) % 1000);
		String id = body + IdNumber.checkCharacter(body);
		String username = "bench-" + runId + "-vu" + n;
		String name = "虚拟用户" + n;
		Session applicant = applicantSession(node, username, name, id, n);
		Session clerk = staffSession(node, "clerk", Map.of("roles", List.of("WINDOW_CLERK"), "region", REGION, "hall", REGION + "-HALL"));
		return new VirtualUser(node, applicant, id, name, clerk);
	}

	/**
	 * A citizen as the app signs one in (V32: applicants sign in at an OpenID Connect provider only): put on record in
	 * the population registry by the admin's feed, registered at the demo identity provider with the code of the
	 * simulated SMS, signed in through the public client {@code onego-app}'s authorization-code flow with PKCE; the
	 * API is then called with the access token (10 minutes, longer than a side-by-side run of the HTTP contestant),
	 * and {@code GET /api/v1/me} opens the applicant's account, as the app does after its sign-in.
	 */
	private Session applicantSession(Node node, String username, String name, String id, int n) throws Exception {
		String mobile = String.format("139%08d", (Integer.parseInt(runId, 36) * 1000L + n) % 100_000_000);
		Map<String, Object> record = Map.of("APPLICANT_NAME", name, "APPLICANT_ID_NUMBER", id, "MOBILE", mobile);
		HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.base
				+ "/api/v1/admin/registries/POPULATION/records/" + id))
			.header("Authorization", basic("admin", "onego-admin"))
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofByteArray(JSON.writeValueAsBytes(record)))
			.build(), BodyHandlers.ofString());
		if (put.statusCode() != 200) {
			throw new IllegalStateException("registry record of " + id + ": " + put.statusCode() + " " + put.body());
		}
		Session idp = new Session(node.base);
		idp.raw("GET", "/idp/login", null);
		idp.token = idp.token();
		JsonNode started = idp.send("POST", "/idp/api/registrations", Map.of("name", name, "idNumber", id, "username", username,
				"password", PASSWORD), 201);
		JsonNode inbox = idp.send("GET", "/idp/api/demo/sms?mobile=" + mobile, null, 200);
		var code = java.util.regex.Pattern.compile("(\\d{6})").matcher(inbox.path("messages").path(0).path("text").asText());
		if (!code.find()) {
			throw new IllegalStateException("no code in the simulated SMS to " + mobile + ": " + inbox);
		}
		idp.send("POST", "/idp/api/registrations/" + started.path("registration").asText() + "/code", Map.of("code", code.group(1)), 201);
		// the authorization-code flow with PKCE of the public client, the code read from the loopback callback
		String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.US_ASCII));
		String challenge = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		String state = Integer.toHexString(n);
		String callback = "http://127.0.0.1/callback";
		String authorize = "/idp/oauth2/authorize?response_type=code&client_id=onego-app&scope=openid%20profile%20phone%20onego"
				+ "&redirect_uri=" + java.net.URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&state=" + state + "&nonce=n" + state
				+ "&code_challenge=" + challenge + "&code_challenge_method=S256";
		HttpResponse<String> toLogin = idp.raw("GET", authorize, null);
		idp.raw("GET", URI.create(node.base + authorize).resolve(toLogin.headers().firstValue("Location").orElseThrow()).toString(), null);
		idp.token = idp.token();
		JsonNode signedIn = idp.send("POST", "/idp/login", "username=" + username + "&password=" + PASSWORD, 200);
		HttpResponse<String> toClient = idp.raw("GET", signedIn.path("redirect").asText(), null);
		String location = toClient.headers().firstValue("Location").orElseThrow(
				() -> new IllegalStateException("no redirect to the client after the sign-in of " + username + ": " + toClient.statusCode()));
		String authorizationCode = java.util.Arrays.stream(URI.create(location).getRawQuery().split("&"))
			.filter(p -> p.startsWith("code="))
			.map(p -> java.net.URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no code in " + location));
		JsonNode tokens = idp.send("POST", "/idp/oauth2/token", "grant_type=authorization_code&code="
				+ java.net.URLEncoder.encode(authorizationCode, StandardCharsets.UTF_8) + "&redirect_uri="
				+ java.net.URLEncoder.encode(callback, StandardCharsets.UTF_8) + "&client_id=onego-app&code_verifier=" + verifier, 200);
		Session applicant = new Session(node.base);
		applicant.bearer = tokens.path("access_token").asText();
		applicant.send("GET", "/api/v1/me", null, 200);
		return applicant;
	}

	/** Signs in as many users as the largest run has workers, before anything is measured. */
	void prepare(int count) throws Exception {
		while (idle.size() < count) {
			idle.add(newUser());
		}
	}

	/** A user signed in on the node (new ones are made until one lands there). */
	VirtualUser userOn(Node node) throws Exception {
		for (int i = 0; i <= nodes.size(); i++) {
			VirtualUser vu = newUser();
			if (vu.node() == node) {
				return vu;
			}
			idle.add(vu);
		}
		throw new IllegalStateException("no user lands on " + node.base);
	}

	/** How many cases were run through the node, all runs. */
	long cases() {
		return cases.get();
	}

	@Override
	public void runCase(Latencies l) throws Exception {
		cases.incrementAndGet();
		VirtualUser vu = idle.poll();
		if (vu == null) {
			vu = newUser();
		}
		try {
			runCase(vu, l);
		}
		finally {
			idle.add(vu);
		}
	}

	private void runCase(VirtualUser vu, Latencies l) throws Exception {
		String caseId = submitAndAccept(vu, l);
		JsonNode view = l.time("GET case", () -> vu.clerk().send("GET", "/api/v1/cases/" + caseId, null, 200));
		for (JsonNode entry : view.path("tasks")) {
			JsonNode task = entry.path("task");
			String department = task.path("department").asText();
			Session reviewer = staffSession(vu.node(), department, Map.of("roles", List.of("REVIEWER"), "region", REGION,
					"department", department));
			String taskId = task.path("id").asText();
			JsonNode claimed = l.time("POST claim", () -> reviewer.send("POST", "/api/v1/tasks/" + taskId + "/claim",
					Map.of("version", task.path("version").asInt()), 200));
			l.time("POST approval", () -> reviewer.send("POST", "/api/v1/tasks/" + taskId + "/approval",
					Map.of("version", claimed.path("version").asInt(), "notice", "准予"), 200));
		}
		JsonNode ready = l.time("GET case", () -> vu.clerk().send("GET", "/api/v1/cases/" + caseId, null, 200));
		l.time("POST issue", () -> vu.clerk().send("POST", "/api/v1/cases/" + caseId + "/issue",
				Map.of("version", ready.path("caseFile").path("version").asInt()), 200));
	}

	/** Submits as the virtual user, waits for the case, accepts it at the window; returns the case id. */
	String submitAndAccept(VirtualUser vu, Latencies l) throws Exception {
		String applicationId = submit(vu, l);
		JsonNode opened = awaitCase(vu, applicationId, l);
		String caseId = opened.path("caseFile").path("id").asText();
		int version = opened.path("caseFile").path("version").asInt();
		l.time("POST acceptance", () -> vu.clerk().send("POST", "/api/v1/cases/" + caseId + "/acceptance", Map.of("version", version), 200));
		return caseId;
	}

	String submit(VirtualUser vu, Latencies l) throws Exception {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("matter", "BENCH-SIX");
		input.put("region", REGION);
		input.put("applicant", Map.of("kind", "PERSON", "id", vu.idNumber(), "name", vu.name()));
		input.put("answers", Map.of());
		input.put("form", Map.of("APPLICANT_NAME", vu.name(), "APPLICANT_ID_NUMBER", vu.idNumber(), "CONTACT_MOBILE", "13800138000"));
		input.put("delivery", Map.of("method", "WINDOW_PICKUP"));
		JsonNode application = l.time("POST application", () -> vu.applicant().send("POST", "/api/v1/applications", input, 201,
				"Idempotency-Key", UUID.randomUUID().toString()));
		return application.path("id").asText();
	}

	JsonNode awaitCase(VirtualUser vu, String applicationId, Latencies l) throws Exception {
		for (int i = 0; i < 3000; i++) { // the case is opened from the outbox, moments after the submission
			if (i > 0) {
				Thread.sleep(Math.min(50, 2 * i));
			}
			JsonNode opened = l.time("GET case by application", () -> vu.applicant().getIfFound("/api/v1/cases?application=" + applicationId));
			if (opened != null) {
				return opened;
			}
		}
		throw new IllegalStateException("no case for application " + applicationId);
	}

	/** The peak used heap of the nodes' JVMs since the last call (sampled every second), in MB. */
	@Override
	public long heapMb() {
		return nodes.stream().mapToLong(n -> n.peakHeapKb.getAndSet(0)).max().orElse(0) / 1024;
	}

	private void sampleHeaps() {
		Thread sampler = new Thread(() -> {
			while (!closed) {
				nodes.forEach(Node::sampleHeap);
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "heap-sampler");
		sampler.setDaemon(true);
		sampler.start();
	}

	@Override
	public void close() {
		closed = true;
		nodes.forEach(Node::close);
	}
}

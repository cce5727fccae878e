package cn.onego.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.onego.ApiClient;
import cn.onego.Citizens;
import cn.onego.Identities;
import cn.onego.OneGo;
import cn.onego.cases.CaseWorld;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL killed ({@code kill -9} of its postmaster) under a running OneGo that is being called:
 * readiness turns DOWN at once while liveness stays UP; every request meanwhile — a staff member with the right
 * password, an applicant with a valid token, a registration at the identity provider, a write — is answered
 * 200 or a quick 503 problem+json with {@code Retry-After}, never a hang, a 401 or a 500; OneGo restarts the
 * server itself on the same directory and port; readiness comes back UP, and every write that was acknowledged
 * before, during or after is there.
 */
class DatabaseOutageIT {

	@TempDir
	Path dataDir;

	record Call(String kind, long startedAtMillis, long millis, int status, String contentType, String body) {
	}

	@Test
	void answersQuicklyWith503WhileTheEmbeddedServerIsRestartedAndLosesNoAcknowledgedWrite() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OneGo.class)
			.run("--server.port=0", "--onego.db.data-dir=" + dataDir)) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			ApiClient api = new ApiClient(port);
			String base = api.baseUrl();
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

			// before: an applicant with a case, a staff member, a visitor of the identity provider
			CaseWorld world = new CaseWorld(api);
			String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
			Citizens.Session visitor = new Citizens.Session(base);
			String xsrf = visitor.xsrf();
			String admin = "Basic " + Base64.getEncoder().encodeToString("admin:onego-admin".getBytes(StandardCharsets.UTF_8));
			assertThat(status(http, base + "/actuator/health/readiness")).isEqualTo(200);
			long oldPostmaster = postmasterPid();
			int databasePort = databasePort();

			List<Call> calls = Collections.synchronizedList(new ArrayList<>());
			List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
			List<String> refusedWrites = Collections.synchronizedList(new ArrayList<>());
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
			ExecutorService load = Executors.newFixedThreadPool(5);
			load.submit(() -> loop(running, () -> calls.add(call(http, "staff", killedAt, HttpRequest.newBuilder(
					URI.create(base + "/api/v1/admin/staff")).header("Authorization", admin).GET()))));
			load.submit(() -> loop(running, () -> calls.add(call(http, "applicant", killedAt, HttpRequest.newBuilder(
					URI.create(base + "/api/v1/my/cases")).header("Authorization", "Bearer " + world.citizen.accessToken()).GET()))));
			load.submit(() -> loop(running, () -> calls.add(call(http, "registration", killedAt, HttpRequest.newBuilder(
					URI.create(base + "/idp/api/registrations")).header("Content-Type", "application/json")
				.header("X-XSRF-TOKEN", xsrf).header("Cookie", "JSESSIONID=" + visitor.cookie("JSESSIONID") + "; XSRF-TOKEN=" + xsrf)
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"郭靖\",\"idNumber\":\"" + Identities.idNumber()
						+ "\",\"username\":\"u" + System.nanoTime() + "\",\"password\":\"Pw-unknown-1x\"}"))))));
			load.submit(() -> loop(running, () -> {
				String subject = Identities.idNumber();
				Call call = call(http, "write", killedAt, HttpRequest.newBuilder(
						URI.create(base + "/api/v1/admin/registries/POPULATION/records/" + subject)).header("Authorization", admin)
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"APPLICANT_NAME\":\"停电测试\",\"APPLICANT_ID_NUMBER\":\"" + subject + "\"}")));
				calls.add(call);
				(call.status() == 200 ? acknowledged : refusedWrites).add(subject);
			}));
			List<Call> readiness = Collections.synchronizedList(new ArrayList<>());
			List<Call> liveness = Collections.synchronizedList(new ArrayList<>());
			load.submit(() -> loop(running, () -> {
				readiness.add(call(http, "readiness", killedAt, HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET()));
				liveness.add(call(http, "liveness", killedAt, HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).GET()));
			}));
			Thread.sleep(3_000);

			killedAt.set(System.currentTimeMillis());
			ProcessHandle.of(oldPostmaster).orElseThrow().destroyForcibly();
			long deadline = System.currentTimeMillis() + 60_000;
			while (System.currentTimeMillis() < deadline && !backUp(readiness)) {
				Thread.sleep(20);
			}
			Thread.sleep(3_000);
			running.set(false);
			load.shutdown();
			assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

			long down = readiness.stream().filter(c -> c.startedAtMillis() >= 0 && c.status() == 503)
				.mapToLong(c -> c.startedAtMillis() + c.millis()).min().orElseThrow(() -> new AssertionError("readiness never went DOWN"));
			long up = readiness.stream().filter(c -> c.startedAtMillis() > down && c.status() == 200)
				.mapToLong(c -> c.startedAtMillis() + c.millis()).min().orElseThrow(() -> new AssertionError("readiness never came back"));
			List<Call> duringOutage = calls.stream().filter(c -> c.startedAtMillis() >= 0 && c.startedAtMillis() < up).toList();
			List<Call> refused = duringOutage.stream().filter(c -> c.status() == 503).toList();
			long slowest503 = refused.stream().mapToLong(Call::millis).max().orElse(-1);
			long[] fast = refused.stream().filter(c -> c.startedAtMillis() > down).mapToLong(Call::millis).sorted().toArray();
			System.out.printf("DatabaseOutageIT: readiness DOWN %d ms after the kill, UP again after %d ms; %d calls during the "
					+ "outage, %d answered 503 (median %d ms, slowest %d ms, slowest after readiness went DOWN %d ms)%n", down, up,
					duringOutage.size(), refused.size(), fast.length == 0 ? -1 : fast[fast.length / 2], slowest503,
					fast.length == 0 ? -1 : fast[fast.length - 1]);

			assertThat(down).as("readiness turns DOWN at once").isLessThan(2_000);
			assertThat(liveness).as("the process itself is fine: liveness stays UP").allSatisfy(c -> assertThat(c.status()).isEqualTo(200));
			assertThat(refused).as("requests during the outage are refused as such").isNotEmpty();
			assertThat(calls).allSatisfy(c -> {
				assertThat(c.status()).as(c.kind() + " " + c.body()).isNotIn(401, 500, 502, 504, -1);
				if (c.status() == 503) {
					assertThat(c.contentType()).startsWith("application/problem+json");
					assertThat(c.body()).contains("\"code\":\"database-unavailable\"");
				}
			});
			// every call around the outage, in the message: a kind without a refusal had a call held through the outage
			// (waiting in the pool for a connection, fixed 2026-12-07: ConnectionPool lets such calls go)
			String callsAround = calls.stream()
				.filter(c -> c.startedAtMillis() < up + 500)
				.filter(c -> c.startedAtMillis() >= 0 || c.millis() > 500)
				.map(c -> c.kind() + " " + c.startedAtMillis() + "+" + c.millis() + "ms:" + c.status())
				.toList()
				.toString();
			assertThat(refused).extracting(Call::kind)
				.as("a correct password and a valid token are not refused as wrong (outage %d–%d ms; calls %s)", down, up, callsAround)
				.contains("staff", "applicant", "registration", "write");
			assertThat(slowest503).as("no request waits for the pool's old 30 s").isLessThan(7_000);
			assertThat(fast.length == 0 ? 0 : fast[fast.length - 1]).as("once the outage is known, a refusal takes no time")
				.isLessThan(1_000);

			// restarted by OneGo itself, on the same port, and the platform works again
			long newPostmaster = postmasterPid();
			assertThat(newPostmaster).isNotEqualTo(oldPostmaster);
			assertThat(ProcessHandle.of(newPostmaster).map(ProcessHandle::isAlive)).contains(true);
			assertThat(databasePort()).isEqualTo(databasePort);
			ApiClient.Response health = api.get("/actuator/health", "admin", "onego-admin");
			assertThat((String) health.json("$.status")).as(health.body()).isEqualTo("UP");
			assertThat((Integer) health.json("$.components.db.details.restarts")).isEqualTo(1);
			assertThat(calls.stream().filter(c -> c.startedAtMillis() > up)).as("after the recovery every call succeeds")
				.allSatisfy(c -> assertThat(c.status()).as(c.kind() + " " + c.body()).isIn(200, 201, 400, 429));
			assertThat(world.caseState(caseId)).isEqualTo("AWAITING_ACCEPTANCE");

			// every write acknowledged before, during and after the outage is there (a refused one may or may not be:
			// its commit can have reached the disk just before the answer was lost, which is why clients retry)
			assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(3);
			try (Connection owner = owner()) {
				assertThat(count(owner, context, acknowledged)).isEqualTo(acknowledged.size());
			}
		}
	}

	@Test
	void answersQuicklyWith503WhileAnExternalServerIsAwayLeavesItsRestartToTheOperatorAndRecovers() throws Exception {
		Path external = dataDir.resolve("external");
		int databasePort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			databasePort = socket.getLocalPort();
		}
		EmbeddedPostgres server = externalServer(external, databasePort);
		Path unused = dataDir.resolve("unused");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OneGo.class).run("--server.port=0",
				"--onego.db.url=" + server.getJdbcUrl("postgres", "postgres"), "--onego.db.user=postgres", "--onego.db.password=",
				"--onego.db.data-dir=" + unused, "--onego.crypto.key-file=" + dataDir.resolve("onego-data-keys.properties"))) {
			int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			String base = "http://127.0.0.1:" + port;
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			String admin = "Basic " + Base64.getEncoder().encodeToString("admin:onego-admin".getBytes(StandardCharsets.UTF_8));
			AtomicLong never = new AtomicLong(Long.MAX_VALUE);
			String before = Identities.idNumber();
			assertThat(call(http, "write", never, write(base, admin, before)).status()).isEqualTo(200);

			long postmaster = Long.parseLong(Files.readAllLines(external.resolve("postmaster.pid")).get(0).trim());
			ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
			long killed = System.currentTimeMillis();
			Call readiness = call(http, "readiness", never, HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET());
			while (readiness.status() != 503 && System.currentTimeMillis() - killed < 5_000) {
				Thread.sleep(20);
				readiness = call(http, "readiness", never, HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET());
			}
			assertThat(System.currentTimeMillis() - killed).as("readiness turns DOWN at once").isLessThan(2_000);
			assertThat(call(http, "liveness", never, HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness")).GET())
				.status()).isEqualTo(200);
			for (Call refused : List.of(call(http, "write", never, write(base, admin, Identities.idNumber())),
					call(http, "staff", never, HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/staff")).header("Authorization", admin)
						.GET()))) {
				assertThat(refused.status()).as(refused.body()).isEqualTo(503);
				assertThat(refused.contentType()).startsWith("application/problem+json");
				assertThat(refused.body()).contains("\"code\":\"database-unavailable\"").contains("数据库暂时无法访问");
				assertThat(refused.millis()).as("refused at once").isLessThan(1_000);
			}
			HttpResponse<String> english = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/staff"))
				.header("Authorization", admin).header("Accept-Language", "en").GET().build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			assertThat(english.statusCode()).isEqualTo(503);
			assertThat(english.headers().firstValue("Retry-After")).contains(String.valueOf(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
			assertThat(english.body()).contains("The database cannot be reached");

			// an external server is the operator's: OneGo starts none, and waits
			Thread.sleep(2_000);
			assertThat(Files.exists(unused.resolve("postgres"))).isFalse();
			assertThat(alivePostmaster(external)).as("OneGo does not start an external server").isFalse();
			assertThat(call(http, "readiness", never, HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET())
				.status()).isEqualTo(503);

			// the operator brings it back on its address: OneGo is ready again and nothing acknowledged is lost
			try {
				server.close();
			}
			catch (IOException | RuntimeException alreadyDead) {
				// its postmaster was killed: only zonky's lock on the directory is released here
			}
			server = externalServer(external, databasePort);
			long restarted = System.currentTimeMillis();
			while (call(http, "readiness", never, HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET())
				.status() != 200 && System.currentTimeMillis() - restarted < 30_000) {
				Thread.sleep(50);
			}
			assertThat(call(http, "readiness", never, HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET())
				.status()).isEqualTo(200);
			String after = Identities.idNumber();
			Call written = call(http, "write", never, write(base, admin, after));
			assertThat(written.status()).as(written.body()).isEqualTo(200);
			try (Connection sql = server.getPostgresDatabase().getConnection()) {
				assertThat(count(sql, context, List.of(before, after))).isEqualTo(2);
			}
		}
		finally {
			server.close();
		}
	}

	private static HttpRequest.Builder write(String base, String admin, String subject) {
		return HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/registries/POPULATION/records/" + subject))
			.header("Authorization", admin)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"APPLICANT_NAME\":\"停电测试\",\"APPLICANT_ID_NUMBER\":\"" + subject + "\"}"));
	}

	/** A PostgreSQL of somebody else's, durable, on a fixed port so that it comes back where it was. */
	private static EmbeddedPostgres externalServer(Path directory, int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPort(port)
			.setLocaleConfig("locale", "C.UTF-8")
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start();
	}

	private static boolean alivePostmaster(Path directory) throws IOException {
		Path pid = directory.resolve("postmaster.pid");
		return Files.exists(pid) && ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()))
			.map(ProcessHandle::isAlive)
			.orElse(false);
	}

	private interface Step {
		void run() throws Exception;
	}

	private static void loop(AtomicBoolean running, Step step) {
		while (running.get()) {
			try {
				step.run();
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				return;
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}
	}

	private static Call call(HttpClient http, String kind, AtomicLong killedAt, HttpRequest.Builder request) {
		long started = System.currentTimeMillis();
		long offset = killedAt.get() == Long.MAX_VALUE ? -1 : started - killedAt.get();
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(40)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Call(kind, offset, System.currentTimeMillis() - started, response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""), response.body());
		}
		catch (Exception e) {
			return new Call(kind, offset, System.currentTimeMillis() - started, -1, "", e.toString());
		}
	}

	private static boolean backUp(List<Call> readiness) {
		synchronized (readiness) {
			boolean wentDown = false;
			for (Call c : readiness) {
				wentDown |= c.startedAtMillis() >= 0 && c.status() == 503;
				if (wentDown && c.status() == 200) {
					return true;
				}
			}
			return false;
		}
	}

	private static int status(HttpClient http, String url) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private long postmasterPid() throws Exception {
		return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
	}

	private int databasePort() throws Exception {
		return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
	}

	/** The schema owner, with the password OneGo generated (the check reads; the application's login could too). */
	private Connection owner() throws Exception {
		Properties credentials = new Properties();
		try (var in = Files.newBufferedReader(dataDir.resolve(EmbeddedPostgresServer.PASSWORDS_FILE))) {
			credentials.load(in);
		}
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort() + "/" + Roles.DATABASE, Roles.OWNER,
				credentials.getProperty(Roles.OWNER + ".password"));
	}

	/** How many of the subjects the population registry holds, found as the platform finds them: by blind index. */
	private static int count(Connection sql, ConfigurableApplicationContext context, List<String> subjects) throws Exception {
		cn.onego.platform.crypto.PersonalData data = context.getBean(cn.onego.platform.crypto.PersonalData.class);
		try (PreparedStatement query = sql.prepareStatement(
				"SELECT count(*) FROM registry_record WHERE registry = 'POPULATION' AND subject_index = ANY (?)")) {
			query.setArray(1, sql.createArrayOf("text", subjects.stream().map(data::index).toArray()));
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}
}

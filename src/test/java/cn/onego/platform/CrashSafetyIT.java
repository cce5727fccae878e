package cn.onego.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * OneGo killed with SIGKILL in the middle of work — applicants submitting, clerks accepting, reviewers deciding —
 * and started again on the same data directory: every submission it acknowledged is there once (and sent again
 * with its idempotency key it is answered with the same application, not a second one), every acceptance and
 * decision it acknowledged is there, no task is missing or doubled, every application submitted reached the case
 * flow once through the event publication registry (the publications the kill left incomplete are delivered at
 * the restart), and the supervision counts equal a recount from the cases.
 * <p>
 * OneGo runs in a JVM of its own, started by the test ({@code java -cp <the test's class path> cn.onego.OneGo}),
 * since only a separate process can be killed without notice; its embedded PostgreSQL survives the kill as an
 * orphan and is stopped by the restarted OneGo before it starts its own.
 */
class CrashSafetyIT {

	static final Map<String, List<String>> SHOP = CaseWorld.SMALL_SHOP;

	@TempDir
	Path dataDir;

	@Test
	void keepsEveryAcknowledgedWriteOnceWhenTheProcessIsKilledUnderLoad() throws Exception {
		int port = freePort();
		Node node = new Node(dataDir, port);
		try {
			node.start("first");
			ApiClient api = new ApiClient(port);

			// the people: applicants who submit, and applicants whose cases clerks accept and reviewers decide
			List<CaseWorld> submitters = List.of(new CaseWorld(api), new CaseWorld(api), new CaseWorld(api));
			List<CaseWorld> journeys = List.of(new CaseWorld(api), new CaseWorld(api));
			String firstCase = journeys.get(0).apply("HN-CATERING", SHOP, Set.of(), Set.of());
			accept(journeys.get(0), firstCase);
			int tasksPerCase = ((List<?>) journeys.get(0).view(CaseWorld.OBSERVER, firstCase).json("$.tasks")).size();
			assertThat(tasksPerCase).isGreaterThan(1);

			// the load, with what OneGo acknowledged
			List<CaseWorld.Submission> acknowledged = new CopyOnWriteArrayList<>();
			Map<CaseWorld.Submission, String> applicationOf = new ConcurrentHashMap<>();
			List<CaseWorld.Submission> unanswered = new CopyOnWriteArrayList<>();
			List<String> accepted = new CopyOnWriteArrayList<>(List.of(firstCase));
			List<String> approved = new CopyOnWriteArrayList<>();
			List<Throwable> failuresBeforeTheKill = new CopyOnWriteArrayList<>();
			AtomicBoolean killed = new AtomicBoolean();
			ExecutorService load = Executors.newFixedThreadPool(submitters.size() + journeys.size());
			for (CaseWorld world : submitters) {
				load.submit(() -> {
					while (!killed.get()) {
						CaseWorld.Submission submission;
						try {
							submission = world.prepare("HN-CATERING", SHOP);
						}
						catch (RuntimeException | AssertionError e) {
							note(e, killed, failuresBeforeTheKill);
							return;
						}
						try {
							Response answer = world.submit(submission);
							if (answer.status() == 201) {
								acknowledged.add(submission);
								applicationOf.put(submission, answer.json("$.id"));
								continue;
							}
							unanswered.add(submission);
							note(new AssertionError(answer.status() + " " + answer.body()), killed, failuresBeforeTheKill);
						}
						catch (RuntimeException e) {
							unanswered.add(submission); // no answer: the client does not know whether it was taken
							note(e, killed, failuresBeforeTheKill);
						}
						return;
					}
				});
			}
			for (int j = 0; j < journeys.size(); j++) {
				CaseWorld world = journeys.get(j);
				String start = j == 0 ? firstCase : null;
				load.submit(() -> {
					try {
						String caseId = start;
						while (!killed.get()) {
							if (caseId == null) {
								caseId = world.apply("HN-CATERING", SHOP, Set.of(), Set.of());
								accept(world, caseId);
								accepted.add(caseId);
							}
							if (!decideOne(world, caseId, approved)) {
								caseId = null;
							}
						}
					}
					catch (RuntimeException | AssertionError e) {
						note(e, killed, failuresBeforeTheKill);
					}
				});
			}

			// SIGKILL in the middle: once submissions, acceptances and decisions have been acknowledged and while an
			// application is on its way through the outbox
			List<UUID> incompleteAtTheKill;
			long loadStarted = System.nanoTime();
			try (Connection watch = node.owner()) {
				List<UUID> incomplete = List.of();
				while (System.nanoTime() - loadStarted < Duration.ofSeconds(40).toNanos()) {
					incomplete = ids(watch, "SELECT id FROM event_publication WHERE completion_date IS NULL");
					if (acknowledged.size() >= 4 && accepted.size() >= 2 && approved.size() >= 2 && !incomplete.isEmpty()) {
						break;
					}
					Thread.sleep(2);
				}
				killed.set(true);
				node.kill();
				incompleteAtTheKill = incomplete;
			}
			load.shutdown();
			assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			assertThat(failuresBeforeTheKill).as("nothing failed before the kill").isEmpty();
			System.out.printf("CrashSafetyIT: killed after %d ms with %d submissions, %d acceptances and %d decisions acknowledged, "
					+ "%d submissions unanswered, %d publications incomplete%n", (System.nanoTime() - loadStarted) / 1_000_000,
					acknowledged.size(), accepted.size(), approved.size(), unanswered.size(), incompleteAtTheKill.size());
			assertThat(acknowledged).as("the kill came under load").hasSizeGreaterThan(3);
			assertThat(accepted).hasSizeGreaterThan(1);
			assertThat(approved).hasSizeGreaterThan(1);
			assertThat(incompleteAtTheKill).as("an application was on its way through the outbox").isNotEmpty();

			node.start("after the kill");
			try (Connection sql = node.owner()) {
				// the publications the kill interrupted are delivered again: every submitted application becomes a case
				awaitZero(sql, """
						SELECT (SELECT count(*) FROM event_publication WHERE completion_date IS NULL)
						     + (SELECT count(*) FROM application a WHERE a.status = 'SUBMITTED'
						        AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.application_id = a.id))""");
				assertThat(ids(sql, "SELECT id FROM event_publication_archive WHERE completion_date IS NOT NULL"))
					.as("what the kill left incomplete was completed after the restart").containsAll(incompleteAtTheKill);

				// every acknowledged submission once; a client's retry with the same key gets the same application
				List<UUID> acknowledgedIds = acknowledged.stream().map(s -> UUID.fromString(applicationOf.get(s))).toList();
				assertThat(count(sql, "SELECT count(*) FROM application WHERE status = 'SUBMITTED' AND id = ANY (?)", acknowledgedIds))
					.isEqualTo(acknowledgedIds.size());
				for (CaseWorld.Submission submission : acknowledged) {
					Response again = world(submitters, submission).submit(submission);
					assertThat(again.status()).as(again.body()).isEqualTo(200);
					assertThat((String) again.json("$.id")).isEqualTo(applicationOf.get(submission));
				}
				for (CaseWorld.Submission submission : unanswered) {
					Response again = world(submitters, submission).submit(submission);
					assertThat(again.status()).as("an unanswered submission sent again: taken now or before, " + again.body())
						.isIn(200, 201);
				}
				assertThat(count(sql, """
						SELECT count(*) FROM submission_key k LEFT JOIN application a ON a.id = k.application_id
						WHERE a.id IS NULL""", null)).as("every idempotency key names its one application").isZero();
				assertThat(count(sql, "SELECT count(*) - count(DISTINCT application_id) FROM submission_key", null))
					.as("no application under two keys").isZero();
				awaitZero(sql, """
						SELECT count(*) FROM application a WHERE a.status = 'SUBMITTED'
						AND NOT EXISTS (SELECT 1 FROM case_file c WHERE c.application_id = a.id)""");

				// applied once: one case per application, one SUBMITTED step per case, one ApplicationSubmitted publication
				assertThat(count(sql, "SELECT count(*) - count(DISTINCT application_id) FROM case_file", null)).isZero();
				assertThat(count(sql, """
						SELECT count(*) FROM case_file c
						WHERE (SELECT count(*) FROM case_history h WHERE h.case_id = c.id AND h.action = 'SUBMITTED') <> 1""", null))
					.isZero();
				assertThat(count(sql, """
						SELECT (SELECT count(*) FROM application WHERE status = 'SUBMITTED')
						     - (SELECT count(*) FROM event_publication_archive WHERE event_type LIKE '%ApplicationSubmitted')""", null))
					.as("each submitted application was published once").isZero();

				// no task lost or doubled: every acknowledged acceptance dispatched all its tasks once
				assertThat(count(sql, """
						SELECT count(*) FROM case_file c WHERE c.id = ANY (?)
						AND (c.accepted_at IS NULL OR (SELECT count(*) FROM case_task t WHERE t.case_id = c.id) <> %d)"""
					.formatted(tasksPerCase), accepted.stream().map(UUID::fromString).toList())).isZero();
				assertThat(count(sql, """
						SELECT count(*) FROM case_file c WHERE c.accepted_at IS NOT NULL
						AND (SELECT count(*) FROM case_task t WHERE t.case_id = c.id) <> %d""".formatted(tasksPerCase), null))
					.as("no acceptance dispatched only some tasks").isZero();
				assertThat(count(sql, "SELECT count(*) FROM case_task t JOIN case_file c ON c.id = t.case_id WHERE c.accepted_at IS NULL",
						null)).isZero();
				// every acknowledged decision is there, and each decision was made once
				assertThat(count(sql, "SELECT count(*) FROM case_task WHERE state = 'APPROVED' AND id = ANY (?)",
						approved.stream().map(UUID::fromString).toList())).isEqualTo(approved.size());
				assertThat(count(sql, """
						SELECT count(*) FROM case_task t WHERE t.decided_at IS NOT NULL
						AND (SELECT count(*) FROM case_history h WHERE h.task_id = t.id AND h.action = 'APPROVED') <> 1""", null))
					.isZero();

				// the supervision counts (aggregates plus the deltas still to fold, in one snapshot) equal a recount
				assertThat(count(sql, """
						SELECT abs((SELECT count(*) FROM case_file)
						         - (SELECT coalesce(sum(submitted), 0) FROM supervision_case_day)
						         - (SELECT count(*) FROM case_fact WHERE kind = 'submitted'))
						     + abs((SELECT count(*) FROM case_file WHERE accepted_at IS NOT NULL)
						         - (SELECT coalesce(sum(accepted), 0) FROM supervision_case_day)
						         - (SELECT count(*) FROM case_fact WHERE kind = 'accepted'))
						     + abs((SELECT count(*) FROM case_task WHERE decided_at IS NOT NULL)
						         - (SELECT coalesce(sum(decided), 0) FROM supervision_task_day)
						         - (SELECT count(*) FROM case_fact WHERE kind = 'decided'))""", null)).isZero();
				assertThat(count(sql, "SELECT count(*) FROM case_file", null)).isGreaterThanOrEqualTo(acknowledged.size());
			}

			// and the platform works on: a new journey after the restart
			CaseWorld after = new CaseWorld(api);
			String caseId = after.apply("HN-CATERING", SHOP, Set.of(), Set.of());
			accept(after, caseId);
			assertThat(decideOne(after, caseId, new ArrayList<>())).isTrue();
		}
		finally {
			node.stop();
		}
	}

	/** Accepts the case at the window of its hall. */
	private static void accept(CaseWorld world, String caseId) {
		Response accepted = world.as(world.clerkOf(caseId), "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
	}

	/** Claims and approves one pending task of the case; false when none is left to decide. */
	private static boolean decideOne(CaseWorld world, String caseId, List<String> approved) {
		List<Map<String, Object>> pending = world.view(CaseWorld.OBSERVER, caseId).json("$.tasks[?(@.task.state == 'PENDING')].task");
		if (pending.isEmpty()) {
			return false;
		}
		String item = (String) pending.get(0).get("item");
		String number = item.equals("HN-SCJG-ENT-REG") ? Identities.creditCode() : Identities.licenceNumber("CS-");
		Response decided = world.approve(caseId, item, number);
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
		approved.add((String) pending.get(0).get("id"));
		return true;
	}

	/** A failure after the kill is the kill's; one before it is the test's. */
	private static void note(Throwable failure, AtomicBoolean killed, List<Throwable> beforeTheKill) {
		if (!killed.get()) {
			beforeTheKill.add(failure);
		}
	}

	private static CaseWorld world(List<CaseWorld> worlds, CaseWorld.Submission submission) {
		return worlds.stream().filter(w -> w.applicant.equals(submission.actingUser())).findFirst().orElseThrow();
	}

	private static List<UUID> ids(Connection sql, String query) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (PreparedStatement statement = sql.prepareStatement(query); ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				ids.add(rows.getObject(1, UUID.class));
			}
		}
		return ids;
	}

	private static long count(Connection sql, String query, List<UUID> ids) throws SQLException {
		try (PreparedStatement statement = sql.prepareStatement(query)) {
			if (ids != null) {
				statement.setArray(1, sql.createArrayOf("uuid", ids.toArray()));
			}
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private static void awaitZero(Connection sql, String query) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		long left = count(sql, query, null);
		while (left != 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			left = count(sql, query, null);
		}
		assertThat(left).as(query).isZero();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * OneGo in a JVM of its own, on the test's class path and profile, its data in the test's directory, its output
	 * in {@code target/crash-safety-<port>.log}.
	 */
	static final class Node {

		private final Path dataDir;
		private final int port;
		private final Path log;
		private Process process;

		Node(Path dataDir, int port) throws IOException {
			this.dataDir = dataDir;
			this.port = port;
			Files.createDirectories(Path.of("target"));
			this.log = Path.of("target", "crash-safety-" + port + ".log");
		}

		void start(String when) throws Exception {
			List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
					"-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), "cn.onego.OneGo",
					"--server.port=" + port, "--spring.profiles.active=test", "--onego.db.ephemeral=false",
					"--onego.db.data-dir=" + dataDir, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
					// every submission uploads its materials anew: more than an applicant's daily quota
					"--onego.attachments.quota-files=100000", "--onego.attachments.quota-megabytes=100000");
			Files.writeString(log, "---- " + when + "\n", java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			HttpClient http = HttpClient.newHttpClient();
			long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException("OneGo exited with " + process.exitValue() + " (" + when + "), see " + log);
				}
				try {
					if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
							HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return;
					}
				}
				catch (IOException notYet) {
					// still starting
				}
				Thread.sleep(200);
			}
			throw new IllegalStateException("OneGo not ready after 150 s (" + when + "), see " + log);
		}

		/** SIGKILL: no shutdown hook, no context close, the connections cut where they were. */
		void kill() throws InterruptedException {
			process.destroyForcibly();
			process.waitFor();
		}

		/** Stops OneGo as an operator would (SIGTERM), and whatever a failed test left of its PostgreSQL. */
		void stop() throws Exception {
			if (process != null && process.isAlive()) {
				process.destroy();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor();
				}
			}
			EmbeddedPostgresServer.stopOrphanPostmaster(dataDir.resolve("postgres"));
		}

		/** The schema owner with the password OneGo generated, on the port {@code postmaster.pid} names. */
		Connection owner() throws Exception {
			Properties credentials = new Properties();
			try (var in = Files.newBufferedReader(dataDir.resolve(EmbeddedPostgresServer.PASSWORDS_FILE))) {
				credentials.load(in);
			}
			int databasePort = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
			return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort + "/" + Roles.DATABASE, Roles.OWNER,
					credentials.getProperty(Roles.OWNER + ".password"));
		}
	}
}

package cn.onego.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.audit.AuditReport.Finding;
import cn.onego.audit.AuditReport.Kind;
import cn.onego.Identities;
import cn.onego.cases.CaseWorld;

/**
 * The audit trail on real PostgreSQL: a journey leaves its steps with actor, role and target, a staff read of
 * an application leaves a read record, the application's role can add records but neither change nor remove
 * them, and what the schema's owner changes or removes behind its back — records and anchors — the
 * verification names, the endpoint and the command alike.
 * <p>
 * Tests that tamper work on chains of their own: a day of the past drawn at random, written through a ledger
 * whose clock stands on that day, so that no other test's records are touched or its verification disturbed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	/** The schema owner's login: what a database administrator, or an intruder with the owner's password, can do. */
	@Autowired
	@FlywayDataSource
	DataSource owner;

	@Autowired
	AuditVerification verification;

	@Autowired
	AuditAnchors anchors;

	@Autowired
	AnchorKey key;

	@Autowired
	AuditTrail trail;

	/** The platform's clock (the test profile's day). */
	@Autowired
	Clock clock;

	// ------------------------------------------------------------------ what is recorded

	@Test
	void aJourneyFromSubmissionToDecisionLeavesEveryStepWithItsActorRoleAndTarget() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String clerk = world.clerkOf(caseId);
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		Map<String, Object> task = world.task(caseId, "HN-SCJG-ENT-REG");
		Response approved = world.approve(caseId, "HN-SCJG-ENT-REG", Identities.creditCode());
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);

		List<Map<String, Object>> records = jdbc.sql("""
				SELECT actor, role, scope, action, target, reason, request_id FROM audit_record
				WHERE target LIKE ? AND action LIKE 'case.%' ORDER BY id""")
			.param("case/" + caseId + "%")
			.query()
			.listOfRows();
		assertThat(records).extracting(r -> r.get("action"))
			.startsWith("case.SUBMITTED", "case.ACCEPTED")
			.contains("case.DISPATCHED", "case.CLAIMED", "case.APPROVED");
		assertThat(records.get(0)).containsEntry("actor", world.applicant).containsEntry("role", "APPLICANT")
			.containsEntry("target", "case/" + caseId);
		assertThat((String) records.get(0).get("scope")).as("the person, masked").startsWith("person:")
			.doesNotContain(world.idNumber);
		Map<String, Object> acceptance = records.get(1);
		assertThat(acceptance).containsEntry("actor", clerk).containsEntry("role", "WINDOW_CLERK")
			.containsEntry("target", "case/" + caseId);
		assertThat((String) acceptance.get("scope")).contains("hall:");
		assertThat((String) acceptance.get("reason")).startsWith("AWAITING_ACCEPTANCE → IN_PROGRESS");
		assertThat((String) acceptance.get("request_id")).as("a decision over HTTP names its request").isNotBlank();
		Map<String, Object> approval = records.stream().filter(r -> r.get("action").equals("case.APPROVED")
				&& r.get("target").equals("case/" + caseId + "/task/" + task.get("id"))).findFirst().orElseThrow();
		assertThat(approval).containsEntry("role", "REVIEWER");
		assertThat((String) approval.get("actor")).startsWith("rev-");
		assertThat((String) approval.get("scope")).contains("department:" + task.get("department"));
		LocalDate today = LocalDate.now(clock);
		assertThat(verification.verify(today, today).findings()).as("today's chains, this journey's among them, hold").isEmpty();
	}

	@Test
	void anAdministratorOpeningAndDisablingAStaffAccountLeavesARecordOfEach() {
		ApiClient api = new ApiClient(port);
		String username = "aud-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		Response created = api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", username,
				"password", "audit-test-123", "name", "审计测试员", "roles", List.of("REVIEWER"), "region", "430100",
				"department", "430100-MARKET_REGULATION"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(api.send("PUT", "/api/v1/admin/staff/" + username + "/disabled", "admin", "onego-admin",
				Map.of("disabled", true)).status()).isEqualTo(204);

		List<Map<String, Object>> records = jdbc.sql("SELECT actor, action, reason FROM audit_record WHERE target = ? ORDER BY id")
			.param("staff-account/" + username)
			.query()
			.listOfRows();
		assertThat(records).extracting(r -> r.get("action")).containsExactly("staff-account.created", "staff-account.disabled");
		assertThat(records).extracting(r -> r.get("actor")).containsOnly("admin");
		assertThat((String) records.get(0).get("reason")).contains("REVIEWER").contains("430100-MARKET_REGULATION");
	}

	@Test
	void aStaffReadOfAnApplicationLeavesAReadRecordAndTheApplicantsOwnReadNone() {
		CaseWorld world = new CaseWorld(new ApiClient(port));
		String caseId = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		String applicationId = world.view(CaseWorld.OBSERVER, caseId).json("$.caseFile.applicationId");
		String clerk = world.clerkOf(caseId);
		assertThat(world.as(world.applicant, "GET", "/api/v1/cases/" + caseId + "/application", null).status()).isEqualTo(200);
		assertThat(readsOf(applicationId)).as("the applicant reading their own application").isEmpty();

		Response read = world.as(clerk, "GET", "/api/v1/cases/" + caseId + "/application", null);
		assertThat(read.status()).isEqualTo(200);
		List<Map<String, Object>> reads = readsOf(applicationId);
		assertThat(reads).hasSize(1);
		assertThat(reads.get(0)).containsEntry("actor", clerk).containsEntry("role", "WINDOW_CLERK")
			.containsEntry("action", "read.application");
		assertThat((String) reads.get(0).get("scope")).contains("hall:");

		assertThat(world.view(CaseWorld.OBSERVER, caseId).status()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT role FROM audit_record WHERE target = ? AND action = 'read.case-file' AND actor = ?")
			.params("case/" + caseId, CaseWorld.OBSERVER)
			.query(String.class)
			.list()).as("a supervisor reading the case file").isNotEmpty().allMatch("SUPERVISOR"::equals);
	}

	private List<Map<String, Object>> readsOf(String applicationId) {
		return jdbc.sql("SELECT actor, role, scope, action FROM audit_record WHERE target = ? AND action = 'read.application'")
			.param("application/" + applicationId)
			.query()
			.listOfRows();
	}

	@Test
	void aRecordCommitsWithTheChangeItDescribesOrNotAtAll() {
		String target = "test/" + java.util.UUID.randomUUID();
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		transaction.executeWithoutResult(status -> {
			trail.record("system", "test.rolled-back", target, "the change failed");
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult(status -> trail.record("system", "test.committed", target, "the change held"));
		// a read logged in a transaction of its own survives its caller's rollback, as the once-only log does
		transaction.executeWithoutResult(status -> {
			trail.record("system", "test.rolled-back", target, "the caller failed");
			separatelyRecorded(target);
			status.setRollbackOnly();
		});
		assertThat(jdbc.sql("SELECT action FROM audit_record WHERE target = ? ORDER BY id").param(target).query(String.class).list())
			.containsExactlyInAnyOrder("test.committed", "test.read-anyway");
		assertThat(jdbc.sql("SELECT DISTINCT role FROM audit_record WHERE target = ?").param(target).query(String.class).list())
			.containsExactly("SYSTEM");
	}

	private void separatelyRecorded(String target) {
		TransactionTemplate separately = new TransactionTemplate(transactions);
		separately.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
		separately.executeWithoutResult(inner -> trail.record("system", "test.read-anyway", target, "read"));
	}

	@Test
	void concurrentWritersKeepEveryChainWhole() throws Exception {
		LocalDate day = aDayOfItsOwn();
		Clock onThatDay = Clock.fixed(day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
		Ledger ledger = new Ledger(jdbc, onThatDay, 2);
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(6);
		List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
		for (int w = 0; w < 6; w++) {
			int writer = w;
			done.add(writers.submit(() -> {
				for (int t = 0; t < 20; t++) {
					int size = 1 + t % 3;
					int transactionNumber = t;
					transaction.executeWithoutResult(status -> ledger.append(java.util.stream.IntStream.range(0, size)
						.mapToObj(i -> new Entry(ledger.now(), "writer-" + writer, "WINDOW_CLERK", null, "case.CLAIMED",
								"case/" + writer + "/" + transactionNumber + "/" + i, null, null))
						.toList()));
				}
			}));
		}
		for (java.util.concurrent.Future<?> future : done) {
			future.get();
		}
		writers.shutdown();
		AuditReport report = verification.verify(day, day);
		assertThat(report.findings()).isEmpty();
		assertThat(report.records()).isEqualTo(6 * (7 * 1 + 7 * 2 + 6 * 3));
		assertThat(report.chains()).isBetween(1, 2);
	}

	@Test
	void aNodeAppendsInOneStatementWhereItWroteLastAndFollowsTheRealHeadAfterAnotherNodeOrARollback() {
		TwoNodes nodes = twoNodesOnADayOfItsOwn();
		LocalDate day = nodes.day();
		TransactionTemplate transaction = nodes.transaction();
		Ledger one = nodes.one();
		Ledger other = nodes.other();
		java.util.function.BiFunction<Ledger, String, Integer> append = (ledger, action) -> {
			nodes.statements().set(0);
			transaction.executeWithoutResult(status -> ledger.append(List.of(nodes.entry(action))));
			return nodes.statements().get();
		};

		assertThat(append.apply(one, "test.first")).as("a chain this node has not written: lock and head, then the insert").isEqualTo(2);
		assertThat(append.apply(one, "test.second")).as("where it wrote last").isEqualTo(1);
		assertThat(append.apply(other, "test.third")).isEqualTo(2);
		assertThat(append.apply(one, "test.after-the-other-node")).as("the other node moved the head").isEqualTo(2);
		transaction.executeWithoutResult(status -> {
			one.append(List.of(nodes.entry("test.rolled-back")));
			status.setRollbackOnly();
		});
		assertThat(append.apply(one, "test.after-the-rollback")).as("the head it expected was rolled back").isEqualTo(2);
		assertThat(append.apply(one, "test.last")).isEqualTo(1);

		assertThat(jdbc.sql("SELECT action FROM audit_record WHERE day = ? ORDER BY seq").param(day).query(String.class).list())
			.containsExactly("test.first", "test.second", "test.third", "test.after-the-other-node", "test.after-the-rollback", "test.last");
		AuditReport report = verification.verify(day, day);
		assertThat(report.findings()).isEmpty();
		assertThat(report.records()).isEqualTo(6);
	}

	@Test
	void anotherModulesStatementCarriesTheAppendWhereTheNodeWroteLastAndTheRecordsFollowTheRealHeadOtherwise() {
		TwoNodes nodes = twoNodesOnADayOfItsOwn();
		LocalDate day = nodes.day();
		java.util.concurrent.atomic.AtomicInteger statements = nodes.statements();
		TransactionTemplate transaction = nodes.transaction();
		Ledger one = nodes.one();
		java.util.function.Function<String, Entry> entry = nodes::entry;
		// a module's own statement (the case's save), its first part writing the module's row, the records after it
		java.util.function.BiFunction<String, Boolean, Integer> save = (action, rowWritten) -> {
			statements.set(0);
			transaction.executeWithoutResult(status -> {
				java.util.Optional<Ledger.InStatement> records = one.inStatement(List.of(entry.apply(action)));
				if (records.isEmpty()) {
					one.append(List.of(entry.apply(action)));
					return;
				}
				List<cn.onego.platform.StatementPart> parts = records.get().parts("module_row");
				List<Object> params = new java.util.ArrayList<>();
				StringBuilder sql = new StringBuilder("WITH module_row AS (SELECT 1 WHERE ?)");
				params.add(rowWritten);
				for (cn.onego.platform.StatementPart part : parts) {
					sql.append(",\n").append(part.name()).append(" AS (").append(part.sql()).append(")");
					params.addAll(part.params());
				}
				sql.append("\nSELECT count(*) FROM ").append(records.get().written());
				long written = nodes.client().sql(sql.toString()).params(params).query(Long.class).single();
				if (rowWritten) {
					records.get().finish(written);
				}
				else {
					assertThat(written).as("nothing recorded when the module's row was not written").isZero();
				}
			});
			return statements.get();
		};

		assertThat(save.apply("test.first", true)).as("a chain this node has not written: appended the usual way").isEqualTo(2);
		assertThat(save.apply("test.in-the-statement", true)).as("where it wrote last: in the module's statement").isEqualTo(1);
		transaction.executeWithoutResult(status -> nodes.other().append(List.of(entry.apply("test.other-node"))));
		assertThat(save.apply("test.after-the-other-node", true)).as("the statement wrote nothing; then under the lock it took")
			.isEqualTo(3);
		assertThat(save.apply("test.row-not-written", false)).isEqualTo(1);
		assertThat(save.apply("test.last", true)).isEqualTo(1);

		assertThat(jdbc.sql("SELECT action FROM audit_record WHERE day = ? ORDER BY seq").param(day).query(String.class).list())
			.containsExactly("test.first", "test.in-the-statement", "test.other-node", "test.after-the-other-node", "test.last");
		AuditReport report = verification.verify(day, day);
		assertThat(report.findings()).isEmpty();
		assertThat(report.records()).isEqualTo(5);
	}

	/** Two nodes' ledgers of one shard on a day of the test's own, over a data source that counts the statements. */
	private record TwoNodes(LocalDate day, java.util.concurrent.atomic.AtomicInteger statements, TransactionTemplate transaction,
			JdbcClient client, Ledger one, Ledger other) {

		/** A clerk's record of the action on the day. */
		Entry entry(String action) {
			return new Entry(one.now(), "clerk", "WINDOW_CLERK", null, action, "case/" + day, null, null);
		}
	}

	private TwoNodes twoNodesOnADayOfItsOwn() {
		LocalDate day = aDayOfItsOwn();
		Clock onThatDay = Clock.fixed(day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
		java.util.concurrent.atomic.AtomicInteger statements = new java.util.concurrent.atomic.AtomicInteger();
		DataSource counted = countingStatements(dataSource, statements);
		JdbcClient client = JdbcClient.create(counted);
		return new TwoNodes(day, statements,
				new TransactionTemplate(new org.springframework.jdbc.datasource.DataSourceTransactionManager(counted)), client,
				new Ledger(client, onThatDay, 1), new Ledger(client, onThatDay, 1));
	}

	/** The data source, counting the statements prepared on its connections (one per round trip here). */
	private static DataSource countingStatements(DataSource dataSource, java.util.concurrent.atomic.AtomicInteger statements) {
		return new org.springframework.jdbc.datasource.DelegatingDataSource(dataSource) {
			@Override
			public java.sql.Connection getConnection() throws SQLException {
				java.sql.Connection connection = super.getConnection();
				return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
						new Class<?>[] { java.sql.Connection.class }, (proxy, method, arguments) -> {
							if (method.getName().equals("prepareStatement")) {
								statements.incrementAndGet();
							}
							try {
								return method.invoke(connection, arguments);
							}
							catch (java.lang.reflect.InvocationTargetException e) {
								throw e.getCause();
							}
						});
			}
		};
	}

	// ------------------------------------------------------------------ who may change it

	@Test
	void theApplicationsRoleMayAddAndReadRecordsButNeitherChangeNorRemoveThem() {
		LocalDate day = aDayOfItsOwn();
		List<Long> ids = chain(day, 2);
		assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("onego_app");
		for (String table : List.of("audit_record", "audit_anchor")) {
			assertThat(sqlState("UPDATE " + table + " SET day = day")).as("UPDATE " + table).isEqualTo("42501");
			assertThat(sqlState("DELETE FROM " + table)).as("DELETE " + table).isEqualTo("42501");
			assertThat(sqlState("TRUNCATE " + table)).as("TRUNCATE " + table).isEqualTo("42501");
		}
		assertThat(sqlState("UPDATE audit_record SET actor = 'mallory' WHERE id = " + ids.get(0))).isEqualTo("42501");
		assertThat(sqlState("DELETE FROM audit_record WHERE id = " + ids.get(1))).isEqualTo("42501");
		assertThat(sqlState("SELECT id FROM audit_record WHERE id = " + ids.get(0) + " FOR UPDATE"))
			.as("nor lock them for an update").isEqualTo("42501");
		assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE day = ?").param(day).query(Long.class).single()).isEqualTo(2);
		assertThat(verification.verify(day, day).intact()).isTrue();
	}

	// ------------------------------------------------------------------ tampering found

	@Test
	void verificationNamesARecordAlteredAndARecordDeletedDirectlyInTheDatabase() {
		LocalDate day = aDayOfItsOwn();
		List<Long> ids = chain(day, 6);
		assertThat(verification.verify(day, day).intact()).isTrue();

		JdbcTemplate asOwner = new JdbcTemplate(owner);
		asOwner.update("UPDATE audit_record SET actor = 'someone-else' WHERE id = ?", ids.get(3));
		asOwner.update("DELETE FROM audit_record WHERE id = ?", ids.get(1));

		AuditReport report = verification.verify(day, day);
		assertThat(report.intact()).isFalse();
		assertThat(report.records()).isEqualTo(5);
		assertThat(report.findings()).extracting(Finding::kind, Finding::seq, Finding::recordId)
			.contains(tuple(Kind.DELETED, 2L, null),
					tuple(Kind.ALTERED, 4L, ids.get(3)));
		assertThat(report.firstBrokenLink()).extracting(Finding::kind, Finding::day, Finding::seq).containsExactly(Kind.DELETED, day, 2L);

		// the command, straight against the database, finds the same
		Command command = command("--from", day.toString(), "--to", day.toString());
		assertThat(command.status()).isEqualTo(1);
		assertThat(command.out()).contains("FIRST BROKEN LINK: DELETED " + day + " shard 0 #2")
			.contains("ALTERED " + day + " shard 0 #4: record " + ids.get(3));
	}

	@Test
	void verificationNamesARecordChangedAndRehashedByTheBrokenLinkAfterIt() {
		LocalDate day = aDayOfItsOwn();
		List<Long> ids = chain(day, 3);
		new JdbcTemplate(owner).update("UPDATE audit_record SET actor = 'someone-else', hash = ? WHERE id = ?",
				rehashed(ids.get(1), "someone-else", null), ids.get(1));

		AuditReport report = verification.verify(day, day);
		assertThat(report.findings()).extracting(Finding::kind, Finding::seq, Finding::recordId)
			.containsExactly(tuple(Kind.BROKEN_LINK, 3L, ids.get(2)));
	}

	@Test
	void anchorsVerifyAndATamperedAnchorOrARecordRewrittenAfterItIsReported(@TempDir Path dir) throws Exception {
		LocalDate day = aDayOfItsOwn();
		List<Long> ids = chain(day, 4);
		Anchor anchor = anchors.anchor(day);
		assertThat(anchor.heads()).containsExactly(new Anchor.Head(0, 4, jdbc.sql("SELECT hash FROM audit_record WHERE id = ?")
			.param(ids.get(3)).query(String.class).single()));
		assertThat(anchors.anchor(day)).as("a day is anchored once").isEqualTo(anchor);
		AuditReport intact = verification.verify(day, day);
		assertThat(intact.intact()).isTrue();
		assertThat(intact.anchors()).isEqualTo(1);

		// the auditor checks with the exported public key
		Path publicKey = dir.resolve("anchor-key.pub.pem");
		Files.writeString(publicKey, anchors.publicKey().pem());
		assertThat(command("--from", day.toString(), "--to", day.toString(), "--public-key", publicKey.toString()).status())
			.isZero();

		JdbcTemplate asOwner = new JdbcTemplate(owner);
		asOwner.update("UPDATE audit_anchor SET heads = replace(heads, ':4:', ':3:') WHERE day = ?", day);
		AuditReport tampered = verification.verify(day, day);
		assertThat(tampered.findings()).extracting(Finding::kind).contains(Kind.ANCHOR_SIGNATURE, Kind.INSERTED);
		Command checked = command("--from", day.toString(), "--to", day.toString(), "--public-key", publicKey.toString());
		assertThat(checked.status()).isEqualTo(1);
		assertThat(checked.out()).contains("ANCHOR_SIGNATURE " + day);

		// signed by another key: not the platform's
		asOwner.update("UPDATE audit_anchor SET heads = replace(heads, ':3:', ':4:'), key_id = '0123456789abcdef' WHERE day = ?", day);
		assertThat(verification.verify(day, day).findings()).extracting(Finding::kind).containsExactly(Kind.ANCHOR_UNKNOWN_KEY);
	}

	@Test
	void aChainRewrittenWholeAfterItsAnchorStillShowsAgainstTheSignedHead() {
		LocalDate day = aDayOfItsOwn();
		List<Long> ids = chain(day, 2);
		anchors.anchor(day);
		// the intruder rewrites the last record and its hash consistently: the chain holds, the anchor does not
		new JdbcTemplate(owner).update("UPDATE audit_record SET target = 'case/nothing-to-see', hash = ? WHERE id = ?",
				rehashed(ids.get(1), null, "case/nothing-to-see"), ids.get(1));
		assertThat(verification.verify(day, day).findings()).extracting(Finding::kind, Finding::recordId)
			.containsExactly(tuple(Kind.ANCHOR_MISMATCH, ids.get(1)));
	}

	@Test
	void anAnchorRemovedIsReportedAndNeverMadeAgainOverWhatTheDayHoldsNow() {
		LocalDate day = aDayOfItsOwn();
		LocalDate next = day.plusDays(1);
		chain(day, 2);
		chain(next, 1);
		anchors.anchor(day);
		anchors.anchor(next);
		assertThat(verification.verify(day, next).intact()).isTrue();

		new JdbcTemplate(owner).update("DELETE FROM audit_anchor WHERE day = ?", day);
		anchors.anchorFinishedDays();
		assertThat(anchors.find(day)).as("not signed again over what may have been changed meanwhile").isEmpty();
		assertThat(verification.verify(day, next).findings()).extracting(Finding::kind, Finding::day)
			.containsExactly(tuple(Kind.ANCHOR_MISSING, day));
	}

	// ------------------------------------------------------------------ the endpoint

	@Test
	void theProvincesSupervisorVerifiesOverHttpAndACitysSupervisorIsRefused() {
		LocalDate day = aDayOfItsOwn();
		chain(day, 3);
		ApiClient api = new ApiClient(port);
		Response report = api.get("/api/v1/audit/verification?from=" + day + "&to=" + day, CaseWorld.OBSERVER, "onego-supervisor");
		assertThat(report.status()).as(report.body()).isEqualTo(200);
		assertThat((Integer) report.json("$.records")).isEqualTo(3);
		assertThat((Boolean) report.json("$.intact")).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE actor = ? AND action = 'audit.verify' AND target = ?")
			.params(CaseWorld.OBSERVER, "audit/" + day + ".." + day)
			.query(Long.class)
			.single()).as("verifying is recorded too").isEqualTo(1);

		String city = "city-sup-" + java.util.UUID.randomUUID().toString().substring(0, 6);
		assertThat(api.send("POST", "/api/v1/admin/staff", "admin", "onego-admin", Map.of("username", city, "password",
				CaseWorld.PASSWORD, "name", "市级监管", "roles", List.of("SUPERVISOR"), "region", "430100")).status()).isEqualTo(201);
		Response refused = api.get("/api/v1/audit/verification", city, CaseWorld.PASSWORD);
		assertThat(refused.status()).isEqualTo(403);
		assertThat((String) refused.json("$.code")).isEqualTo("province-supervisors-only");

		Response publicKey = api.get("/api/v1/audit/anchor-key");
		assertThat(publicKey.status()).isEqualTo(200);
		assertThat((String) publicKey.json("$.keyId")).isEqualTo(key.id());
		assertThat((String) publicKey.json("$.algorithm")).isEqualTo("SM3withSM2");
	}

	// ------------------------------------------------------------------ fixtures

	/**
	 * A day far in the past no other test writes to: its chains are this test's alone. Drawn again if it has records
	 * or an anchor already (an anchored day sends new records to the next day, and the database outlives a run).
	 */
	private LocalDate aDayOfItsOwn() {
		while (true) {
			LocalDate day = LocalDate.of(1980, 1, 1).plusDays(ThreadLocalRandom.current().nextLong(15_000));
			boolean used = jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_record WHERE day = ?) OR EXISTS (SELECT 1 FROM audit_anchor WHERE day = ?)")
				.params(day, day)
				.query(Boolean.class)
				.single();
			if (!used) {
				return day;
			}
		}
	}

	/** A chain of records on the day, in one shard, appended as the application appends them; their ids in order. */
	private List<Long> chain(LocalDate day, int records) {
		Clock onThatDay = Clock.fixed(day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
		Ledger ledger = new Ledger(jdbc, onThatDay, 1);
		new TransactionTemplate(transactions).executeWithoutResult(status -> ledger.append(java.util.stream.IntStream
			.rangeClosed(1, records)
			.mapToObj(i -> new Entry(ledger.now().plusMillis(i), "clerk-" + i, "WINDOW_CLERK", "hall:430102-HALL", "case.ACCEPTED",
					"case/" + day + "-" + i, "step " + i, "req-" + day + "-" + i))
			.toList()));
		return jdbc.sql("SELECT id FROM audit_record WHERE day = ? ORDER BY seq").param(day).query(Long.class).list();
	}

	/** The hash the record would have with another actor or target: what an intruder who knows the scheme computes. */
	private String rehashed(long id, String actor, String target) {
		return jdbc.sql("SELECT * FROM audit_record WHERE id = ?").param(id).query((rs, n) -> Chain.hash(new Chain.Link(
				rs.getObject("day", LocalDate.class), rs.getInt("shard"), rs.getLong("seq"),
				rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), actor != null ? actor : rs.getString("actor"),
				rs.getString("role"), rs.getString("scope"), rs.getString("action"), target != null ? target : rs.getString("target"),
				rs.getString("reason"), rs.getString("request_id"), rs.getString("prev_hash")))).single();
	}

	private String sqlState(String statement) {
		try {
			jdbc.sql(statement).query().listOfRows();
			return null;
		}
		catch (org.springframework.dao.DataAccessException e) {
			Throwable cause = e.getMostSpecificCause();
			return cause instanceof SQLException sql ? sql.getSQLState() : cause.toString();
		}
	}

	record Command(int status, String out) {
	}

	private Command command(String... args) {
		HikariDataSource pool;
		try {
			pool = dataSource.unwrap(HikariDataSource.class);
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		List<String> all = new java.util.ArrayList<>(List.of("--url", pool.getJdbcUrl(), "--user", pool.getUsername(), "--password",
				pool.getPassword(), "--data-dir", "/nonexistent-onego-data"));
		all.addAll(List.of(args));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = VerifyAudit.run(all.toArray(String[]::new), Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
		return new Command(status, printed);
	}
}

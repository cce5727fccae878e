package cn.onego.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;
import cn.onego.Identities;
import cn.onego.OneGo;
import cn.onego.cases.CaseWorld;

/**
 * {@code tools/backup} of a running, populated platform and {@code tools/restore} into a new data directory, as the
 * README shows them: OneGo started on the restored directory has every case, application, task, history step and
 * person and published event of the moment of the backup, nothing of after it, every attachment readable and intact, and its
 * applicants can sign in and see their cases.
 */
class BackupRestoreIT {

	static final List<String> COUNTED = List.of("application", "case_file", "case_task", "case_history", "attachment",
			"attachment_upload", "submission_key", "idp_person", "registry_record", "staff_account");

	@TempDir
	Path directory;

	@Test
	void restoresAnOnlineBackupIntoAFreshDataDirectoryWithItsCasesAndAttachments() throws Exception {
		Path live = directory.resolve("live");
		Path backup = directory.resolve("backup");
		Path restored = directory.resolve("restored");
		CaseWorld world;
		String accepted;
		String open;
		Map<String, Long> atTheBackup;
		String later;
		try (ConfigurableApplicationContext platform = start(live)) {
			ApiClient api = new ApiClient(port(platform));
			world = new CaseWorld(api);
			accepted = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
			Response acceptance = world.as(world.clerkOf(accepted), "POST", "/api/v1/cases/" + accepted + "/acceptance",
					Map.of("version", world.caseVersion(accepted)));
			assertThat(acceptance.status()).as(acceptance.body()).isEqualTo(200);
			assertThat(world.approve(accepted, "HN-SCJG-ENT-REG", Identities.creditCode()).status()).isEqualTo(200);
			open = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());

			atTheBackup = counts(live);
			assertThat(atTheBackup.get("attachment")).isPositive();
			Process made = tool("backup", backup.toString()).start();
			String output = new String(made.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(made.waitFor(120, TimeUnit.SECONDS)).isTrue();
			assertThat(made.exitValue()).as(output).isZero();
			assertThat(output).contains("online");
			assertThat(backup.resolve("postgres/backup_label")).exists();
			assertThat(backup.resolve(EmbeddedPostgresServer.PASSWORDS_FILE)).exists();
			assertThat(backup.resolve("idp")).isDirectory();

			// the platform served on during the backup; what is written after it is not in it
			later = world.apply("HN-CATERING", CaseWorld.SMALL_SHOP, Set.of(), Set.of());
		}

		Process restore = tool("restore", backup.toString(), restored.toString()).start();
		String output = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(restore.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(restore.exitValue()).as(output).isZero();
		Process again = tool("restore", backup.toString(), restored.toString()).start();
		again.getInputStream().readAllBytes();
		assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(again.exitValue()).as("a restore never overwrites a data directory").isNotZero();

		try (ConfigurableApplicationContext platform = start(restored)) {
			ApiClient api = new ApiClient(port(platform));
			CaseWorld restoredWorld = world.on(api);
			assertThat((String) api.get("/actuator/health").json("$.status")).isEqualTo("UP");
			assertThat(counts(restored)).isEqualTo(atTheBackup);
			// the audit trail came along whole: every chain links and every record gives its hash
			Response audit = api.get("/api/v1/audit/verification", "admin", "onego-admin");
			assertThat(audit.status()).as(audit.body()).isEqualTo(200);
			assertThat((Boolean) audit.json("$.intact")).as(audit.body()).isTrue();
			assertThat(((Number) audit.json("$.records")).longValue()).as("the journey's steps were audited").isPositive();
			try (Connection sql = owner(restored); Statement query = sql.createStatement();
					ResultSet attachments = query.executeQuery("SELECT hash, content FROM attachment")) {
				int read = 0;
				while (attachments.next()) {
					String hash = attachments.getString(1);
					byte[] content = attachments.getBytes(2);
					assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
						.as("attachment " + hash + " intact").isEqualTo(hash);
					read++;
				}
				assertThat(read).isEqualTo(atTheBackup.get("attachment").intValue());
			}
			// the applicant signs in at the restored identity provider and finds both cases as they were
			List<String> mine = api.get("/api/v1/my/cases", world.applicant, world.citizen.password()).json("$[*].id");
			assertThat(mine).containsExactlyInAnyOrder(accepted, open).doesNotContain(later);
			assertThat(restoredWorld.caseState(accepted)).isEqualTo("IN_PROGRESS");
			assertThat(restoredWorld.task(accepted, "HN-SCJG-ENT-REG").get("state")).isEqualTo("APPROVED");
			assertThat(restoredWorld.caseState(open)).isEqualTo("AWAITING_ACCEPTANCE");
			// and it works on: the open case is accepted on the restored platform
			Response acceptance = restoredWorld.as(restoredWorld.clerkOf(open), "POST", "/api/v1/cases/" + open + "/acceptance",
					Map.of("version", restoredWorld.caseVersion(open)));
			assertThat(acceptance.status()).as(acceptance.body()).isEqualTo(200);
		}
	}

	/** The tool as the README shows it, on this test's classes instead of the jar. */
	private ProcessBuilder tool(String name, String... args) {
		List<String> command = new java.util.ArrayList<>(List.of(Path.of("tools", name).toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder process = new ProcessBuilder(command).redirectErrorStream(true);
		process.environment().put("ONEGO_DATA_DIR", directory.resolve("live").toString());
		process.environment().put("ONEGO_CLASSPATH", System.getProperty("java.class.path"));
		process.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
		return process;
	}

	private static Map<String, Long> counts(Path dataDir) throws Exception {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Connection sql = owner(dataDir); Statement query = sql.createStatement()) {
			for (String table : COUNTED) {
				try (ResultSet rows = query.executeQuery("SELECT count(*) FROM " + table)) {
					rows.next();
					counts.put(table, rows.getLong(1));
				}
			}
			// a publication is archived a moment after its listener's work: counted wherever it is
			try (ResultSet rows = query.executeQuery(
					"SELECT (SELECT count(*) FROM event_publication) + (SELECT count(*) FROM event_publication_archive)")) {
				rows.next();
				counts.put("published events", rows.getLong(1));
			}
		}
		return counts;
	}

	private static Connection owner(Path dataDir) throws Exception {
		Properties credentials = new Properties();
		try (var in = Files.newBufferedReader(dataDir.resolve(EmbeddedPostgresServer.PASSWORDS_FILE))) {
			credentials.load(in);
		}
		int port = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + Roles.DATABASE, Roles.OWNER,
				credentials.getProperty(Roles.OWNER + ".password"));
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(OneGo.class).run("--server.port=0", "--onego.db.data-dir=" + dataDir);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}
}

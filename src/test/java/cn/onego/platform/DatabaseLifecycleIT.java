package cn.onego.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.onego.ApiClient;
import cn.onego.OneGo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The platform's own database: data survives a restart, a postmaster orphaned by a killed JVM is
 * stopped before start-up, and with ONEGO_DB_URL an external server is used and nothing is started.
 */
class DatabaseLifecycleIT {

	@TempDir
	Path dataDir;

	@Test
	void keepsImportedCatalogueDataAcrossARestart() {
		String matter = """
				code: KEEP-ME
				name: {zh: 重启后保留的一件事, en: A matter that survives a restart}
				theme: ENTERPRISE_OPENING
				applicantType: ENTERPRISE
				offeredIn: ["430100"]
				items:
				  - {item: %s}
				""";
		long importedVersion;
		try (ConfigurableApplicationContext first = start(Map.of("onego.db.data-dir", dataDir.toString()))) {
			ApiClient api = new ApiClient(port(first));
			String anyItem = api.get("/api/v1/matters?q=餐饮").json("$[0].code");
			String item = api.get("/api/v1/matters/" + anyItem).json("$.items[0].code");
			var response = api.postFiles("/api/v1/admin/catalog/imports", "admin", "onego-admin",
					Map.of("matters/keep-me.yaml", matter.formatted(item)), Map.of());
			assertThat(response.status()).as(response.body()).isEqualTo(201);
			importedVersion = ((Integer) response.json("$.version.version")).longValue();
		}
		assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
		try (ConfigurableApplicationContext second = start(Map.of("onego.db.data-dir", dataDir.toString()))) {
			ApiClient api = new ApiClient(port(second));
			assertThat((String) api.get("/api/v1/matters/KEEP-ME").json("$.summary.name.zh")).isEqualTo("重启后保留的一件事");
			assertThat((Integer) api.get("/actuator/health", "admin", "onego-admin").json("$.components.catalogue.details.version"))
				.isEqualTo((int) importedVersion);
		}
	}

	@Test
	void stopsAPostmasterOrphanedOnItsDataDirectoryBeforeStarting() throws Exception {
		Path directory = dataDir.resolve("postgres");
		Files.createDirectories(directory);
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), OrphanMaker.class.getName(), directory.toString())
			.redirectErrorStream(true)
			.start();
		try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))) {
			String line;
			while ((line = output.readLine()) != null && !line.equals("ready")) {
				// zonky's start-up output
			}
		}
		child.destroyForcibly().waitFor();
		long orphanPid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("the postmaster outlived its JVM")
			.contains(true);
		try (ConfigurableApplicationContext context = start(Map.of("onego.db.data-dir", dataDir.toString()))) {
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat((String) new ApiClient(port(context)).get("/actuator/health").json("$.status")).isEqualTo("UP");
		}
	}

	@Test
	void usesAnExternalServerWhenAUrlIsConfiguredAndStartsNoneOfItsOwn() throws Exception {
		try (EmbeddedPostgres external = EmbeddedPostgres.builder().setLocaleConfig("locale", "C.UTF-8").start()) {
			Path unused = dataDir.resolve("unused");
			try (ConfigurableApplicationContext context = start(Map.of("onego.db.url",
					external.getJdbcUrl("postgres", "postgres"), "onego.db.user", "postgres", "onego.db.password", "",
					"onego.db.data-dir", unused.toString(), "onego.crypto.key-file",
					dataDir.resolve("onego-data-keys.properties").toString()))) {
				assertThat((String) new ApiClient(port(context)).get("/actuator/health").json("$.status")).isEqualTo("UP");
				assertThat(unused).doesNotExist();
				try (var connection = external.getPostgresDatabase().getConnection();
						var rows = connection.createStatement().executeQuery("SELECT count(*) FROM catalogue_version")) {
					rows.next();
					assertThat(rows.getInt(1)).isEqualTo(1);
				}
			}
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> properties) {
		// command-line arguments, since they outrank application.yml (default properties do not)
		java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--server.port=0"));
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		return new SpringApplicationBuilder(OneGo.class).run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}
}

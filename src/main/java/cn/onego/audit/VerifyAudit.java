package cn.onego.audit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The command behind {@code tools/verify-audit}: the same verification as the endpoint, straight against the
 * database, without starting OneGo. It only reads. Exit status 0: intact; 1: findings; 2: could not verify.
 * <p>
 * Which database: {@code --url/--user/--password}, else {@code ONEGO_DB_URL}, {@code ONEGO_DB_USER},
 * {@code ONEGO_DB_PASSWORD}; else the embedded server running on {@code ONEGO_DATA_DIR} (default {@code ./data}),
 * found through its {@code postgres/postmaster.pid} and logged into as the application's role with the password
 * from {@code onego-credentials.properties}. Which key the anchors must verify with: {@code --public-key FILE},
 * else {@code ONEGO_AUDIT_PUBLIC_KEY}, else the {@code anchor-key.pub.pem} beside {@code ONEGO_AUDIT_KEY_FILE} or in
 * {@code <data-dir>/audit/}.
 */
public final class VerifyAudit {

	private VerifyAudit() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.getenv(), System.out, System.err));
	}

	static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("-h") || arg.equals("--help")) {
				out.println("usage: verify-audit [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--public-key FILE] "
						+ "[--url JDBC-URL --user USER --password PASSWORD] [--data-dir DIR]");
				return 0;
			}
			if (!arg.startsWith("--") || i + 1 >= args.length) {
				err.println("verify-audit: unknown argument " + arg + " (--help)");
				return 2;
			}
			options.put(arg.substring(2), args[++i]);
		}
		try {
			Path dataDir = Path.of(option(options, "data-dir", env, "ONEGO_DATA_DIR", "./data"));
			String url = option(options, "url", env, "ONEGO_DB_URL", null);
			String user = option(options, "user", env, "ONEGO_DB_USER", null);
			String password = option(options, "password", env, "ONEGO_DB_PASSWORD", null);
			if (url == null || url.isBlank()) {
				url = embeddedUrl(dataDir);
				user = "onego_app";
				password = embeddedPassword(dataDir, user);
			}
			Map<String, PublicKey> trusted = new HashMap<>();
			Path keyFile = publicKeyFile(options, env, dataDir);
			if (keyFile != null) {
				PublicKey key = AnchorKey.readPublic(Files.readString(keyFile, StandardCharsets.US_ASCII));
				trusted.put(AnchorKey.id(key), key);
				out.println("anchors must verify with SM2 key " + AnchorKey.id(key) + " (" + keyFile + ")");
			}
			else {
				out.println("no public key given: every anchor will be reported as signed by an unknown key");
			}
			SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url, user, password);
			LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
			Verifier verifier = new Verifier(JdbcClient.create(dataSource), trusted, today);
			String fromOption = options.get("from");
			String toOption = options.get("to");
			LocalDate to = toOption == null ? today : LocalDate.parse(toOption);
			LocalDate first = fromOption == null ? verifier.firstDay() : LocalDate.parse(fromOption);
			AuditReport report = verifier.verify(first == null ? to : first, to);
			print(report, out);
			return report.intact() ? 0 : 1;
		}
		catch (IOException | RuntimeException e) {
			err.println("verify-audit: could not verify: " + e.getMessage());
			return 2;
		}
	}

	static void print(AuditReport report, PrintStream out) {
		out.printf("audit trail %s to %s: %d records in %d chains, %d anchors%n", report.from(), report.to(), report.records(),
				report.chains(), report.anchors());
		if (report.intact()) {
			out.println("INTACT: every record hashes to its hash, every link holds, every anchor verifies");
		}
		else {
			AuditReport.Finding first = report.firstBrokenLink();
			if (first != null) {
				out.println("FIRST BROKEN LINK: " + line(first));
			}
			out.println("FINDINGS (" + report.findings().size() + (report.complete() ? "" : ", more left out") + "):");
			report.findings().forEach(f -> out.println("  " + line(f)));
		}
		if (!report.unanchoredDays().isEmpty()) {
			List<LocalDate> days = report.unanchoredDays();
			out.println("not anchored yet: " + (days.size() > 10 ? days.subList(0, 10) + " and " + (days.size() - 10) + " more" : days));
		}
	}

	private static String line(AuditReport.Finding f) {
		return f.kind() + " " + f.day() + (f.shard() == null ? "" : " shard " + f.shard()) + (f.seq() == null ? "" : " #" + f.seq())
				+ ": " + f.detail();
	}

	private static String option(Map<String, String> options, String name, Map<String, String> env, String variable,
			String fallback) {
		String value = options.get(name);
		if (value == null) {
			value = env.get(variable);
		}
		return value == null || value.isBlank() ? fallback : value;
	}

	private static Path publicKeyFile(Map<String, String> options, Map<String, String> env, Path dataDir) {
		String given = option(options, "public-key", env, "ONEGO_AUDIT_PUBLIC_KEY", null);
		if (given != null) {
			return Path.of(given);
		}
		String keyFile = env.get("ONEGO_AUDIT_KEY_FILE");
		Path beside = keyFile == null || keyFile.isBlank() ? dataDir.resolve("audit").resolve(AnchorKey.PUBLIC_FILE)
				: Path.of(keyFile).resolveSibling(AnchorKey.PUBLIC_FILE);
		return Files.isReadable(beside) ? beside : null;
	}

	/** The embedded server on the data directory, while OneGo runs it: its port is the fourth line of postmaster.pid. */
	private static String embeddedUrl(Path dataDir) throws IOException {
		Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
		if (!Files.exists(pid)) {
			throw new IllegalStateException("no database: set ONEGO_DB_URL (and ONEGO_DB_USER, ONEGO_DB_PASSWORD), or start OneGo "
					+ "so that its embedded PostgreSQL runs on " + dataDir.toAbsolutePath());
		}
		List<String> lines = Files.readAllLines(pid);
		if (lines.size() < 4) {
			throw new IllegalStateException("cannot read the port from " + pid);
		}
		return "jdbc:postgresql://127.0.0.1:" + lines.get(3).trim() + "/postgres";
	}

	private static String embeddedPassword(Path dataDir, String role) throws IOException {
		Path file = dataDir.resolve("onego-credentials.properties");
		Properties passwords = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			passwords.load(reader);
		}
		String password = passwords.getProperty(role + ".password");
		if (password == null) {
			throw new IllegalStateException("no password of " + role + " in " + file);
		}
		return password;
	}
}

package cn.onego.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.postgresql.Driver;

/**
 * Backup and restore of an OneGo data directory with the embedded PostgreSQL: {@code tools/backup} and
 * {@code tools/restore} (or {@code java -jar onego.jar backup|restore …}). Everything OneGo keeps is in that
 * directory: the database — the attachment store included, since uploads are rows of the {@code attachment}
 * table — the passwords of its logins, and the identity provider's signing key.
 * <p>
 * The embedded binaries have no {@code pg_dump} or {@code pg_basebackup}, and the Debian clients are too old for
 * the server, so a backup of a running server is PostgreSQL's own low-level base backup, over SQL: a temporary
 * replication slot keeps the write-ahead log, {@code pg_backup_start} checkpoints, the server's files are copied
 * while it runs, {@code pg_backup_stop} gives the {@code backup_label}, and the write-ahead log written meanwhile
 * is copied last. Started on a restored directory, PostgreSQL replays that log from the backup's checkpoint to a
 * consistent state; the copy is what was committed when the backup ended. A server that is not running is copied
 * as it is. A backup is a directory; pack it with {@code tar} to move it. There is no point-in-time recovery
 * (that would need WAL archiving, see {@code docs/ARCHITECTURE.md}).
 */
public final class Backups {

	/** The backup's own description, beside the copied directory: when, how, from which server version. */
	static final String DESCRIPTION = "onego-backup.properties";

	/** What {@code pg_backup_start} says to leave out of a base backup: recreated or useless after a restore. */
	private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init",
			"backup_label.old", "tablespace_map.old");
	private static final Set<String> COPIED_EMPTY = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
			"pg_snapshots", "pg_stat_tmp", "pg_subtrans");
	private static final Pattern START_SEGMENT = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");

	private Backups() {
	}

	/** What {@link #backup} did. */
	public record Made(Path target, boolean online, String startSegment) {
	}

	/**
	 * Copies the data directory to {@code target} (which must not exist or be empty), online when its embedded
	 * server runs.
	 */
	public static Made backup(Path dataDir, Path target) throws IOException, SQLException {
		Path postgres = dataDir.resolve("postgres");
		if (!Files.isRegularFile(postgres.resolve("PG_VERSION"))) {
			throw new IllegalArgumentException(dataDir + " is no OneGo data directory: " + postgres + "/PG_VERSION is missing");
		}
		prepareEmpty(target);
		Made made;
		Optional<Integer> port = runningPort(postgres);
		if (port.isPresent()) {
			made = online(dataDir, port.get(), target);
		}
		else {
			copyTree(postgres, target.resolve("postgres"), false);
			made = new Made(target, false, null);
		}
		copyBeside(dataDir, target);
		Properties description = new Properties();
		description.setProperty("made", Instant.now(Clock.systemUTC()).toString());
		description.setProperty("mode", made.online() ? "online base backup" : "copy of a stopped server");
		description.setProperty("postgres.version", Files.readString(postgres.resolve("PG_VERSION")).trim());
		if (made.startSegment() != null) {
			description.setProperty("start.segment", made.startSegment());
		}
		try (var out = Files.newBufferedWriter(target.resolve(DESCRIPTION), StandardCharsets.UTF_8)) {
			description.store(out, "OneGo backup; restore with tools/restore <this directory> <new data directory>");
		}
		return made;
	}

	/**
	 * Copies a backup into a new data directory ({@code dataDir} must not exist or be empty). OneGo started on it
	 * recovers the database to the end of the backup.
	 */
	public static void restore(Path backup, Path dataDir) throws IOException {
		if (!Files.isRegularFile(backup.resolve(DESCRIPTION)) || !Files.isRegularFile(backup.resolve("postgres/PG_VERSION"))) {
			throw new IllegalArgumentException(backup + " is no OneGo backup: " + DESCRIPTION + " or postgres/PG_VERSION is missing");
		}
		if (!Files.isRegularFile(backup.resolve(EmbeddedPostgresServer.PASSWORDS_FILE))) {
			throw new IllegalArgumentException(backup + " holds no " + EmbeddedPostgresServer.PASSWORDS_FILE
					+ ": without it nobody can log in to the restored database");
		}
		prepareEmpty(dataDir);
		try (Stream<Path> entries = Files.list(backup)) {
			for (Path entry : entries.toList()) {
				if (entry.getFileName().toString().equals(DESCRIPTION)) {
					continue;
				}
				copyTree(entry, dataDir.resolve(entry.getFileName().toString()), false);
			}
		}
		// PostgreSQL refuses a data directory others may read
		Files.setPosixFilePermissions(dataDir.resolve("postgres"), PosixFilePermissions.fromString("rwx------"));
		Files.setPosixFilePermissions(dataDir.resolve(EmbeddedPostgresServer.PASSWORDS_FILE), GeneratedPasswords.OWNER_ONLY);
	}

	private static Made online(Path dataDir, int port, Path target) throws IOException, SQLException {
		Path postgres = dataDir.resolve("postgres");
		try (Connection superuser = superuser(dataDir, port); Statement sql = superuser.createStatement()) {
			// keeps every WAL segment from here on until this session ends, whatever checkpoints happen meanwhile
			sql.execute("SELECT pg_create_physical_replication_slot('onego_backup_' || pg_backend_pid(), true, true)");
			sql.execute("SELECT pg_backup_start('onego ' || now(), true)");
			String label;
			String tablespaces;
			try {
				copyTree(postgres, target.resolve("postgres"), true);
			}
			finally {
				try (ResultSet stop = sql.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
					stop.next();
					label = stop.getString(1);
					tablespaces = stop.getString(2);
				}
			}
			Path copy = target.resolve("postgres");
			Files.writeString(copy.resolve("backup_label"), label, StandardCharsets.UTF_8);
			if (tablespaces != null && !tablespaces.isEmpty()) {
				Files.writeString(copy.resolve("tablespace_map"), tablespaces, StandardCharsets.UTF_8);
			}
			// the log from the backup's checkpoint to its end (pg_backup_stop switched to a new segment)
			try (Stream<Path> segments = Files.list(postgres.resolve("pg_wal"))) {
				for (Path entry : segments.sorted().toList()) {
					Path copied = copy.resolve("pg_wal").resolve(entry.getFileName().toString());
					if (Files.isDirectory(entry)) {
						Files.createDirectories(copied); // archive_status, summaries: empty in a backup
					}
					else {
						copyFile(entry, copied);
					}
				}
			}
			Matcher start = START_SEGMENT.matcher(label);
			String startSegment = start.find() ? start.group(1) : null;
			if (startSegment == null || !Files.exists(copy.resolve("pg_wal").resolve(startSegment))) {
				throw new IOException("the backup lacks the write-ahead log it starts from (" + startSegment + "): " + label);
			}
			return new Made(target, true, startSegment);
		}
	}

	/** The port of the postmaster serving the directory, if one runs (line 4 of {@code postmaster.pid}). */
	private static Optional<Integer> runningPort(Path postgres) throws IOException {
		Path pidFile = postgres.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 4) {
			return Optional.empty();
		}
		boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
			.isPresent();
		return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
	}

	private static Connection superuser(Path dataDir, int port) throws IOException, SQLException {
		Properties credentials = new Properties();
		try (var in = Files.newBufferedReader(dataDir.resolve(EmbeddedPostgresServer.PASSWORDS_FILE), StandardCharsets.UTF_8)) {
			credentials.load(in);
		}
		Properties login = new Properties();
		login.setProperty("user", Roles.SUPERUSER);
		login.setProperty("password", credentials.getProperty(Roles.SUPERUSER + ".password", ""));
		login.setProperty("ApplicationName", "onego-backup");
		return new Driver().connect("jdbc:postgresql://127.0.0.1:" + port + "/" + Roles.DATABASE, login);
	}

	/** Everything of the data directory beside the server's files: passwords, the signing key, later key files. */
	private static void copyBeside(Path dataDir, Path target) throws IOException {
		try (Stream<Path> entries = Files.list(dataDir)) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (!name.equals("postgres") && !name.endsWith(".new")) {
					copyTree(entry, target.resolve(name), false);
				}
			}
		}
	}

	private static void prepareEmpty(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> entries = Files.list(directory)) {
				if (entries.findAny().isPresent()) {
					throw new FileAlreadyExistsException(directory.toString(), null, "not empty");
				}
			}
		}
		Files.createDirectories(directory);
	}

	/**
	 * Copies a file or a directory tree with its permissions. A running server's copy leaves out what a base backup
	 * does not need, and a file the server removes meanwhile is simply not there.
	 */
	private static void copyTree(Path source, Path target, boolean running) throws IOException {
		if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
			copyFile(source, target);
			return;
		}
		Files.createDirectories(target);
		Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(source));
		List<Path> entries;
		try (Stream<Path> list = Files.list(source)) {
			entries = list.sorted().toList();
		}
		catch (NoSuchFileException gone) {
			return;
		}
		for (Path entry : entries) {
			String name = entry.getFileName().toString();
			if (running && (NOT_COPIED.contains(name) || name.startsWith("pgsql_tmp"))) {
				continue;
			}
			if (running && COPIED_EMPTY.contains(name) && Files.isDirectory(entry)) {
				Files.createDirectories(target.resolve(name));
				Files.setPosixFilePermissions(target.resolve(name), Files.getPosixFilePermissions(entry));
				continue;
			}
			copyTree(entry, target.resolve(name), running);
		}
	}

	private static void copyFile(Path source, Path target) throws IOException {
		try {
			Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING,
					LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException gone) {
			// removed by the running server while the tree was copied (a temporary file, a dropped relation)
		}
	}

	/**
	 * {@code backup <data directory> <target>} or {@code restore <backup> <new data directory>}; called by
	 * {@link cn.onego.OneGo#main} for those two commands.
	 */
	public static int run(String... args) {
		try {
			if (args.length == 3 && args[0].equals("backup")) {
				Made made = backup(Path.of(args[1]), Path.of(args[2]));
				System.out.println("OneGo backup of " + args[1] + " in " + made.target() + " ("
						+ (made.online() ? "online, from WAL segment " + made.startSegment() : "the server was not running") + ")");
				return 0;
			}
			if (args.length == 3 && args[0].equals("restore")) {
				restore(Path.of(args[1]), Path.of(args[2]));
				System.out.println("OneGo backup " + args[1] + " restored into " + args[2]
						+ "; start OneGo with ONEGO_DATA_DIR=" + args[2]);
				return 0;
			}
			System.err.println("usage: backup <data directory> <backup directory> | restore <backup directory> <new data directory>");
			return 2;
		}
		catch (IOException | SQLException | IllegalArgumentException e) {
			System.err.println(args[0] + " failed: " + e);
			return 1;
		}
		catch (UncheckedIOException e) {
			System.err.println(args[0] + " failed: " + e.getCause());
			return 1;
		}
	}
}

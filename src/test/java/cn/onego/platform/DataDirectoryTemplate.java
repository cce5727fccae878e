package cn.onego.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Data directories for tests that each start their own embedded PostgreSQL (the module tests): the first is made
 * the way OneGo makes a new one — initdb, the roles, their passwords, {@code pg_hba.conf} — and then stopped; each
 * test gets a copy of it, which OneGo starts as an existing data directory of its own (migrations and all that
 * follows as on any start). initdb and securing the server are most of a new embedded database's start, and on
 * a busy machine several seconds of it.
 */
public final class DataDirectoryTemplate {

	private static Path template;
	private static final List<Path> copies = new ArrayList<>();

	private DataDirectoryTemplate() {
	}

	/** A new data directory of a secured, stopped server with no tables yet; removed when the JVM ends. */
	public static synchronized Path copy() {
		try {
			if (template == null) {
				Path root = Files.createTempDirectory("onego-pg-template-");
				EmbeddedPostgresServer.start(root, false).close();
				template = root;
				Runtime.getRuntime().addShutdownHook(new Thread(DataDirectoryTemplate::removeAll));
			}
			Path copy = Files.createTempDirectory("onego-pg-module-");
			try (Stream<Path> files = Files.walk(template)) {
				for (Path from : (Iterable<Path>) files::iterator) {
					Path to = copy.resolve(template.relativize(from).toString());
					if (Files.isDirectory(from)) {
						// PostgreSQL refuses a data directory others may read (0700 or 0750 only)
						Files.createDirectories(to);
						Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
					}
					else {
						Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
					}
				}
			}
			copies.add(copy);
			return copy;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static synchronized void removeAll() {
		List<Path> all = new ArrayList<>(copies);
		all.add(template);
		for (Path root : all) {
			try (Stream<Path> files = Files.walk(root)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException e) {
				// a temporary directory left behind
			}
		}
	}
}

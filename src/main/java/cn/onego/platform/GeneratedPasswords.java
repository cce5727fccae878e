package cn.onego.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passwords of the embedded PostgreSQL's three logins, generated once and kept in a file readable by
 * its owner only. The file is the only copy: PostgreSQL stores SCRAM verifiers, from which a password
 * cannot be recovered.
 *
 * @param superuser password of {@code postgres}, for operators only; the application never uses it
 * @param owner password of {@link Roles#OWNER}, which owns the schema and runs the migrations
 * @param application password of {@link Roles#APPLICATION}, the application's least-privilege login
 */
record GeneratedPasswords(String superuser, String owner, String application) {

	private static final Logger log = LoggerFactory.getLogger(GeneratedPasswords.class);

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom random = new SecureRandom();

	@Override
	public String toString() {
		return "GeneratedPasswords[***]";
	}

	static GeneratedPasswords generate() {
		return new GeneratedPasswords(password(), password(), password());
	}

	/** 256 random bits, URL-safe Base64: nothing a properties file, a shell or a connection string would mangle. */
	private static String password() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The passwords in {@code file}, or new ones written there when it does not exist yet. */
	static GeneratedPasswords loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return load(file);
			}
			GeneratedPasswords passwords = generate();
			passwords.store(file);
			return passwords;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not read or write the database passwords in " + file, e);
		}
	}

	private static GeneratedPasswords load(Path file) throws IOException {
		if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
			// someone widened it (a copy, a restore from backup): narrow it again rather than refuse to start
			log.warn("{} was readable by others; its mode is set back to 600", file);
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
		Properties values = new Properties();
		try (Reader reader = new StringReader(Files.readString(file, StandardCharsets.UTF_8))) {
			values.load(reader);
		}
		return new GeneratedPasswords(required(values, Roles.SUPERUSER, file), required(values, Roles.OWNER, file),
				required(values, Roles.APPLICATION, file));
	}

	private static String required(Properties values, String role, Path file) {
		String password = values.getProperty(role + ".password");
		if (password == null || password.isBlank()) {
			throw new IllegalStateException(file + " holds no password for " + role);
		}
		return password;
	}

	/**
	 * Writes a temporary file created with mode 600 before any secret is in it, forces it to disk and moves it
	 * in place, so that the file is never readable by others and never half written.
	 */
	private void store(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		Path temporary = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(temporary);
		Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		String content = """
				# Passwords of OneGo's embedded PostgreSQL, generated at its first start. Keep this file private (mode 600):
				# it is their only copy. OneGo logs in as %2$s and migrates as %3$s; %1$s is for operators, e.g. from the
				# data directory:
				#   PGPASSWORD="$(sed -n 's/^%1$s.password=//p' %4$s)" psql -h 127.0.0.1 -p "$(sed -n 4p %5$s)" -U %1$s postgres
				%1$s.password=%6$s
				%3$s.password=%7$s
				%2$s.password=%8$s
				""".formatted(Roles.SUPERUSER, Roles.APPLICATION, Roles.OWNER, file.getFileName(),
				file.resolveSibling("postgres").getFileName() + "/postmaster.pid", superuser, owner, application);
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
		}
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
	}
}

package cn.onego.platform;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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

	static final Set<PosixFilePermission> OWNER_ONLY = SecretFiles.OWNER_ONLY;

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
		Properties values = new Properties();
		try (Reader reader = new StringReader(SecretFiles.read(file))) {
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

	private void store(Path file) throws IOException {
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
		SecretFiles.replace(file, content);
	}
}

package cn.onego.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The embedded server's {@code pg_hba.conf}. initdb writes one that trusts every local connection — any
 * process on the machine could log in as the superuser. OneGo replaces it with one that asks every
 * connection, over TCP on the loopback addresses or a local socket, for a SCRAM-SHA-256 password, and
 * has no line for anything else.
 */
final class HostBasedAuthentication {

	/** The first line of OneGo's file: its presence says the data directory is secured. */
	static final String MARKER = "# pg_hba.conf written by OneGo: a password (SCRAM-SHA-256) for every connection";

	private static final String CONTENT = MARKER + """

			# Nothing trusts the local machine: no line has "trust", "peer" or "ident", and there is no replication
			# line. The passwords are in ../onego-credentials.properties.
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			local   all       all                 scram-sha-256
			host    all       all   127.0.0.1/32  scram-sha-256
			host    all       all   ::1/128       scram-sha-256
			""";

	private HostBasedAuthentication() {
	}

	static boolean isOneGos(Path dataDirectory) throws IOException {
		Path file = file(dataDirectory);
		return Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).startsWith(MARKER);
	}

	/**
	 * Replaces the file in one step, so that a crash leaves either initdb's or OneGo's file and never half of
	 * one. PostgreSQL reads it again on {@code pg_reload_conf()}.
	 */
	static void write(Path dataDirectory) throws IOException {
		Path file = file(dataDirectory);
		Path temporary = file.resolveSibling("pg_hba.conf.onego");
		Files.deleteIfExists(temporary);
		Files.createFile(temporary, PosixFilePermissions.asFileAttribute(GeneratedPasswords.OWNER_ONLY));
		Files.writeString(temporary, CONTENT, StandardCharsets.UTF_8);
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	private static Path file(Path dataDirectory) {
		return dataDirectory.resolve("pg_hba.conf");
	}
}

package cn.onego.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files that hold secrets — the database's passwords, the keys of personal data, the audit anchors' and the
 * identity provider's signing keys: readable by their owner only, never half written, never readable by others
 * even for a moment (the temporary file is created with mode 600 before a secret is in it). On a file system
 * without POSIX permissions (Windows) its default ACLs apply.
 */
public final class SecretFiles {

	public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Logger log = LoggerFactory.getLogger(SecretFiles.class);

	private SecretFiles() {
	}

	/**
	 * The file's text. Someone widened its mode (a copy, a restore from backup)? It is narrowed again, rather
	 * than refusing to start.
	 */
	public static String read(Path file) throws IOException {
		if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
			log.warn("{} was readable by others; its mode is set back to 600", file);
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
		return Files.readString(file, StandardCharsets.UTF_8);
	}

	/** Writes the file whole, replacing what was there, forced to disk before it takes the old one's place. */
	public static void replace(Path file, String content) throws IOException {
		Path temporary = temporaryBeside(file);
		Files.move(temporary(temporary, content), file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

	/**
	 * Writes the file only if it does not exist yet (its directory made owner-only when it is made here).
	 * Whether this call created it: another node or process may have been first, and then both use theirs.
	 */
	public static boolean createOnce(Path file, String content) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			if (posix(directory)) {
				Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
			}
		}
		Path temporary = temporary(Files.createTempFile(directory, file.getFileName().toString(), ".tmp"), content);
		try {
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			return true;
		}
		catch (FileAlreadyExistsException e) {
			Files.deleteIfExists(temporary);
			return false;
		}
	}

	private static Path temporaryBeside(Path file) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Path temporary = file.resolveSibling(file.getFileName() + ".new");
		Files.deleteIfExists(temporary);
		if (posix(temporary.toAbsolutePath().getParent())) {
			Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		else {
			Files.createFile(temporary);
		}
		return temporary;
	}

	/** The temporary file, owner-only before the secret is written, with the secret on disk. */
	private static Path temporary(Path temporary, String content) throws IOException {
		if (posix(temporary)) {
			Files.setPosixFilePermissions(temporary, OWNER_ONLY);
		}
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
			channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
			channel.force(true);
		}
		return temporary;
	}

	private static boolean posix(Path path) {
		return path.getFileSystem().supportedFileAttributeViews().contains("posix");
	}
}

package cn.onego.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups of a data directory whose server is not running, and what a restore refuses. */
class BackupsTests {

	@TempDir
	Path directory;

	@Test
	void copiesAStoppedServersDirectoryWithThePasswordsAndTheSigningKeyAndRestoresIt() throws Exception {
		Path data = aStoppedDataDirectory("data");
		Path backup = directory.resolve("backup");

		Backups.Made made = Backups.backup(data, backup);
		assertThat(made.online()).isFalse();
		assertThat(backup.resolve(Backups.DESCRIPTION)).content().contains("copy of a stopped server").contains("postgres.version=17");

		Path restored = directory.resolve("restored");
		Backups.restore(backup, restored);
		assertThat(restored.resolve("postgres/base/1/1259")).hasContent("a relation");
		assertThat(restored.resolve("idp/signing-key.json")).hasContent("{}");
		assertThat(restored.resolve(Backups.DESCRIPTION)).doesNotExist();
		assertThat(Files.getPosixFilePermissions(restored.resolve("postgres"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));
		assertThat(Files.getPosixFilePermissions(restored.resolve(EmbeddedPostgresServer.PASSWORDS_FILE)))
			.isEqualTo(GeneratedPasswords.OWNER_ONLY);
	}

	@Test
	void neverWritesIntoADirectoryThatHoldsSomething() throws Exception {
		Path data = aStoppedDataDirectory("data");
		Path backup = directory.resolve("backup");
		Backups.backup(data, backup);

		assertThatThrownBy(() -> Backups.backup(data, backup)).isInstanceOf(FileAlreadyExistsException.class);
		assertThatThrownBy(() -> Backups.restore(backup, data)).isInstanceOf(FileAlreadyExistsException.class);
		assertThat(data.resolve("postgres/base/1/1259")).hasContent("a relation");
	}

	@Test
	void refusesWhatIsNoDataDirectoryOrNoBackup() throws Exception {
		Path data = aStoppedDataDirectory("data");
		Path backup = directory.resolve("backup");
		Backups.backup(data, backup);
		Files.delete(backup.resolve(EmbeddedPostgresServer.PASSWORDS_FILE));

		assertThatThrownBy(() -> Backups.restore(backup, directory.resolve("restored")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(EmbeddedPostgresServer.PASSWORDS_FILE);
		assertThatThrownBy(() -> Backups.backup(directory.resolve("nothing"), directory.resolve("elsewhere")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("PG_VERSION");
		assertThat(Backups.run("backup")).isEqualTo(2);
	}

	/** What a data directory holds, the server's files reduced to a few. */
	private Path aStoppedDataDirectory(String name) throws Exception {
		Path data = directory.resolve(name);
		Path postgres = Files.createDirectories(data.resolve("postgres/base/1"));
		Files.setPosixFilePermissions(data.resolve("postgres"), PosixFilePermissions.fromString("rwx------"));
		Files.writeString(data.resolve("postgres/PG_VERSION"), "17\n");
		Files.writeString(postgres.resolve("1259"), "a relation");
		Files.writeString(data.resolve(EmbeddedPostgresServer.PASSWORDS_FILE), "postgres.password=x\n");
		Files.setPosixFilePermissions(data.resolve(EmbeddedPostgresServer.PASSWORDS_FILE), GeneratedPasswords.OWNER_ONLY);
		Files.createDirectories(data.resolve("idp"));
		Files.writeString(data.resolve("idp/signing-key.json"), "{}");
		return data;
	}
}

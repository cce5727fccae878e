package cn.onego.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.RSAKey;

/** The signing key outlives a restart: generated once into the data directory, readable by the owner only. */
class SigningKeyTests {

	@TempDir
	Path data;

	@Test
	void isGeneratedOnceAndReadBackAfterARestart() throws Exception {
		Path directory = data.resolve("idp");
		RSAKey first = SigningKey.keptIn(directory);
		RSAKey again = SigningKey.keptIn(directory);
		assertThat(first.isPrivate()).isTrue();
		assertThat(again.getKeyID()).isEqualTo(first.getKeyID()).isEqualTo(first.computeThumbprint().toString());
		assertThat(again.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
		try (var files = Files.list(directory)) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SigningKey.FILE);
		}
	}

	@Test
	void isReadableByTheOwnerOnly() throws IOException {
		Path directory = data.resolve("idp");
		SigningKey.keptIn(directory);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.resolve(SigningKey.FILE))))
			.isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
	}

	@Test
	void aThrowAwayDatabaseGetsAKeyOfItsOwnEachTime() {
		assertThat(SigningKey.inMemory().getKeyID()).isNotEqualTo(SigningKey.inMemory().getKeyID());
	}
}

package cn.onego.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hash chain's serialisation, the anchor's signature and its key file, and what a record may not show. */
class AuditChainTests {

	static final LocalDate DAY = LocalDate.of(2026, 3, 2);
	static final Instant AT = Instant.parse("2026-03-02T02:00:00.123456Z");

	static Chain.Link aLink(String actor, String role, String reason) {
		return new Chain.Link(DAY, 3, 7, AT, actor, role, "hall:430102-HALL", "case.ACCEPTED", "case/1", reason, "req-1",
				Chain.GENESIS);
	}

	@Test
	void hashesWithSm3AsTheStandardsTestVectorSays() {
		// GB/T 32905-2016, example 1
		assertThat(Chain.sm3("abc".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
	}

	@Test
	void givesEveryFieldItsOwnPlaceSoThatMovingTextBetweenFieldsChangesTheHash() {
		String hash = Chain.hash(aLink("clerk-1", "WINDOW_CLERK", "mode STANDARD"));
		assertThat(Chain.hash(aLink("clerk-1", "WINDOW_CLERK", "mode STANDARD"))).isEqualTo(hash);
		assertThat(Chain.hash(aLink("clerk-1W", "INDOW_CLERK", "mode STANDARD"))).isNotEqualTo(hash);
		assertThat(Chain.hash(aLink("clerk-1", "WINDOW_CLERK", null))).isNotEqualTo(Chain.hash(aLink("clerk-1", "WINDOW_CLERK", "")));
	}

	@Test
	void hashesEveryFieldThePreviousHashAndThePositionAmongThem() {
		Chain.Link link = aLink("clerk-1", "WINDOW_CLERK", "mode STANDARD");
		String hash = Chain.hash(link);
		List<Chain.Link> changed = List.of(
				new Chain.Link(DAY.plusDays(1), 3, 7, AT, link.actor(), link.role(), link.scope(), link.action(), link.target(), link.reason(), link.requestId(), link.previousHash()),
				new Chain.Link(DAY, 4, 7, AT, link.actor(), link.role(), link.scope(), link.action(), link.target(), link.reason(), link.requestId(), link.previousHash()),
				new Chain.Link(DAY, 3, 8, AT, link.actor(), link.role(), link.scope(), link.action(), link.target(), link.reason(), link.requestId(), link.previousHash()),
				new Chain.Link(DAY, 3, 7, AT.plusNanos(1000), link.actor(), link.role(), link.scope(), link.action(), link.target(), link.reason(), link.requestId(), link.previousHash()),
				new Chain.Link(DAY, 3, 7, AT, link.actor(), link.role(), "hall:other", link.action(), link.target(), link.reason(), link.requestId(), link.previousHash()),
				new Chain.Link(DAY, 3, 7, AT, link.actor(), link.role(), link.scope(), "case.REFUSED", link.target(), link.reason(), link.requestId(), link.previousHash()),
				new Chain.Link(DAY, 3, 7, AT, link.actor(), link.role(), link.scope(), link.action(), "case/2", link.reason(), link.requestId(), link.previousHash()),
				new Chain.Link(DAY, 3, 7, AT, link.actor(), link.role(), link.scope(), link.action(), link.target(), link.reason(), "req-2", link.previousHash()),
				new Chain.Link(DAY, 3, 7, AT, link.actor(), link.role(), link.scope(), link.action(), link.target(), link.reason(), link.requestId(), "1".repeat(64)));
		assertThat(changed).allSatisfy(other -> assertThat(Chain.hash(other)).isNotEqualTo(hash));
	}

	@Test
	void keepsTimesToTheMicrosecondAsPostgresqlDoes() {
		Instant precise = Instant.parse("2026-03-02T02:00:00.123456789Z");
		assertThat(Chain.stored(precise)).isEqualTo(Instant.parse("2026-03-02T02:00:00.123456Z"));
	}

	@Test
	void masksIdAndMobileNumbersInAReason() {
		assertThat(Masking.masked("BLACKLISTED 11010519491231002X, SMS to 13812345678 done"))
			.isEqualTo("BLACKLISTED 1101**********002X, SMS to 138****5678 done");
		assertThat(Masking.masked("case 430102-20260302-00000042-7")).isEqualTo("case 430102-20260302-00000042-7");
		assertThat(Masking.masked("x".repeat(3000))).hasSize(Masking.LONGEST + 1);
	}

	@Test
	void signsAnAnchorWithSm2SoThatAnyChangeOfItsHeadsFailsTheSignature() {
		AnchorKey key = AnchorKey.generate();
		Anchor unsigned = new Anchor(DAY, List.of(new Anchor.Head(1, 5, "b".repeat(64)), new Anchor.Head(0, 2, "a".repeat(64))),
				AT, key.id(), "");
		byte[] signature = key.sign(unsigned.message());
		assertThat(unsigned.headsText()).as("by shard").isEqualTo("0:2:" + "a".repeat(64) + ";1:5:" + "b".repeat(64));
		assertThat(Anchor.parseHeads(unsigned.headsText())).isEqualTo(unsigned.heads());
		assertThat(AnchorKey.verify(key.publicKey(), unsigned.message(), signature)).isTrue();
		Anchor fewer = new Anchor(DAY, List.of(new Anchor.Head(0, 2, "a".repeat(64)), new Anchor.Head(1, 4, "b".repeat(64))), AT,
				key.id(), "");
		assertThat(AnchorKey.verify(key.publicKey(), fewer.message(), signature)).isFalse();
		assertThat(AnchorKey.verify(AnchorKey.generate().publicKey(), unsigned.message(), signature)).as("another key").isFalse();
		assertThat(AnchorKey.verify(key.publicKey(), unsigned.message(), Base64.getDecoder().decode("AAAA"))).isFalse();
	}

	@Test
	void keepsTheKeyPairInAFileOfItsOwnerOnlyAndExportsThePublicKey(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("audit").resolve(AnchorKey.FILE);
		AnchorKey created = AnchorKey.keptIn(file);
		AnchorKey again = AnchorKey.keptIn(file);
		assertThat(again.id()).isEqualTo(created.id()).hasSize(16);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
		String exported = Files.readString(file.resolveSibling(AnchorKey.PUBLIC_FILE));
		assertThat(exported).startsWith("-----BEGIN PUBLIC KEY-----").doesNotContain("PRIVATE");
		assertThat(AnchorKey.id(AnchorKey.readPublic(exported))).isEqualTo(created.id());
		byte[] message = "anchor".getBytes(StandardCharsets.US_ASCII);
		assertThat(AnchorKey.verify(AnchorKey.readPublic(exported), message, again.sign(message))).isTrue();
	}

	@Test
	void refusesAKeyFileWhosePublicKeyIsNotItsPrivateKeys(@TempDir Path dir) throws Exception {
		Path file = dir.resolve(AnchorKey.FILE);
		AnchorKey.keptIn(file);
		String pem = Files.readString(file);
		String otherPublic = AnchorKey.generate().publicPem();
		Files.writeString(file, pem.substring(0, pem.indexOf("-----BEGIN PUBLIC KEY-----")) + otherPublic);
		assertThatThrownBy(() -> AnchorKey.keptIn(file)).hasMessageContaining("do not belong together");
	}
}

package cn.onego.crossregion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The signature of a request between instances: what is signed, and that changing any part of it breaks it. */
class SignedRequestTests {

	static final InstanceKey SENDER = InstanceKey.generate();
	static final byte[] BODY = "{\"kind\":\"test.echo\",\"payload\":{\"text\":\"你好\"}}".getBytes(StandardCharsets.UTF_8);
	static final String AT = "2026-03-02T02:00:00Z";
	static final String NONCE = "n0nce-0123456789abcdef";

	static SignedRequest aMessage(String messageId, String timestamp, String nonce, byte[] body) {
		return new SignedRequest("PUT", SignedRequest.messagePath(messageId), timestamp, nonce, body);
	}

	@Test
	void signsMethodPathTimeNonceAndTheBodysSm3OnFiveLines() {
		SignedRequest request = aMessage("m-1", AT, NONCE, "abc".getBytes(StandardCharsets.US_ASCII));
		// GB/T 32905 appendix A: SM3("abc")
		assertThat(request.canonical()).isEqualTo("PUT\n/federation/v1/messages/m-1\n" + AT + "\n" + NONCE + "\n"
				+ "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
	}

	@Test
	void aSignatureVerifiesWithTheSendersKeyOnly() {
		SignedRequest request = aMessage("m-1", AT, NONCE, BODY);
		String signature = request.signWith(SENDER);
		assertThat(request.signedBy(SENDER.publicKey(), signature)).isTrue();
		assertThat(request.signedBy(InstanceKey.generate().publicKey(), signature)).as("another instance's key").isFalse();
	}

	@Test
	void aTamperedBodyPathTimestampOrNonceIsRefused() {
		String signature = aMessage("m-1", AT, NONCE, BODY).signWith(SENDER);
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("你好", "再见").getBytes(StandardCharsets.UTF_8);
		assertThat(aMessage("m-1", AT, NONCE, tampered).signedBy(SENDER.publicKey(), signature)).as("body").isFalse();
		assertThat(aMessage("m-2", AT, NONCE, BODY).signedBy(SENDER.publicKey(), signature)).as("path").isFalse();
		assertThat(aMessage("m-1", "2026-03-02T02:00:01Z", NONCE, BODY).signedBy(SENDER.publicKey(), signature)).as("timestamp")
			.isFalse();
		assertThat(aMessage("m-1", AT, NONCE + "x", BODY).signedBy(SENDER.publicKey(), signature)).as("nonce").isFalse();
		assertThat(new SignedRequest("POST", SignedRequest.messagePath("m-1"), AT, NONCE, BODY).signedBy(SENDER.publicKey(), signature))
			.as("method").isFalse();
	}

	@Test
	void aMalformedSignatureIsABadOneNotAnError() {
		SignedRequest request = aMessage("m-1", AT, NONCE, BODY);
		assertThat(request.signedBy(SENDER.publicKey(), null)).isFalse();
		assertThat(request.signedBy(SENDER.publicKey(), "not base64 at all!")).isFalse();
		assertThat(request.signedBy(SENDER.publicKey(), "AAAA")).isFalse();
		assertThat(request.signedBy(SENDER.publicKey(), "A".repeat(10_000))).isFalse();
	}

	@Test
	void aTimestampCountsWithinThreeHundredSecondsEitherWay() {
		Instant now = Instant.parse(AT);
		assertThat(aMessage("m", "2026-03-02T01:55:00Z", NONCE, BODY).timelyAt(now)).as("300 s before").isTrue();
		assertThat(aMessage("m", "2026-03-02T02:05:00Z", NONCE, BODY).timelyAt(now)).as("300 s after").isTrue();
		assertThat(aMessage("m", "2026-03-02T01:54:59Z", NONCE, BODY).timelyAt(now)).as("301 s before").isFalse();
		assertThat(aMessage("m", "2026-03-02T02:05:01Z", NONCE, BODY).timelyAt(now)).as("301 s after").isFalse();
		assertThat(aMessage("m", "yesterday", NONCE, BODY).timelyAt(now)).isFalse();
		assertThat(aMessage("m", null, NONCE, BODY).timelyAt(now)).isFalse();
	}

	@Test
	void aNonceHasAtLeastSixteenSafeCharacters() {
		assertThat(aMessage("m", AT, "0123456789abcdef", BODY).nonceWellFormed()).isTrue();
		assertThat(aMessage("m", AT, FederationSender.nonce(), BODY).nonceWellFormed()).as("the sender's").isTrue();
		assertThat(aMessage("m", AT, "0123456789abcde", BODY).nonceWellFormed()).as("15").isFalse();
		assertThat(aMessage("m", AT, "0123456789abcdef\n", BODY).nonceWellFormed()).isFalse();
		assertThat(aMessage("m", AT, null, BODY).nonceWellFormed()).isFalse();
	}

	@Test
	void aPartnersKeyIsReadAsPemOrBase64AndOnlyOfTheSm2Curve() throws Exception {
		assertThat(InstanceKey.readPublic(SENDER.publicPem())).isEqualTo(SENDER.publicKey());
		assertThat(InstanceKey.readPublic(SENDER.publicBase64())).isEqualTo(SENDER.publicKey());
		java.security.KeyPairGenerator p256 = java.security.KeyPairGenerator.getInstance("EC");
		p256.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
		String other = java.util.Base64.getEncoder().encodeToString(p256.generateKeyPair().getPublic().getEncoded());
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> InstanceKey.readPublic(other));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> InstanceKey.readPublic("garbage"));
	}
}

package cn.onego.licences;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignedContentTests {

	private static final SignedContent LICENCE = new SignedContent("1.2.156.3005.2.x", "FOOD_BUSINESS_LICENCE", "JY14301020000001",
			"430102196001010014", "食品经营许可证", "长沙市芙蓉区市场监督管理局", "11430102AAAAAAAA00", LocalDate.of(2026, 3, 2),
			LocalDate.of(2031, 3, 1), Map.of("持证人", "陈创业", "办件编号", "430102-20260302-00000001-6"));

	@ParameterizedTest
	@EnumSource(SignatureAlgorithm.class)
	void aSignatureVerifiesOverTheSameContentOnlyUnderItsOwnKey(SignatureAlgorithm algorithm) {
		KeyPair key = algorithm.generate();
		byte[] signature = new Signers(algorithm, key.getPrivate()).sign(LICENCE.canonical());
		assertThat(algorithm.verify(key.getPublic(), LICENCE.canonical(), signature)).isTrue();
		assertThat(algorithm.verify(SignatureAlgorithm.publicKey(key.getPublic().getEncoded()), LICENCE.canonical(), signature))
			.as("the published key, read back").isTrue();
		SignedContent later = new SignedContent(LICENCE.identifier(), LICENCE.licenceType(), LICENCE.number(), LICENCE.holder(),
				LICENCE.name(), LICENCE.issuer(), LICENCE.issuerCode(), LICENCE.issuedOn(), LocalDate.of(2099, 12, 31), LICENCE.data());
		assertThat(algorithm.verify(key.getPublic(), later.canonical(), signature)).as("validity changed").isFalse();
		assertThat(algorithm.verify(algorithm.generate().getPublic(), LICENCE.canonical(), signature)).as("another key").isFalse();
		assertThat(algorithm.verify(key.getPublic(), LICENCE.canonical(), new byte[] { 1, 2, 3 })).as("garbage").isFalse();
	}

	@ParameterizedTest
	@EnumSource(SignatureAlgorithm.class)
	void keptSignersSignOneContentAfterAnotherAndAtOnceEachSignatureOverItsOwnContentOnly(SignatureAlgorithm algorithm)
			throws Exception {
		KeyPair key = algorithm.generate();
		Signers signers = new Signers(algorithm, key.getPrivate());
		java.util.concurrent.ExecutorService four = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			java.util.List<java.util.concurrent.Future<byte[]>> signed = new java.util.ArrayList<>();
			for (int i = 0; i < 40; i++) {
				byte[] content = ("document " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
				signed.add(four.submit(() -> signers.sign(content)));
			}
			for (int i = 0; i < 40; i++) {
				byte[] signature = signed.get(i).get();
				assertThat(algorithm.verify(key.getPublic(), ("document " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8), signature))
					.as("signature " + i + " over its own content").isTrue();
				assertThat(algorithm.verify(key.getPublic(), ("document " + (i + 1)).getBytes(java.nio.charset.StandardCharsets.UTF_8),
						signature)).as("and over no other").isFalse();
			}
		}
		finally {
			four.shutdownNow();
		}
	}

	@ParameterizedTest
	@EnumSource(SignatureAlgorithm.class)
	void noFieldCanBorrowFromTheNext(SignatureAlgorithm algorithm) {
		SignedContent a = new SignedContent("id", "T", "N1", "H", "name", "issuer", "code", null, null, Map.of("k", "v"));
		SignedContent b = new SignedContent("id", "T", "N", "1H", "name", "issuer", "code", null, null, Map.of("k", "v"));
		SignedContent c = new SignedContent("id", "T", "N1", "H", "name", "issuer", "code", null, null, Map.of("k", "v\ndata.x:1:y"));
		assertThat(a.canonical()).isNotEqualTo(b.canonical()).isNotEqualTo(c.canonical());
		assertThat(algorithm.signatureName()).isNotBlank();
	}
}

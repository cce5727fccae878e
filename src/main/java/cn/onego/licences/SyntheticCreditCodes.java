package cn.onego.licences;

import java.nio.charset.StandardCharsets;

import org.bouncycastle.crypto.digests.SM3Digest;

import cn.onego.shared.CreditCode;

/**
 * A stand-in 统一社会信用代码 of a government body (registration authority {@code 1}, kind {@code 1}: 机关) that
 * OneGo knows by name only: its departments and the ministries defining licence types carry no credit code in the
 * catalogue. Derived from the name (SM3), so the same name always has the same code, and valid under GB 32100
 * and GB 11714 — but <b>not the body's real code</b>: a deployment replaces it with the real one
 * ({@code onego.licences.issuer-codes}).
 */
final class SyntheticCreditCodes {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] ORG_WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	private SyntheticCreditCodes() {
	}

	/** The stand-in code of the body of that name, registered in the region (6 digits). */
	static String of(String name, String region) {
		SM3Digest sm3 = new SM3Digest();
		byte[] in = name.getBytes(StandardCharsets.UTF_8);
		sm3.update(in, 0, in.length);
		byte[] hash = new byte[32];
		sm3.doFinal(hash, 0);
		StringBuilder organisation = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			organisation.append(ALPHABET.charAt((hash[i] & 0xff) % ALPHABET.length()));
		}
		String body = "11" + region + organisation + organisationCheck(organisation.toString());
		return body + CreditCode.checkCharacter(body);
	}

	/** The GB 11714 check character of the 8-character organisation code. */
	private static char organisationCheck(String body) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			char c = body.charAt(i);
			sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORG_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
	}
}

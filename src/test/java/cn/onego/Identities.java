package cn.onego;

import java.util.concurrent.atomic.AtomicInteger;

import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;

/**
 * Fresh, valid identities for tests — never the demo data's — so that every test works on people and
 * enterprises nobody else uses.
 */
public final class Identities {

	private static final AtomicInteger sequence = new AtomicInteger((int) (System.nanoTime() % 400));

	private Identities() {
	}

	/** A valid 公民身份号码 of someone born in 长沙市芙蓉区 in the 1960s. */
	public static String idNumber() {
		int n = sequence.incrementAndGet();
		String body = "430102" + (1960 + n % 10) + String.format("%02d%02d", 1 + n % 12, 1 + n % 28)
				+ String.format("%03d", n % 1000);
		return body + IdNumber.checkCharacter(body);
	}

	/**
	 * A licence or permit number nobody else holds: the prefix, then digits unique in this run. A licence
	 * number belongs to one holder, so tests never share one.
	 */
	public static String licenceNumber(String prefix) {
		return prefix + String.format("%010d", sequence.incrementAndGet());
	}

	/** A valid 统一社会信用代码 of a company registered in 长沙市. */
	public static String creditCode() {
		int n = sequence.incrementAndGet();
		String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
		String organisation = "MA" + String.format("%06d", n % 1_000_000);
		int sum = 0;
		int[] weights = { 3, 7, 9, 10, 5, 8, 4, 2 };
		for (int i = 0; i < 8; i++) {
			char c = organisation.charAt(i);
			sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * weights[i];
		}
		int check = 11 - sum % 11;
		String body = "91430100" + organisation + (check == 10 ? "X" : check == 11 ? "0" : String.valueOf(check));
		return body + CreditCode.checkCharacter(body);
	}
}

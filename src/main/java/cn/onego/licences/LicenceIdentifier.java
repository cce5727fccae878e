package cn.onego.licences;

import java.util.regex.Pattern;

/**
 * 电子证照标识 in the shape of GB/T 36904-2018: {@code 1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check>},
 * e.g. {@code 1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F}. The type code is the
 * credit code of the authority that defines the licence type followed by a 3-digit type number; the issuer code
 * is the issuing department's credit code; the version is {@code 001} for a first issue.
 * <p>
 * <b>Assumption:</b> the standard's text could not be read (reference-facts §3.5). The check character is
 * ISO 7064 MOD 37,36 over the type code, issuer code, serial and version without the dots: it reproduces the
 * check characters of both live identifiers quoted there ({@code F} and {@code U}), which is all the evidence.
 */
public record LicenceIdentifier(String value) {

	static final String PREFIX = "1.2.156.3005.2.";
	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	private static final Pattern SHAPE = Pattern.compile(
			"1\\.2\\.156\\.3005\\.2\\.[0-9A-Z]{18}\\d{3}\\.[0-9A-Z]{18}\\.\\d{1,20}\\.\\d{3}\\.[0-9A-Z]");

	public LicenceIdentifier {
		if (!isValid(value)) {
			throw new IllegalArgumentException("not a licence identifier: " + value);
		}
	}

	/** The identifier of a first issue (version 001) of one licence. */
	public static LicenceIdentifier of(String typeCode, String issuerCode, long serial) {
		String body = typeCode + "." + issuerCode + "." + serial + ".001";
		return new LicenceIdentifier(PREFIX + body + "." + checkCharacter(body));
	}

	/** Whether the text has the identifier's shape and its check character. */
	public static boolean isValid(String value) {
		if (value == null || value.length() > 100 || !SHAPE.matcher(value).matches()) {
			return false;
		}
		String body = value.substring(PREFIX.length(), value.length() - 2);
		return value.charAt(value.length() - 1) == checkCharacter(body);
	}

	/** ISO 7064 MOD 37,36 (hybrid system) over the characters of the body, dots left out. */
	static char checkCharacter(String body) {
		int p = 36;
		for (char c : body.toCharArray()) {
			if (c == '.') {
				continue;
			}
			int s = (p + ALPHABET.indexOf(c)) % 36;
			p = (s == 0 ? 36 : s) * 2 % 37;
		}
		return ALPHABET.charAt((37 - p) % 36);
	}

	@Override
	public String toString() {
		return value;
	}
}

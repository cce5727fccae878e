package cn.onego.licences;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an issuer's signature covers: the identifier, type, number, holder, issuer (name and code) and validity of a
 * licence and the data on it. The canonical form is UTF-8 text, one field a line in this fixed order, each as
 * {@code name:length:value} (length in UTF-8 bytes, so no value can be mistaken for the next field), the data's
 * entries sorted by key after them; an absent date is empty. Status (revocation) is not signed: it changes after
 * issue, and is kept and shown apart.
 */
record SignedContent(String identifier, String licenceType, String number, String holder, String name, String issuer,
		String issuerCode, LocalDate issuedOn, LocalDate validUntil, Map<String, String> data) {

	static final String VERSION = "onego-e-licence-v1";

	byte[] canonical() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(512);
		field(out, "form", VERSION);
		field(out, "identifier", identifier);
		field(out, "type", licenceType);
		field(out, "number", number);
		field(out, "holder", holder);
		field(out, "name", name);
		field(out, "issuer", issuer);
		field(out, "issuerCode", issuerCode);
		field(out, "issuedOn", issuedOn == null ? "" : issuedOn.toString());
		field(out, "validUntil", validUntil == null ? "" : validUntil.toString());
		new TreeMap<>(data == null ? Map.<String, String>of() : data).forEach((key, value) -> field(out, "data." + key, value));
		return out.toByteArray();
	}

	private static void field(ByteArrayOutputStream out, String name, String value) {
		byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
		out.writeBytes((name + ":" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(bytes);
		out.write('\n');
	}
}

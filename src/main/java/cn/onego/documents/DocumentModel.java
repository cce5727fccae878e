package cn.onego.documents;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * A document as issued, before it is drawn: its kind, number, title, issuer and date, the case it belongs to, and
 * its text in blocks (paragraphs, lists under headings), the legal basis and the remedies. {@link #canonical()} is
 * what the issuer's seal covers.
 */
record DocumentModel(DocumentKind kind, String number, String title, String issuer, LocalDate issuedOn, String caseNumber,
		List<Block> blocks, String legalBasis, String remedy) {

	static final String VERSION = "onego-document-v1";

	/** A paragraph (no heading, one line) or a list under a heading. */
	record Block(String heading, List<String> lines) {

		Block {
			lines = List.copyOf(lines);
		}

		static Block paragraph(String text) {
			return new Block(null, List.of(text));
		}
	}

	DocumentModel {
		blocks = List.copyOf(blocks);
	}

	/**
	 * UTF-8 text, one field a line as {@code name:length:value} (length in bytes, so no value runs into the next), the
	 * blocks in order: the same document always gives the same bytes, and any change to what it says changes them.
	 */
	byte[] canonical() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
		field(out, "form", VERSION);
		field(out, "kind", kind.name());
		field(out, "number", number);
		field(out, "title", title);
		field(out, "issuer", issuer);
		field(out, "issuedOn", issuedOn.toString());
		field(out, "case", caseNumber);
		for (int i = 0; i < blocks.size(); i++) {
			Block b = blocks.get(i);
			field(out, "block." + i + ".heading", b.heading());
			for (int j = 0; j < b.lines().size(); j++) {
				field(out, "block." + i + "." + j, b.lines().get(j));
			}
		}
		field(out, "legalBasis", legalBasis);
		field(out, "remedy", remedy);
		return out.toByteArray();
	}

	/**
	 * The document again from its canonical bytes, as {@link #canonical()} wrote them: what its PDF is drawn from when
	 * it is first downloaded. An empty heading, legal basis or remedy comes back as none, which draws the same.
	 */
	static DocumentModel parse(byte[] canonical) {
		java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
		int at = 0;
		while (at < canonical.length) {
			int nameEnd = indexOf(canonical, (byte) ':', at);
			int lengthEnd = indexOf(canonical, (byte) ':', nameEnd + 1);
			String name = new String(canonical, at, nameEnd - at, StandardCharsets.UTF_8);
			int length = Integer.parseInt(new String(canonical, nameEnd + 1, lengthEnd - nameEnd - 1, StandardCharsets.US_ASCII));
			fields.put(name, new String(canonical, lengthEnd + 1, length, StandardCharsets.UTF_8));
			at = lengthEnd + 1 + length;
			if (at >= canonical.length || canonical[at] != '\n') {
				throw new IllegalArgumentException("not a canonical document: field " + name + " does not end its line");
			}
			at++;
		}
		if (!VERSION.equals(fields.get("form"))) {
			throw new IllegalArgumentException("not a canonical document of form " + VERSION);
		}
		List<Block> blocks = new java.util.ArrayList<>();
		for (int i = 0; fields.containsKey("block." + i + ".heading"); i++) {
			List<String> lines = new java.util.ArrayList<>();
			for (int j = 0; fields.containsKey("block." + i + "." + j); j++) {
				lines.add(fields.get("block." + i + "." + j));
			}
			blocks.add(new Block(emptyAsNone(fields.get("block." + i + ".heading")), lines));
		}
		return new DocumentModel(DocumentKind.valueOf(fields.get("kind")), fields.get("number"), fields.get("title"), fields.get("issuer"),
				LocalDate.parse(fields.get("issuedOn")), fields.get("case"), blocks, emptyAsNone(fields.get("legalBasis")),
				emptyAsNone(fields.get("remedy")));
	}

	private static int indexOf(byte[] bytes, byte b, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == b) {
				return i;
			}
		}
		throw new IllegalArgumentException("not a canonical document: a field without its length");
	}

	private static String emptyAsNone(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private static void field(ByteArrayOutputStream out, String name, String value) {
		byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
		out.writeBytes((name + ":" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(bytes);
		out.write('\n');
	}
}

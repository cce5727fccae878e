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

	private static void field(ByteArrayOutputStream out, String name, String value) {
		byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
		out.writeBytes((name + ":" + bytes.length + ":").getBytes(StandardCharsets.UTF_8));
		out.writeBytes(bytes);
		out.write('\n');
	}
}

package cn.onego.licences;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;

import io.nayuki.qrcodegen.QrCode;

/**
 * A licence as a one-page A4 PDF for its holder: the data on it, the QR of its verification URL and its identifier.
 * Chinese text needs a TrueType font with glyf outlines: Debian's WenQuanYi Zen Hei ({@code fonts-wqy-zenhei}; the
 * Noto CJK fonts are CFF and PDFBox cannot embed them), subset into the file. The PDF carries no signature of its
 * own: ordinary PDF readers do not know SM2, so the QR — verified on this platform — is what proves it.
 */
final class LicencePdf {

	static final Path FONT = Path.of(System.getProperty("onego.pdf-font", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

	private LicencePdf() {
	}

	static byte[] render(Wallet.Entry entry, String holder, String verificationUrl) {
		if (!Files.isReadable(FONT)) {
			throw new FontMissing();
		}
		try (PDDocument doc = new PDDocument(); TrueTypeCollection fonts = new TrueTypeCollection(FONT.toFile())) {
			TrueTypeFont ttf = fonts.getFontByName("WenQuanYiZenHei");
			PDType0Font font = PDType0Font.load(doc, ttf == null ? fonts.getFontByName("WenQuanYi Zen Hei") : ttf, true);
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle(entry.name() + " " + entry.number());
			info.setCreator("OneGo 一件事一次办");
			float width = page.getMediaBox().getWidth();
			try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
				float y = page.getMediaBox().getHeight() - 80;
				text(out, font, 22, 60, y, entry.name() == null ? entry.typeName().zh() : entry.name());
				y -= 18;
				text(out, font, 10, 60, y, "电子证照 Electronic licence · " + entry.typeName().en());
				y -= 36;
				for (String[] line : lines(entry, holder)) {
					text(out, font, 11, 60, y, line[0]);
					y = wrapped(out, font, 11, 170, y, line[1], width - 170 - 60);
					y -= 8;
				}
				qr(out, LicenceQr.encode(verificationUrl), width - 60 - 150, 80, 150);
				text(out, font, 9, 60, 200, "扫码核验 Scan to verify:");
				wrapped(out, font, 8, 60, 186, verificationUrl, width - 60 - 150 - 60 - 20);
				text(out, font, 9, 60, 110, "电子证照标识 Identifier:");
				wrapped(out, font, 8, 60, 96, entry.identifier() == null ? "" : entry.identifier(), width - 60 - 150 - 60 - 20);
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			doc.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the licence PDF", e);
		}
	}

	private static List<String[]> lines(Wallet.Entry entry, String holder) {
		List<String[]> lines = new ArrayList<>();
		lines.add(new String[] { "证照编号", entry.number() });
		// a person's number masked, as everywhere a person does not need it whole: the PDF is made to be passed on
		lines.add(new String[] { "持证主体", holder == null ? "" : CreditCode.isValid(holder) ? holder : IdNumber.mask(holder) });
		for (Map.Entry<String, String> field : entry.data().entrySet()) {
			lines.add(new String[] { field.getKey(), field.getValue() == null ? "" : field.getValue() });
		}
		lines.add(new String[] { "发证机关", entry.issuer() == null ? "" : entry.issuer() });
		lines.add(new String[] { "发证日期", entry.issuedOn() == null ? "—" : entry.issuedOn().toString() });
		lines.add(new String[] { "有效期至", entry.validUntil() == null ? "长期" : entry.validUntil().toString() });
		return lines;
	}

	private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text) throws IOException {
		out.beginText();
		out.setFont(font, size);
		out.newLineAtOffset(x, y);
		out.showText(printable(text));
		out.endText();
	}

	/** Text broken into lines that fit the width; the y below the last. */
	private static float wrapped(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text, float width)
			throws IOException {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < printable(text).length(); i++) {
			char c = printable(text).charAt(i);
			if (font.getStringWidth(line.toString() + c) / 1000 * size > width && line.length() > 0) {
				text(out, font, size, x, y, line.toString());
				y -= size + 4;
				line.setLength(0);
			}
			line.append(c);
		}
		text(out, font, size, x, y, line.toString());
		return y - size - 4;
	}

	/** Leaves out what the font cannot show (control characters, characters outside it), rather than failing. */
	private static String printable(String text) {
		StringBuilder kept = new StringBuilder();
		(text == null ? "" : text).codePoints()
			.filter(cp -> cp >= 0x20 && cp <= 0xFFFF && !Character.isISOControl(cp))
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

	private static void qr(PDPageContentStream out, QrCode qr, float x, float y, float size) throws IOException {
		float module = size / (qr.size + LicenceQr.BORDER * 2);
		for (int row = 0; row < qr.size; row++) {
			for (int column = 0; column < qr.size; column++) {
				if (qr.getModule(column, row)) {
					out.addRect(x + (column + LicenceQr.BORDER) * module, y + size - (row + LicenceQr.BORDER + 1) * module, module, module);
				}
			}
		}
		out.fill();
	}

	/** The PDF font is not installed on this server. 503: an operator installs {@code fonts-wqy-zenhei}. */
	static class FontMissing extends Problem {

		FontMissing() {
			super(HttpStatus.SERVICE_UNAVAILABLE, "pdf-font-missing", Message.of("暂时无法生成PDF", "PDF not available"),
					Message.of("服务器缺少生成中文PDF所需的字体，请稍后再试或联系管理员。",
							"The server lacks the font for Chinese PDFs; try later or tell the administrator."),
					List.of());
		}
	}
}

package cn.onego.documents;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

import io.nayuki.qrcodegen.QrCode;

/**
 * A document as an A4 PDF: title, number, text, legal basis and remedies, the issuer's name and date under its seal
 * (a red circle with the body's name: the drawn stamp; the SM2 signature is kept with the document and checked on the
 * verification page, as ordinary PDF readers do not know SM2), the QR of the verification page and, on an acceptance
 * notice, the QR of the progress look-up. Chinese text in WenQuanYi Zen Hei (fonts-wqy-zenhei), subset into the file.
 * The number is also in the document information ({@value #NUMBER_KEY}), so an uploaded copy names itself.
 */
final class DocumentPdf {

	static final String NUMBER_KEY = "OneGoDocumentNumber";
	static final Path FONT = Path.of(System.getProperty("onego.pdf-font", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));
	private static final ParsedFonts FONTS = new ParsedFonts(FONT);

	private static final float MARGIN = 64;
	private static final float BOTTOM = 200;
	private static final int QR_BORDER = 4;
	private static final Color SEAL_RED = new Color(0xD0, 0x10, 0x10);

	private DocumentPdf() {
	}

	static byte[] render(DocumentModel model, String verificationUrl, String progressUrl) {
		if (!Files.isReadable(FONT)) {
			throw new FontMissing();
		}
		try {
			return FONTS.lend(fonts -> sealed(model, verificationUrl, progressUrl, fonts));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the document PDF", e);
		}
	}

	private static byte[] sealed(DocumentModel model, String verificationUrl, String progressUrl, TrueTypeCollection fonts)
			throws IOException {
		try (PDDocument doc = new PDDocument()) {
			PDType0Font font = font(doc, fonts);
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setTitle(model.title() + " " + model.number());
			info.setCreator("OneGo 一件事一次办");
			info.setCustomMetadataValue(NUMBER_KEY, model.number());
			Pages pages = new Pages(doc, font);
			float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
			pages.centred(20, model.title());
			pages.gap(6);
			pages.right(10, "文书编号：" + model.number());
			pages.gap(14);
			body(pages, model.blocks(), width);
			if (model.legalBasis() != null && !model.legalBasis().isBlank()) {
				pages.lines(11, MARGIN, "法律依据：" + model.legalBasis(), width);
				pages.gap(4);
			}
			if (model.remedy() != null && !model.remedy().isBlank()) {
				pages.lines(12, MARGIN, "　　" + model.remedy(), width);
			}
			pages.footer(model, verificationUrl, progressUrl);
			pages.close();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			doc.save(bytes);
			return bytes.toByteArray();
		}
	}

	/**
	 * A document that is neither issued nor sealed — a service guide — as an A4 PDF: its title and its blocks, drawn
	 * as an official document's text is, without number, seal or QR codes.
	 */
	static byte[] renderPlain(String title, List<DocumentModel.Block> blocks) {
		if (!Files.isReadable(FONT)) {
			throw new FontMissing();
		}
		try {
			return FONTS.lend(fonts -> plain(title, blocks, fonts));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write the PDF", e);
		}
	}

	private static byte[] plain(String title, List<DocumentModel.Block> blocks, TrueTypeCollection fonts) throws IOException {
		try (PDDocument doc = new PDDocument()) {
			PDType0Font font = font(doc, fonts);
			doc.getDocumentInformation().setTitle(title);
			doc.getDocumentInformation().setCreator("OneGo 一件事一次办");
			Pages pages = new Pages(doc, font);
			pages.centred(18, title);
			pages.gap(14);
			body(pages, blocks, PDRectangle.A4.getWidth() - 2 * MARGIN);
			pages.close();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			doc.save(bytes);
			return bytes.toByteArray();
		}
	}

	private static PDType0Font font(PDDocument doc, TrueTypeCollection fonts) throws IOException {
		TrueTypeFont ttf = fonts.getFontByName("WenQuanYiZenHei");
		return PDType0Font.load(doc, ttf == null ? fonts.getFontByName("WenQuanYi Zen Hei") : ttf, true);
	}

	/** The blocks down the pages: a paragraph indented, a list under its heading. */
	private static void body(Pages pages, List<DocumentModel.Block> blocks, float width) throws IOException {
		for (DocumentModel.Block block : blocks) {
			if (block.heading() != null) {
				pages.lines(12, MARGIN, block.heading() + "：", width);
				for (String line : block.lines()) {
					pages.lines(11, MARGIN + 16, "· " + line, width - 16);
				}
			}
			else {
				pages.lines(12, MARGIN, "　　" + block.lines().get(0), width);
			}
			pages.gap(6);
		}
	}

	/** Lines down the pages, a new page when one is full; the last page keeps room for the seal and the QR codes. */
	private static final class Pages {

		private final PDDocument doc;
		private final PDType0Font font;
		private PDPageContentStream out;
		private float y;

		Pages(PDDocument doc, PDType0Font font) throws IOException {
			this.doc = doc;
			this.font = font;
			next();
		}

		private void next() throws IOException {
			if (out != null) {
				out.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			out = new PDPageContentStream(doc, page);
			y = page.getMediaBox().getHeight() - 72;
		}

		void gap(float points) {
			y -= points;
		}

		void centred(float size, String text) throws IOException {
			float w = font.getStringWidth(printable(text)) / 1000 * size;
			text(size, (PDRectangle.A4.getWidth() - w) / 2, text);
			y -= size + 6;
		}

		void right(float size, String text) throws IOException {
			float w = font.getStringWidth(printable(text)) / 1000 * size;
			text(size, PDRectangle.A4.getWidth() - MARGIN - w, text);
			y -= size + 4;
		}

		void lines(float size, float x, String text, float width) throws IOException {
			for (String line : wrap(text, size, width)) {
				if (y < 72) {
					next();
				}
				text(size, x, line);
				y -= size + 6;
			}
		}

		private void text(float size, float x, String text) throws IOException {
			out.beginText();
			out.setFont(font, size);
			out.newLineAtOffset(x, y);
			out.showText(printable(text));
			out.endText();
		}

		private List<String> wrap(String text, float size, float width) throws IOException {
			List<String> lines = new ArrayList<>();
			StringBuilder line = new StringBuilder();
			String printable = printable(text);
			for (int i = 0; i < printable.length(); i++) {
				char c = printable.charAt(i);
				if (line.length() > 0 && font.getStringWidth(line.toString() + c) / 1000 * size > width) {
					lines.add(line.toString());
					line.setLength(0);
				}
				line.append(c);
			}
			lines.add(line.toString());
			return lines;
		}

		/** The seal with the issuer and date at the bottom right, the QR codes at the bottom left. */
		void footer(DocumentModel model, String verificationUrl, String progressUrl) throws IOException {
			if (y < BOTTOM) {
				next();
			}
			float right = PDRectangle.A4.getWidth() - MARGIN;
			float cx = right - 70;
			float cy = 120;
			seal(cx, cy, 52, model.issuer());
			out.setNonStrokingColor(Color.BLACK);
			String date = model.issuedOn().getYear() + "年" + model.issuedOn().getMonthValue() + "月" + model.issuedOn().getDayOfMonth() + "日";
			float w = font.getStringWidth(printable(model.issuer())) / 1000 * 11;
			float saved = y;
			// the issuer and the date beside the stamp, where the stamp's star does not cover them
			float edge = cx - 52 - 8;
			y = cy + 2;
			text(11, edge - w, model.issuer());
			y = cy - 16;
			text(11, edge - font.getStringWidth(date) / 1000 * 11, date);
			qr(QrCode.encodeText(verificationUrl, QrCode.Ecc.MEDIUM), MARGIN, 70, 90);
			y = 60;
			text(8, MARGIN, "扫码核验文书真伪");
			if (progressUrl != null) {
				qr(QrCode.encodeText(progressUrl, QrCode.Ecc.MEDIUM), MARGIN + 110, 70, 90);
				y = 60;
				text(8, MARGIN + 110, "扫码查询办理进度");
			}
			y = saved;
		}

		private void seal(float cx, float cy, float r, String issuer) throws IOException {
			out.setStrokingColor(SEAL_RED);
			out.setNonStrokingColor(SEAL_RED);
			out.setLineWidth(3);
			float k = 0.552284749831f * r;
			out.moveTo(cx + r, cy);
			out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
			out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
			out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
			out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
			out.closeAndStroke();
			star(cx, cy, 12);
			// the body's name in the ring above the star, in two lines when long
			String name = printable(issuer);
			int half = name.length() > 9 ? (name.length() + 1) / 2 : name.length();
			String[] parts = half == name.length() ? new String[] { name } : new String[] { name.substring(0, half), name.substring(half) };
			float size = 7.5f;
			float top = cy + 30 - (parts.length - 1) * 4;
			for (int i = 0; i < parts.length; i++) {
				float w = font.getStringWidth(parts[i]) / 1000 * size;
				float saved = y;
				y = top - i * (size + 2);
				text(size, cx - w / 2, parts[i]);
				y = saved;
			}
			float w = font.getStringWidth("电子印章") / 1000 * size;
			float saved = y;
			y = cy - 30;
			text(size, cx - w / 2, "电子印章");
			y = saved;
		}

		private void star(float cx, float cy, float r) throws IOException {
			for (int i = 0; i < 10; i++) {
				double angle = Math.PI / 2 + i * Math.PI / 5;
				float radius = i % 2 == 0 ? r : r * 0.4f;
				float x = cx + (float) (radius * Math.cos(angle));
				float yy = cy + (float) (radius * Math.sin(angle));
				if (i == 0) {
					out.moveTo(x, yy);
				}
				else {
					out.lineTo(x, yy);
				}
			}
			out.closePath();
			out.fill();
		}

		private void qr(QrCode qr, float x, float bottom, float size) throws IOException {
			out.setNonStrokingColor(Color.BLACK);
			float module = size / (qr.size + QR_BORDER * 2);
			for (int row = 0; row < qr.size; row++) {
				for (int column = 0; column < qr.size; column++) {
					if (qr.getModule(column, row)) {
						out.addRect(x + (column + QR_BORDER) * module, bottom + size - (row + QR_BORDER + 1) * module, module, module);
					}
				}
			}
			out.fill();
		}

		void close() throws IOException {
			out.close();
		}
	}

	/** Leaves out what the font cannot show (control characters, characters outside the BMP), rather than failing. */
	static String printable(String text) {
		StringBuilder kept = new StringBuilder();
		(text == null ? "" : text).codePoints()
			.filter(cp -> cp >= 0x20 && cp <= 0xFFFF && !Character.isISOControl(cp))
			.forEach(kept::appendCodePoint);
		return kept.toString();
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

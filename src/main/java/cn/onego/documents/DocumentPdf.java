package cn.onego.documents;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

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

	static final float MARGIN = 64;
	static final float BOTTOM = 200;
	static final int QR_BORDER = 4;
	static final Color SEAL_RED = new Color(0xD0, 0x10, 0x10);

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
			PdfPages pages = new PdfPages(doc, font);
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
			PdfPages pages = new PdfPages(doc, font);
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
	private static void body(PdfPages pages, List<DocumentModel.Block> blocks, float width) throws IOException {
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

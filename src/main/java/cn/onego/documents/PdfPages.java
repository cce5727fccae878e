package cn.onego.documents;

import static cn.onego.documents.DocumentPdf.BOTTOM;
import static cn.onego.documents.DocumentPdf.MARGIN;
import static cn.onego.documents.DocumentPdf.QR_BORDER;
import static cn.onego.documents.DocumentPdf.SEAL_RED;
import static cn.onego.documents.DocumentPdf.printable;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import io.nayuki.qrcodegen.QrCode;

/**
 * Lines down the pages of a document, a new page when one is full; the last page keeps room for the seal and the QR
 * codes.
 */
final class PdfPages {

	private final PDDocument doc;
	private final PDType0Font font;
	private PDPageContentStream out;
	private float y;

	PdfPages(PDDocument doc, PDType0Font font) throws IOException {
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

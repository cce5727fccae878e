package cn.onego.cases;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/**
 * A visible watermark (“仅供××办理使用”) on a preview of a submitted file, so that a screenshot or a print of it
 * says whose work it was shown for: an image is drawn again with the text across it (Java2D), a PDF gets the text
 * on every page as an overlay (PDFBox). Only previews are marked; the stored file is never changed. The text is
 * drawn in WenQuanYi Zen Hei ({@code fonts-wqy-zenhei}), as the licences' PDFs are.
 */
final class Watermark {

	static final Path FONT = Path.of(System.getProperty("onego.pdf-font", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

	/**
	 * The largest image redrawn: a 20 MB upload may declare a huge canvas (a decompression bomb); 40 million pixels
	 * hold any scan or photo of a document and take at most 160 MB while drawn.
	 */
	static final long MAX_PIXELS = 40_000_000L;

	private Watermark() {
	}

	/** The text of a preview for those of this place (a department's or a hall's name). */
	static String text(String place) {
		return "仅供" + place + "办理使用";
	}

	/** The image (JPEG or PNG) drawn again with the text across it, in its own format. */
	static byte[] image(byte[] content, String mediaType, String text) {
		BufferedImage source = decoded(content);
		boolean jpeg = "image/jpeg".equals(mediaType);
		BufferedImage marked = new BufferedImage(source.getWidth(), source.getHeight(),
				jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = marked.createGraphics();
		try {
			g.drawImage(source, 0, 0, null);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			int width = source.getWidth();
			int height = source.getHeight();
			float size = Math.max(12f, Math.min(width, height) / 14f);
			g.setFont(awtFont().deriveFont(Font.BOLD, size));
			g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.35f));
			g.setColor(new Color(200, 30, 30));
			int textWidth = g.getFontMetrics().stringWidth(text);
			// diagonal lines of the text, far enough apart that the document stays readable
			g.rotate(-Math.PI / 6, width / 2.0, height / 2.0);
			int step = (int) (size * 4);
			int reach = width + height;
			for (int y = -reach / 2; y < height + reach / 2; y += step) {
				for (int x = -reach / 2; x < width + reach / 2; x += textWidth + (int) (size * 3)) {
					g.drawString(text, x, y);
				}
			}
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(marked, jpeg ? "jpeg" : "png", out);
		}
		catch (IOException e) {
			throw new PreviewUnavailable();
		}
		return out.toByteArray();
	}

	/** The PDF with the text over every page, half transparent and diagonal. */
	static byte[] pdf(byte[] content, String text) {
		if (!Files.isReadable(FONT)) {
			throw new PreviewUnavailable();
		}
		try (PDDocument doc = Loader.loadPDF(content); TrueTypeCollection fonts = new TrueTypeCollection(FONT.toFile())) {
			if (doc.isEncrypted()) {
				throw new PreviewUnavailable();
			}
			TrueTypeFont ttf = fonts.getFontByName("WenQuanYiZenHei");
			PDType0Font font = PDType0Font.load(doc, ttf == null ? fonts.getFontByName("WenQuanYi Zen Hei") : ttf, true);
			PDExtendedGraphicsState translucent = new PDExtendedGraphicsState();
			translucent.setNonStrokingAlphaConstant(0.3f);
			for (PDPage page : doc.getPages()) {
				PDRectangle box = page.getCropBox();
				float size = Math.max(10f, Math.min(box.getWidth(), box.getHeight()) / 18f);
				float textWidth = font.getStringWidth(text) / 1000 * size;
				try (PDPageContentStream out = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
					out.setGraphicsStateParameters(translucent);
					out.setNonStrokingColor(new Color(200, 30, 30));
					for (float[] at : List.of(new float[] { 0.25f, 0.75f }, new float[] { 0.5f, 0.5f }, new float[] { 0.75f, 0.25f })) {
						out.beginText();
						out.setFont(font, size);
						Matrix matrix = Matrix.getRotateInstance(Math.PI / 6, box.getLowerLeftX() + box.getWidth() * at[0],
								box.getLowerLeftY() + box.getHeight() * (1 - at[1]));
						matrix.translate(-textWidth / 2, 0);
						out.setTextMatrix(matrix);
						out.showText(text);
						out.endText();
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof PreviewUnavailable unavailable) {
				throw unavailable;
			}
			throw new PreviewUnavailable();
		}
	}

	/** The image, after its declared size was checked against {@link #MAX_PIXELS}. */
	private static BufferedImage decoded(byte[] content) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new PreviewUnavailable();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
					throw new PreviewUnavailable();
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof PreviewUnavailable unavailable) {
				throw unavailable;
			}
			throw new PreviewUnavailable();
		}
	}

	private static volatile Font font;

	/** WenQuanYi Zen Hei when installed (a logical font would draw the Chinese as boxes on a bare server). */
	private static Font awtFont() {
		if (font == null) {
			Font loaded = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
			if (Files.isReadable(FONT)) {
				try {
					loaded = Font.createFonts(FONT.toFile())[0];
				}
				catch (IOException | FontFormatException e) {
					// the logical font then; the watermark is still drawn, if perhaps without its Chinese glyphs
				}
			}
			font = loaded;
		}
		return font;
	}

	/** The file cannot be shown with a watermark (damaged, encrypted, too large to redraw, or no font). */
	static class PreviewUnavailable extends Problem {

		PreviewUnavailable() {
			super(HttpStatus.UNPROCESSABLE_CONTENT, "preview-unavailable", Message.of("无法生成预览", "No preview"),
					Message.of("此文件无法加水印预览，请下载原件查看。", "This file cannot be previewed with a watermark; download the original instead."),
					List.of());
		}
	}
}

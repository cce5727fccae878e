package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class WatermarkTests {

	static final String TEXT = Watermark.text("长沙市芙蓉区市场监督管理局");

	@Test
	void overlaysEveryPageOfAPdfWithTheTextAndKeepsWhatWasOnIt() throws IOException {
		Assumptions.assumeTrue(Files.isReadable(Watermark.FONT), "fonts-wqy-zenhei is installed");
		byte[] marked = Watermark.pdf(FilesOfACase.pdf("Premises lease"), TEXT);
		try (PDDocument doc = Loader.loadPDF(marked)) {
			assertThat(new PDFTextStripper().getText(doc)).contains("仅供长沙市芙蓉区市场监督管理局办理使用").contains("Premises lease");
		}
	}

	@Test
	void drawsTheTextAcrossAnImageOfTheSameSizeAndFormat() throws IOException {
		byte[] original = FilesOfACase.png();
		byte[] marked = Watermark.image(original, "image/png", TEXT);
		BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
		BufferedImage after = ImageIO.read(new ByteArrayInputStream(marked));
		assertThat(after.getWidth()).isEqualTo(before.getWidth());
		assertThat(after.getHeight()).isEqualTo(before.getHeight());
		assertThat(marked).startsWith(0x89, 'P', 'N', 'G');
		BufferedImage photo = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(photo, "jpeg", jpeg);
		assertThat(Watermark.image(jpeg.toByteArray(), "image/jpeg", TEXT)).startsWith(0xFF, 0xD8, 0xFF);
	}

	@Test
	void refusesToRedrawAnImageDeclaringAHugeCanvas() {
		// 100,000 × 100,000 pixels in a few dozen bytes: decoded, it would take 40 GB
		assertThatThrownBy(() -> Watermark.image(pngHeaderOnly(100_000, 100_000), "image/png", TEXT))
			.isInstanceOf(Watermark.PreviewUnavailable.class);
	}

	@Test
	void aDamagedPdfOrImageIsNoPreviewNotAnError() {
		Assumptions.assumeTrue(Files.isReadable(Watermark.FONT), "fonts-wqy-zenhei is installed");
		assertThatThrownBy(() -> Watermark.pdf("%PDF-1.4\n% nothing more\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), TEXT))
			.isInstanceOf(Watermark.PreviewUnavailable.class);
		assertThatThrownBy(() -> Watermark.image(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0 }, "image/png", TEXT))
			.isInstanceOf(Watermark.PreviewUnavailable.class);
	}

	/** A PNG signature and header with the given size, and nothing else. */
	private static byte[] pngHeaderOnly(int width, int height) {
		ByteBuffer header = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
			.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		CRC32 crc = new CRC32();
		crc.update(header.array());
		return ByteBuffer.allocate(8 + 4 + 17 + 4)
			.put(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })
			.putInt(13)
			.put(header.array())
			.putInt((int) crc.getValue())
			.array();
	}
}

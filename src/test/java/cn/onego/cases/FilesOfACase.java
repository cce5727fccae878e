package cn.onego.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import cn.onego.ApiClient;
import cn.onego.ApiClient.Response;

/**
 * A case whose applicant uploaded a real PDF and a real PNG for two of its materials (the other materials get the
 * small stand-in PDFs of {@link CaseWorld}), built through the API: what the files tests and the preview page test
 * open. Every file is new (its content carries a random id), so its hash is this case's only.
 */
public final class FilesOfACase {

	public final CaseWorld world;
	public final String caseId;
	public final String pdfMaterial;
	public final String pngMaterial;
	public final byte[] pdf;
	public final byte[] png;

	public FilesOfACase(ApiClient api) {
		this.world = new CaseWorld(api);
		CaseWorld.Submission prepared = world.prepare("HN-CATERING", CaseWorld.SMALL_SHOP);
		@SuppressWarnings("unchecked")
		Map<String, String> attachments = new HashMap<>((Map<String, String>) prepared.body().get("attachments"));
		List<String> materials = new ArrayList<>(attachments.keySet());
		materials.sort(null);
		assertThat(materials).as("the matter asks for at least two uploads").hasSizeGreaterThanOrEqualTo(2);
		this.pdfMaterial = materials.get(0);
		this.pngMaterial = materials.get(1);
		this.pdf = pdf("Premises " + UUID.randomUUID());
		this.png = png();
		attachments.put(pdfMaterial, upload(api, pdf, "application/pdf"));
		attachments.put(pngMaterial, upload(api, png, "image/png"));
		Map<String, Object> body = new HashMap<>(prepared.body());
		body.put("attachments", attachments);
		Response submitted = world.submit(new CaseWorld.Submission(prepared.actingUser(), prepared.idempotencyKey(), body));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		this.caseId = caseOf(submitted.json("$.id"));
	}

	public String pdfId() {
		return sha256(pdf);
	}

	public String pngId() {
		return sha256(png);
	}

	public String filePath(String fileId) {
		return "/api/v1/cases/" + caseId + "/files/" + fileId;
	}

	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A one-page A4 PDF with a line of text and a frame, as a scanned certificate would be. */
	public static byte[] pdf(String text) {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
				out.addRect(50, 50, 495, 742);
				out.stroke();
				out.beginText();
				out.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 18);
				out.newLineAtOffset(80, 700);
				out.showText(text);
				out.endText();
			}
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			doc.save(bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A 480 × 320 PNG, a photo of an ID card as far as the platform can tell, with random noise of its own. */
	public static byte[] png() {
		BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(230, 240, 250));
		g.fillRect(0, 0, 480, 320);
		g.setColor(new Color(20, 60, 140));
		g.fillRect(30, 30, 120, 150);
		java.util.Random random = new java.util.Random(UUID.randomUUID().getMostSignificantBits());
		for (int i = 0; i < 200; i++) {
			image.setRGB(random.nextInt(480), random.nextInt(320), random.nextInt(0xFFFFFF));
		}
		g.dispose();
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageIO.write(image, "png", bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String upload(ApiClient api, byte[] content, String type) {
		Response uploaded = api.upload("/api/v1/attachments", world.applicant, CaseWorld.PASSWORD, content, type);
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		return uploaded.json("$.hash");
	}

	private String caseOf(String application) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			List<Map<String, Object>> mine = world.as(world.applicant, "GET", "/api/v1/my/cases", null).json("$");
			for (Map<String, Object> c : mine) {
				if (application.equals(c.get("applicationId"))) {
					return (String) c.get("id");
				}
			}
			CaseWorld.sleep(100);
		}
		throw new AssertionError("no case was opened for application " + application);
	}

	/** Accepts the case at its hall's window, so that its tasks go out to the departments. */
	public void accepted() {
		String clerk = world.clerkOf(caseId);
		Response accepted = world.as(clerk, "POST", "/api/v1/cases/" + caseId + "/acceptance",
				Map.of("version", world.caseVersion(caseId)));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
		assertThat(Set.of("IN_PROGRESS", "READY")).contains(world.caseState(caseId));
	}
}

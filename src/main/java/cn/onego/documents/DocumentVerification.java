package cn.onego.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.cases.CaseId;
import cn.onego.cases.CaseQueries;
import cn.onego.licences.IssuerKeys;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.RateLimits;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.shared.Label;

/**
 * 文书核验: anyone checks an official document without signing in — by uploading the PDF, or by scanning its QR (the
 * number and the verification code printed with it). An uploaded copy is genuine only if it is, byte for byte, the
 * PDF that was issued, and the issuer's seal over the document's content still verifies; a copy changed in any way is
 * "not genuine — modified" when it still names a document that exists, "not found" otherwise. The answer says only
 * what the paper in front of the verifier shows anyway: the kind, the issuer, the day and the case number.
 */
@Service
public class DocumentVerification {

	/** The largest PDF looked at; an official document is a few hundred kilobytes. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** What a verification finds. */
	public enum Status {
		/** Exactly as issued, and its seal verifies. */
		GENUINE,
		/** It names an issued document but is not that document: changed after issue. */
		MODIFIED,
		/** No such document (or a wrong verification code). */
		NOT_FOUND
	}

	/** The public answer; nothing but the status and message for a document not found. */
	public record Answer(Status status, Message message, String number, Label kind, String title, String issuer, LocalDate issuedOn,
			String caseNumber, String signatureAlgorithm) {
	}

	private record Row(UUID id, String number, DocumentKind kind, UUID caseId, String issuer, Instant issuedAt, String content,
			String contentHash, UUID keyId, String algorithm, String signature, String code) {
	}

	private final JdbcClient jdbc;
	private final PersonalData data;
	private final IssuerKeys keys;
	private final CaseQueries cases;
	private final RateLimits limits;
	private final Clock clock;

	DocumentVerification(JdbcClient jdbc, PersonalData data, IssuerKeys keys, CaseQueries cases, RateLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.data = data;
		this.keys = keys;
		this.cases = cases;
		this.limits = limits;
		this.clock = clock;
	}

	/** By the PDF itself. */
	public Answer byUpload(byte[] pdf) {
		if (pdf == null || pdf.length == 0) {
			throw InvalidInput.of("file", "required", Message.of("请上传文书的PDF文件", "upload the document's PDF"));
		}
		if (pdf.length > MAX_BYTES) {
			throw InvalidInput.of("file", "too-large", Message.of("文件过大：文书PDF不超过5MB", "too large: a document's PDF is at most 5 MB"));
		}
		if (pdf.length < 5 || !new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
			throw InvalidInput.of("file", "not-pdf", Message.of("不是PDF文件", "not a PDF file"));
		}
		Optional<Row> issued = find("pdf_hash = ?", OfficialDocuments.sm3(pdf));
		if (issued.isPresent()) {
			return answer(issued.get());
		}
		Optional<Row> named = numberIn(pdf).flatMap(n -> find("number = ?", n));
		return named.map(r -> new Answer(Status.MODIFIED, Message.of("该文件与签发时的文书不一致，可能已被修改，不能作为有效文书使用。请向签发机关核实。",
				"This file is not the document as issued: it may have been altered and is not valid. Ask the issuer."), r.number(),
				r.kind().label(), null, null, null, null, null)).orElseGet(DocumentVerification::notFound);
	}

	/** By what the QR carries: the number and its verification code. */
	public Answer byCode(String number, String code) {
		String n = number == null ? "" : number.trim();
		String c = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
		java.util.List<FieldProblem> problems = new java.util.ArrayList<>();
		if (!n.matches("\\d{6}-[A-Z]{2,3}-\\d{4}-\\d{8}")) {
			problems.add(new FieldProblem("n", "pattern", Message.of("文书编号格式不正确（请重新扫描二维码）",
					"not a document number (scan the QR code again)")));
		}
		if (!c.matches("[0-9A-F]{16}")) {
			problems.add(new FieldProblem("c", "pattern", Message.of("核验码格式不正确（请重新扫描二维码）",
					"not a verification code (scan the QR code again)")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		limits.require("document-verifications-per-document", n);
		// compared in constant time: the timing tells nothing of how much of a guessed code was right
		return find("number = ?", n).filter(r -> MessageDigest.isEqual(c.getBytes(StandardCharsets.US_ASCII),
				r.code().getBytes(StandardCharsets.US_ASCII))).map(this::answer).orElseGet(DocumentVerification::notFound);
	}

	private Answer answer(Row r) {
		byte[] content = data.open(r.content(), OfficialDocuments.CONTENT.name()).getBytes(StandardCharsets.UTF_8);
		boolean sealed = OfficialDocuments.sm3(content).equals(r.contentHash())
				&& keys.verifies(r.keyId(), content, Base64.getDecoder().decode(r.signature()));
		if (!sealed) {
			return new Answer(Status.MODIFIED, Message.of("该文书的内容与签发机关的电子印章不符，可能已被篡改，不能作为有效文书使用。请向签发机关核实。",
					"The document's content does not match its issuer's seal: it may have been altered and is not valid. Ask the issuer."),
					r.number(), r.kind().label(), null, null, null, null, null);
		}
		LocalDate day = LocalDate.ofInstant(r.issuedAt(), clock.getZone());
		String caseNumber = cases.caseFile(CaseId.of(r.caseId())).number().value();
		String title = titleOf(new String(content, StandardCharsets.UTF_8));
		return new Answer(Status.GENUINE, Message.of("真实有效：" + r.issuer() + "于" + day + "为办件" + caseNumber + "签发的《" + title + "》，文书编号 "
				+ r.number() + "。", "Genuine: '" + r.kind().label().en() + "' issued by " + r.issuer() + " on " + day + " for case " + caseNumber
						+ ", number " + r.number() + "."),
				r.number(), r.kind().label(), title, r.issuer(), day, caseNumber, r.algorithm());
	}

	private static Answer notFound() {
		return new Answer(Status.NOT_FOUND, Message.of("未查到该文书：它不是本平台签发的文书，或已被修改。请向签发机关核实。",
				"No such document: it was not issued by this platform, or it was altered. Ask the issuer."), null, null, null, null, null, null,
				null);
	}

	/** The number a PDF names in its document information; nothing for a file PDFBox cannot read. */
	private static Optional<String> numberIn(byte[] pdf) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String n = doc.getDocumentInformation().getCustomMetadataValue(DocumentPdf.NUMBER_KEY);
			return Optional.ofNullable(n).filter(v -> v.matches("\\d{6}-[A-Z]{2,3}-\\d{4}-\\d{8}"));
		}
		catch (IOException | RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	/** The title as signed: the {@code title} field of the canonical content. */
	private static String titleOf(String canonical) {
		for (String line : canonical.split("\n")) {
			if (line.startsWith("title:")) {
				return line.substring(line.indexOf(':', 6) + 1);
			}
		}
		return "";
	}

	private Optional<Row> find(String where, String value) {
		return jdbc.sql("""
				SELECT id, number, kind, case_id, issuer, issued_at, content, content_hash, key_id, algorithm, signature, verification_code
				FROM official_document WHERE """ + " " + where)
			.param(value)
			.query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), DocumentKind.valueOf(rs.getString(3)),
					rs.getObject(4, UUID.class), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
					rs.getObject(9, UUID.class), rs.getString(10), rs.getString(11), rs.getString(12)))
			.optional();
	}
}

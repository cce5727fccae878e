package cn.onego.documents;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.audit.AuditTrail;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseQueries;
import cn.onego.identity.Actor;
import cn.onego.licences.IssuerKeys;
import cn.onego.platform.NotFound;
import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumn;
import cn.onego.platform.crypto.SealedColumns;
import cn.onego.shared.Label;
import cn.onego.shared.TimeOrderedIds;

/**
 * The official documents of the cases: issued once per event — rendered from the issuer's template, sealed with the
 * issuing body's key (SM2 over the canonical content, {@link IssuerKeys}), numbered and stored (content sealed at
 * rest, its SM3 hash, the signature) — and listed and downloaded by the applicant's side and the staff who handle the
 * case (the others: not found). Staff downloads are audited.
 * <p>
 * The PDF is drawn from the sealed content the first time the document is downloaded, and kept: from then on every
 * download and every uploaded copy is compared with those bytes. Drawing it is most of a document's cost (the font
 * subset into each file), and a case issues nine documents of which few are ever opened, so the case's events no
 * longer wait for PDFs nobody reads (docs/adr/0011-documents-drawn-on-first-download.md).
 */
@Service
public class OfficialDocuments implements SealedColumns {

	static final SealedColumn CONTENT = SealedColumn.of("official_document", "content");
	static final SealedColumn PDF = SealedColumn.of("official_document", "pdf");

	/** A document as listed: no content, just what it is, whose, and when. */
	public record Listed(String number, DocumentKind kind, Label kindName, String issuer, Instant issuedAt, UUID taskId) {
	}

	private final JdbcClient jdbc;
	private final Templates templates;
	private final IssuerKeys keys;
	private final PersonalData data;
	private final CaseQueries cases;
	private final AuditTrail audit;
	private final Clock clock;
	private final String site;
	private final SecureRandom random = new SecureRandom();

	OfficialDocuments(JdbcClient jdbc, Templates templates, IssuerKeys keys, PersonalData data, CaseQueries cases, AuditTrail audit,
			Clock clock, @Value("${onego.public-url:http://localhost:8080}") String site) {
		this.jdbc = jdbc;
		this.templates = templates;
		this.keys = keys;
		this.data = data;
		this.cases = cases;
		this.audit = audit;
		this.clock = clock;
		this.site = site.endsWith("/") ? site.substring(0, site.length() - 1) : site;
	}

	@Override
	public List<SealedColumn> sealedColumns() {
		return List.of(CONTENT, PDF);
	}

	/**
	 * Documents issued together, in the caller's transaction: their numbers drawn in one statement, each issuer's
	 * template read once, all written in one statement. The worker issues a batch of orders with one.
	 */
	final class Batch {

		private final Deque<Long> serials;
		private final Map<String, Template> templates = new HashMap<>();
		private final List<Issued> issued = new ArrayList<>();

		private Batch(List<Long> serials) {
			this.serials = new ArrayDeque<>(serials);
		}

		/** Renders and seals the document; it is stored with the batch's others by {@link #write()}. */
		void issue(DocumentSources.Issuing issuing) {
			long serial = serials.isEmpty() ? jdbc.sql("SELECT nextval('official_document_seq')").query(Long.class).single() : serials.pop();
			Template template = templates.computeIfAbsent(issuing.kind() + " " + issuing.scope(),
					key -> OfficialDocuments.this.templates.of(issuing.kind(), issuing.scope()));
			issued.add(OfficialDocuments.this.issue(issuing, serial, template));
		}

		/**
		 * Stores the batch's documents in one statement. An event that made its document already (delivered again,
		 * rarely: after a crash or a failed attempt) keeps the one there: its new one was rendered and signed for
		 * nothing and its number is not used, rather than every document asking first.
		 */
		void write() {
			if (issued.isEmpty()) {
				return;
			}
			jdbc.sql("""
					INSERT INTO official_document (id, number, kind, case_id, task_id, event_key, issuer, issuer_code, issued_at, content,
					  content_hash, key_id, algorithm, signature, verification_code, with_progress)
					SELECT * FROM unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[],
					  ?::timestamptz[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::boolean[])
					ON CONFLICT (kind, event_key) DO NOTHING""")
				.params(column(d -> d.id().toString()), column(Issued::number), column(d -> d.kind().name()),
						column(d -> d.caseId().toString()), column(d -> d.taskId() == null ? null : d.taskId().toString()),
						column(Issued::eventKey), column(Issued::issuer), column(Issued::issuerCode),
						column(d -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.issuedAt().atOffset(ZoneOffset.UTC))),
						column(Issued::content), column(Issued::contentHash), column(d -> d.keyId().toString()), column(Issued::algorithm),
						column(Issued::signature), column(Issued::verificationCode), issued.stream().map(Issued::withProgress).toArray(Boolean[]::new))
				.update();
			issued.clear();
		}

		private String[] column(Function<Issued, String> value) {
			return issued.stream().map(value).toArray(String[]::new);
		}

		/**
		 * The case's documents as they are once the batch is written, oldest first: those stored, and those of this
		 * batch whose event has no document stored already.
		 */
		List<Listed> listed(CaseId caseId) {
			Set<String> stored = new HashSet<>();
			List<Listed> listed = new ArrayList<>();
			for (Filed filed : filed(caseId)) {
				stored.add(filed.listed().kind() + " " + filed.eventKey());
				listed.add(filed.listed());
			}
			// an event the batch took twice is written once, as the first
			issued.stream()
				.filter(d -> d.caseId().equals(caseId.value()) && stored.add(d.kind() + " " + d.eventKey()))
				.forEach(d -> listed.add(new Listed(d.number(), d.kind(), d.kind().label(), d.issuer(), d.issuedAt(), d.taskId())));
			listed.sort(Comparator.comparing(Listed::issuedAt).thenComparing(Listed::number));
			return listed;
		}
	}

	/** A document rendered and sealed, not stored yet. */
	private record Issued(UUID id, String number, DocumentKind kind, UUID caseId, UUID taskId, String eventKey, String issuer,
			String issuerCode, Instant issuedAt, String content, String contentHash, UUID keyId, String algorithm,
			String signature, String verificationCode, boolean withProgress) {
	}

	/** A batch of about {@code documents} documents to issue in the caller's transaction. */
	Batch batch(int documents) {
		return new Batch(documents <= 0 ? List.of()
				: jdbc.sql("SELECT nextval('official_document_seq') FROM generate_series(1, ?)").param(documents).query(Long.class).list());
	}

	private Issued issue(DocumentSources.Issuing issuing, long serial, Template template) {
		Instant at = clock.instant();
		LocalDate today = LocalDate.ofInstant(at, clock.getZone());
		String number = issuing.region().value() + "-" + issuing.kind().code() + "-" + today.getYear() + "-" + String.format("%08d", serial);
		DocumentModel model = Rendering.render(issuing.kind(), template, issuing.facts(), number, issuing.issuer(), today);
		byte[] content = model.canonical();
		IssuerKeys.Seal seal = keys.seal(issuing.issuer(), issuing.region().value(), content);
		return new Issued(TimeOrderedIds.next(), number, issuing.kind(), issuing.caseFile().id().value(),
				issuing.task() == null ? null : issuing.task().id().value(), issuing.eventKey(), issuing.issuer(), seal.issuerCode(),
				at.truncatedTo(ChronoUnit.MICROS), data.seal(new String(content, StandardCharsets.UTF_8), CONTENT.name()), sm3(content), seal.keyId(),
				seal.algorithm(), Base64.getEncoder().encodeToString(seal.signature()), HexFormat.of().withUpperCase().formatHex(bytes(8)),
				issuing.withProgress());
	}

	/** The case's documents, oldest first, for those who handle the case or applied for it. */
	public List<Listed> of(Actor actor, CaseId caseId) {
		cases.handledCase(actor, caseId);
		return listed(caseId);
	}

	/** One of the case's documents as a PDF: drawn at its first download, the same bytes ever after. */
	public byte[] pdf(Actor actor, CaseId caseId, String number) {
		CaseFile c = cases.handledCase(actor, caseId);
		Stored stored = jdbc.sql("SELECT id, pdf, content, verification_code, with_progress FROM official_document WHERE case_id = ? AND number = ?")
			.params(caseId.value(), number)
			.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
			.optional()
			.orElseThrow(() -> new NotFound("文书", "Document", number));
		if (!actor.isPerson(c.applicant().id()) && !actor.username().equals(c.applicant().username())) {
			audit.record(actor, "read.document", "document/" + number, "case " + c.number().value());
		}
		return stored.pdf() != null ? Base64.getDecoder().decode(data.open(stored.pdf(), PDF.name())) : drawn(stored, number, c);
	}

	private record Stored(UUID id, String pdf, String content, String code, boolean withProgress) {
	}

	/**
	 * The PDF of a document not downloaded before, drawn from its sealed content and kept; when two downloads draw it
	 * at once, the first kept is the one both get.
	 */
	private byte[] drawn(Stored stored, String number, CaseFile c) {
		DocumentModel model = DocumentModel.parse(data.open(stored.content(), CONTENT.name()).getBytes(StandardCharsets.UTF_8));
		String progress = stored.withProgress() ? site + "/progress.html?number=" + c.number().value() + "&code=" + cases.queryCode(c.id())
				: null;
		byte[] pdf = DocumentPdf.render(model, verificationUrl(number, stored.code()), progress);
		int kept = jdbc.sql("UPDATE official_document SET pdf = ?, pdf_hash = ? WHERE id = ? AND pdf IS NULL")
			.params(data.seal(Base64.getEncoder().encodeToString(pdf), PDF.name()), sm3(pdf), stored.id())
			.update();
		if (kept == 1) {
			return pdf;
		}
		String first = jdbc.sql("SELECT pdf FROM official_document WHERE id = ?").param(stored.id()).query(String.class).single();
		return Base64.getDecoder().decode(data.open(first, PDF.name()));
	}

	List<Listed> listed(CaseId caseId) {
		return filed(caseId).stream().map(Filed::listed).toList();
	}

	/** A document as listed, with the event it was made for. */
	private record Filed(Listed listed, String eventKey) {
	}

	private List<Filed> filed(CaseId caseId) {
		return jdbc.sql("""
				SELECT number, kind, issuer, issued_at, task_id, event_key FROM official_document WHERE case_id = ?
				ORDER BY issued_at, number""")
			.param(caseId.value())
			.query((rs, n) -> {
				DocumentKind kind = DocumentKind.valueOf(rs.getString(2));
				return new Filed(new Listed(rs.getString(1), kind, kind.label(), rs.getString(3), rs.getTimestamp(4).toInstant(),
						rs.getObject(5, UUID.class)), rs.getString(6));
			})
			.list();
	}

	String verificationUrl(String number, String code) {
		return site + "/document-verify.html?n=" + number + "&c=" + code;
	}

	private byte[] bytes(int n) {
		byte[] b = new byte[n];
		random.nextBytes(b);
		return b;
	}

	static String sm3(byte[] bytes) {
		SM3Digest digest = new SM3Digest();
		digest.update(bytes, 0, bytes.length);
		byte[] out = new byte[digest.getDigestSize()];
		digest.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}
}

package cn.onego.application;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;
import cn.onego.sharing.SignedDocuments;

/**
 * Uploaded materials, stored once by their SHA-256 content hash, and each upload with its owner: the user who
 * uploaded it (an applicant, or a window clerk for a visitor). Only PDF, OFD, JPEG and PNG are taken, at most
 * 20 MB, and the content must really be of the declared type (checked by its leading bytes), so that a renamed
 * executable is refused. The client's file name is kept only as a display name and never used as a path.
 * <p>
 * Each owner may upload at most {@code onego.attachments.quota-files} files and
 * {@code onego.attachments.quota-megabytes} MB in 24 hours. An application, a draft, a supplement or an
 * authorisation may refer only to files its acting user uploaded; an upload nobody referred to within
 * {@code onego.attachments.unreferenced-days} is deleted by a daily clean-up. What an upload must be is
 * {@link AcceptedFile}; the clean-up is {@link UploadRetention}.
 */
@Service
public class Attachments implements SignedDocuments {

	public static final int MAX_BYTES = 20 * 1024 * 1024;
	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	/** A stored file as its uploader sees it; {@code name} is the sanitised display name, if one was sent. */
	public record Attachment(String hash, String contentType, int size, String name) {
	}

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final UploadRetention retention;
	private final int quotaFiles;
	private final long quotaBytes;

	Attachments(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, UploadRetention retention,
			@Value("${onego.attachments.quota-files:200}") int quotaFiles,
			@Value("${onego.attachments.quota-megabytes:200}") long quotaMegabytes) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.retention = retention;
		this.quotaFiles = quotaFiles;
		this.quotaBytes = quotaMegabytes * 1024 * 1024;
	}

	/** Stores an upload of {@code owner}'s, or refuses it with the field problem and stores nothing. */
	public Attachment store(String owner, String fileName, byte[] content, String declaredType) {
		AcceptedFile file = AcceptedFile.of(fileName, content, declaredType);
		String hash = sha256(content);
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			// one owner's uploads are counted one at a time, so that parallel uploads cannot pass the quota together
			jdbc.sql("SELECT pg_advisory_xact_lock(4242003, hashtext(?))").param(owner).query(Object.class).single();
			Object[] used = jdbc.sql("""
					SELECT count(*), coalesce(sum(size), 0) FROM attachment_upload WHERE owner = ? AND uploaded_at > ?""")
				.params(owner, Timestamp.from(now.minus(Duration.ofHours(24))))
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2) })
				.single();
			if ((Long) used[0] + 1 > quotaFiles || (Long) used[1] + content.length > quotaBytes) {
				throw new QuotaExceeded(quotaFiles, quotaBytes / 1024 / 1024);
			}
			// the upsert locks the content's row, so that a clean-up cannot delete it under this upload
			jdbc.sql("""
					INSERT INTO attachment (hash, content_type, size, content) VALUES (?, ?, ?, ?)
					ON CONFLICT (hash) DO UPDATE SET size = excluded.size""")
				.params(hash, file.mediaType(), content.length, content)
				.update();
			jdbc.sql("""
					INSERT INTO attachment_upload (id, hash, owner, display_name, size, uploaded_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), hash, owner, file.name(), content.length, Timestamp.from(now))
				.update();
		});
		return new Attachment(hash, file.mediaType(), content.length, file.name());
	}

	public Optional<Attachment> find(String hash) {
		return jdbc.sql("SELECT hash, content_type, size FROM attachment WHERE hash = ?")
			.param(hash)
			.query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getInt(3), null))
			.optional();
	}

	/** A stored file's bytes, as uploaded: their SHA-256 is {@code hash}. */
	public record Content(String hash, String contentType, byte[] bytes) {
	}

	/** One upload of a file by its owner: the display name it came with (or null) and when. */
	public record Upload(String name, Instant uploadedAt) {
	}

	/**
	 * The stored bytes of a file, for the modules that show a case's files to those who handle it; callers check
	 * who may see them.
	 */
	public Optional<Content> content(String hash) {
		if (!isHash(hash)) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT hash, content_type, content FROM attachment WHERE hash = ?")
			.param(hash)
			.query((rs, n) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

	/** The first upload of the file by {@code owner}, if they uploaded it: its name and when. */
	public Optional<Upload> uploadOf(String owner, String hash) {
		if (owner == null || !isHash(hash)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT display_name, uploaded_at FROM attachment_upload WHERE hash = ? AND owner = ?
				ORDER BY uploaded_at LIMIT 1""")
			.params(hash, owner)
			.query((rs, n) -> new Upload(rs.getString(1), rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/** Whether the value has the shape of a content hash (64 lower-case hexadecimal digits). */
	public static boolean isHash(String value) {
		return value != null && HASH.matcher(value).matches();
	}

	/** Those of the hashes that {@code owner} uploaded (files of others, or of nobody, are not among them). */
	public Set<String> uploadedBy(String owner, Collection<String> hashes) {
		List<String> wellFormed = hashes.stream().filter(Attachments::isHash).distinct().toList();
		if (wellFormed.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT DISTINCT hash FROM attachment_upload WHERE owner = ? AND hash = ANY (?)")
			.params(owner, wellFormed.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * The field problems of references to files: each must be a file {@code owner} uploaded. Files uploaded by
	 * someone else are reported exactly like files that do not exist, so that nobody learns whether another
	 * person uploaded a document.
	 */
	public List<FieldProblem> problemsOfReferences(String owner, String field, java.util.Map<String, String> references) {
		if (references == null || references.isEmpty()) {
			return List.of();
		}
		Set<String> owned = uploadedBy(owner, references.values());
		List<FieldProblem> problems = new ArrayList<>();
		references.forEach((key, hash) -> {
			if (hash != null && !hash.isBlank() && !owned.contains(hash)) {
				problems.add(new FieldProblem(field + "." + key, "not-found", Message.of("未找到您上传的此文件，请重新上传",
						"no file you uploaded has this reference; upload it again")));
			}
		});
		return problems;
	}

	/** The owner's uploads of these files are referred to from now on and are kept. */
	public void refer(String owner, Collection<String> hashes) {
		List<String> wellFormed = hashes.stream().filter(Attachments::isHash).distinct().toList();
		if (wellFormed.isEmpty()) {
			return;
		}
		jdbc.sql("UPDATE attachment_upload SET referenced_at = ? WHERE owner = ? AND hash = ANY (?) AND referenced_at IS NULL")
			.params(Timestamp.from(clock.instant()), owner, wellFormed.toArray(String[]::new))
			.update();
	}

	@Override
	public boolean uploadedBy(String username, String hash) {
		return !uploadedBy(username, List.of(hash)).isEmpty();
	}

	@Override
	public void referTo(String username, String hash) {
		refer(username, List.of(hash));
	}

	/**
	 * Deletes the uploads nobody referred to that are older than the retention at {@code now}, and the
	 * contents no upload is left for. Returns how many uploads were deleted.
	 */
	public int deleteUnreferenced(Instant now) {
		return retention.deleteUnreferenced(now);
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The file is larger than an attachment may be. */
	public static class TooLarge extends Problem {

		TooLarge() {
			super(HttpStatus.CONTENT_TOO_LARGE, "too-large", Message.of("文件过大", "File too large"),
					Message.of("文件超过20 MB", "The file is larger than 20 MB."),
					List.of(new FieldProblem("file", "too-large", Message.of("文件超过20 MB", "the file is larger than 20 MB"))));
		}
	}

	/** The declared type is none of those taken. */
	public static class UnsupportedType extends Problem {

		UnsupportedType(String type) {
			super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-type", Message.of("不支持的文件类型", "Unsupported file type"),
					Message.of("只接受 PDF、OFD、JPEG 或 PNG 文件。", "Only PDF, OFD, JPEG or PNG files are accepted."),
					List.of(new FieldProblem("file", "type", Message.of("只接受 PDF、OFD、JPEG 或 PNG 文件，收到：" + type,
							"only PDF, OFD, JPEG or PNG files are accepted; got: " + type))));
		}
	}

	/** The owner uploaded as much as they may in 24 hours. */
	public static class QuotaExceeded extends Problem {

		QuotaExceeded(int files, long megabytes) {
			super(HttpStatus.TOO_MANY_REQUESTS, "upload-quota", Message.of("上传已达上限", "Upload quota reached"),
					Message.of("24 小时内至多上传 " + files + " 个文件、共 " + megabytes + " MB，请稍后再试。",
							"At most " + files + " files and " + megabytes + " MB can be uploaded in 24 hours; try again later."),
					List.of(new FieldProblem("file", "quota", Message.of("已达24小时上传上限", "the 24-hour upload quota is reached"))));
		}
	}
}

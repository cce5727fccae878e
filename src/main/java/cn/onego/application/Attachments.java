package cn.onego.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;

/**
 * Uploaded materials, stored once by their SHA-256 content hash. Only PDF, OFD, JPEG and PNG are
 * taken, at most 20 MB, and the content must really be of the declared type (checked by its leading
 * bytes), so that a renamed executable is refused.
 */
@Service
public class Attachments {

	public static final int MAX_BYTES = 20 * 1024 * 1024;

	/** An accepted file type with the bytes its content starts with. */
	enum FileType {
		PDF("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
		OFD("application/ofd", new byte[] { 'P', 'K', 3, 4 }),
		JPEG("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
		PNG("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });

		final String mediaType;
		final byte[] magic;

		FileType(String mediaType, byte[] magic) {
			this.mediaType = mediaType;
			this.magic = magic;
		}

		static Optional<FileType> of(String mediaType) {
			return Arrays.stream(values()).filter(t -> t.mediaType.equalsIgnoreCase(mediaType)).findFirst();
		}

		boolean matches(byte[] content) {
			return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
		}
	}

	/** A stored file. */
	public record Attachment(String hash, String contentType, int size) {
	}

	private final JdbcClient jdbc;

	Attachments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Attachment store(byte[] content, String declaredType) {
		String type = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase();
		Optional<FileType> fileType = FileType.of(type);
		if (content.length == 0) {
			throw InvalidInput.of("file", "empty", Message.of("文件为空", "the file is empty"));
		}
		if (content.length > MAX_BYTES) {
			throw InvalidInput.of("file", "too-large", Message.of("文件超过20 MB", "the file is larger than 20 MB"));
		}
		if (fileType.isEmpty()) {
			throw InvalidInput.of("file", "type", Message.of("只接受 PDF、OFD、JPEG 或 PNG 文件，收到：" + type,
					"only PDF, OFD, JPEG or PNG files are accepted; got: " + type));
		}
		if (!fileType.get().matches(content)) {
			throw new InvalidInput(List.of(new FieldProblem("file", "content-mismatch",
					Message.of("文件内容与声明的类型（" + type + "）不符", "the content is not of the declared type " + type))));
		}
		String hash = sha256(content);
		jdbc.sql("INSERT INTO attachment (hash, content_type, size, content) VALUES (?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING")
			.params(hash, fileType.get().mediaType, content.length, content)
			.update();
		return new Attachment(hash, fileType.get().mediaType, content.length);
	}

	public Optional<Attachment> find(String hash) {
		return jdbc.sql("SELECT hash, content_type, size FROM attachment WHERE hash = ?")
			.param(hash)
			.query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.optional();
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

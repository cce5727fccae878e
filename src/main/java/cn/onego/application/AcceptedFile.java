package cn.onego.application;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.onego.application.Attachments.TooLarge;
import cn.onego.application.Attachments.UnsupportedType;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;

/**
 * An upload the platform takes, before anything is stored: PDF, OFD, JPEG or PNG, not empty, at most
 * {@link Attachments#MAX_BYTES}, with content that really starts like the declared type (so that a
 * renamed executable is refused), and a display name that is never a path.
 *
 * @param mediaType the declared type, as the platform names it
 * @param name the display name, or null when none was sent
 */
record AcceptedFile(String mediaType, String name) {

	static final int MAX_NAME = 255;

	/** An accepted file type with the bytes its content starts with. */
	enum FileType {
		PDF("application/pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII)),
		/** OFD (GB/T 33190) is a zip container. */
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

	/** The upload as a file the platform takes, or the problem that refuses it. */
	static AcceptedFile of(String fileName, byte[] content, String declaredType) {
		String type = declaredType == null ? "" : declaredType.split(";")[0].trim().toLowerCase(Locale.ROOT);
		String name = displayName(fileName);
		Optional<FileType> fileType = FileType.of(type);
		if (content.length == 0) {
			throw InvalidInput.of("file", "empty", Message.of("文件为空", "the file is empty"));
		}
		if (content.length > Attachments.MAX_BYTES) {
			throw new TooLarge();
		}
		if (fileType.isEmpty()) {
			String shown = type.length() > 50 ? type.substring(0, 50) + "…" : type;
			throw new UnsupportedType(shown);
		}
		if (!fileType.get().matches(content)) {
			throw new InvalidInput(List.of(new FieldProblem("file", "content-mismatch",
					Message.of("文件内容与声明的类型（" + type + "）不符", "the content is not of the declared type " + type))));
		}
		return new AcceptedFile(fileType.get().mediaType, name);
	}

	/**
	 * The file name to show, or null: the client's name is never a path, so one with a directory, a parent
	 * reference, control or invisible characters is refused rather than cleaned up behind the user's back.
	 */
	static String displayName(String fileName) {
		if (fileName == null || fileName.isBlank()) {
			return null;
		}
		List<FieldProblem> problems = new ArrayList<>();
		String name = Text.check(problems, "file", fileName, Text.Kind.LINE, MAX_NAME);
		if (problems.isEmpty() && (name.contains("/") || name.contains("\\") || name.contains("..") || name.contains(":"))) {
			problems.add(new FieldProblem("file", "file-name", Message.of("文件名不能包含路径（/、\\、..、:）",
					"a file name cannot hold a path (/, \\, .., :)")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return name.isEmpty() ? null : name;
	}
}

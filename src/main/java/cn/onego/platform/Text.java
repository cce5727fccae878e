package cn.onego.platform;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * The one rule book for text that people send: what characters a value may hold and how long it may be.
 * Every JSON string is held to the rules of {@link Kind#FREE_TEXT} as it is read (see
 * {@code platform.web.JsonLimits}); where a value enters a module, its field is held to its own kind and
 * the length a person's data really needs ({@link #NAME} characters for a name, {@link #ADDRESS} for an
 * address …).
 * <p>
 * Refused everywhere: NUL and the other C0 and C1 control characters (free text keeps tab and line
 * breaks), DEL, lone surrogates (half an emoji: not text at all) and the Unicode bidirectional controls
 * (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F), which make a line display in another order than it is
 * stored and so disguise what staff read. Names, identifiers and codes also refuse line and paragraph
 * separators and the zero-width characters (U+200B–U+200D, U+2060, U+FEFF), so that two names that look
 * alike are alike and a name cannot be made of nothing visible. Accepted text is NFC-normalised, so that
 * the same name typed on two devices is stored the same way. Script and markup are not refused: they are
 * stored as the characters they are and shown with {@code textContent}, never interpreted.
 */
public final class Text {

	/** A person's or an enterprise's name, a recipient, a display name. */
	public static final int NAME = 50;

	/** An enterprise's or an organisation's name. */
	public static final int ORGANISATION = 100;

	/** A postal address. */
	public static final int ADDRESS = 200;

	/** A value of the merged form, unless its data element allows less. */
	public static final int FORM_VALUE = 2_000;

	/** A reason, a finding, a comment, a note. */
	public static final int REASON = 1_000;

	/** A code of the catalogue or an identifier someone types (licence or tracking number). */
	public static final int CODE = 64;

	/** Any JSON string at all, before a module looks at it. */
	public static final int ANY = 10_000;

	/** What a field holds. */
	public enum Kind {
		/** One line: names, identifiers, codes, addresses. */
		LINE,
		/** Several lines: reasons, comments, notes, free-text form fields. */
		FREE_TEXT
	}

	private Text() {
	}

	/**
	 * What is wrong with the value's characters, or empty. Null is fine here (whether a value is required
	 * is the caller's business).
	 */
	public static Optional<FieldProblem> characterProblem(String field, String value, Kind kind) {
		if (value == null) {
			return Optional.empty();
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
					i++;
					continue;
				}
				return problem(field, "lone-surrogate", "含有不完整的字符（孤立的代理码元）", "contains half a character (a lone surrogate)");
			}
			if (Character.isLowSurrogate(c)) {
				return problem(field, "lone-surrogate", "含有不完整的字符（孤立的代理码元）", "contains half a character (a lone surrogate)");
			}
			if (bidiControl(c)) {
				return problem(field, "bidi-control", "含有改变文字显示方向的控制字符（U+" + hex(c) + "）",
						"contains a bidirectional control character (U+" + hex(c) + ") that changes how the text displays");
			}
			boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
			if (kind == Kind.FREE_TEXT && lineBreak) {
				continue;
			}
			if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
				return problem(field, "control-character", "含有控制字符（U+" + hex(c) + "）" + (kind == Kind.LINE ? "，此项应为单行文字" : ""),
						"contains a control character (U+" + hex(c) + ")" + (kind == Kind.LINE ? "; this field is one line" : ""));
			}
			if (kind == Kind.LINE && (zeroWidth(c) || c == '\u2028' || c == '\u2029')) {
				return problem(field, "invisible-character", "含有不可见字符（U+" + hex(c) + "）",
						"contains an invisible character (U+" + hex(c) + ")");
			}
		}
		return Optional.empty();
	}

	/**
	 * Checks a value of the kind and at most {@code max} characters (code points, after NFC), adding what is
	 * wrong to {@code problems}; returns the value NFC-normalised and trimmed, or null when it is null or
	 * was refused.
	 */
	public static String check(List<FieldProblem> problems, String field, String value, Kind kind, int max) {
		if (value == null) {
			return null;
		}
		Optional<FieldProblem> characters = characterProblem(field, value, kind);
		if (characters.isPresent()) {
			problems.add(characters.get());
			return null;
		}
		String normalised = normalise(value).strip();
		int length = normalised.codePointCount(0, normalised.length());
		if (length > max) {
			problems.add(tooLong(field, max));
			return null;
		}
		return normalised;
	}

	/** {@link #check} for one field alone: refuses at once with {@link InvalidInput}. */
	public static String require(String field, String value, Kind kind, int max) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		String checked = check(problems, field, value, kind, max);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return checked;
	}

	public static String normalise(String value) {
		return value == null || Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
				: Normalizer.normalize(value, Normalizer.Form.NFC);
	}

	public static FieldProblem tooLong(String field, int max) {
		return new FieldProblem(field, "too-long", Message.of("至多" + max + "个字符", "at most " + max + " characters"));
	}

	static boolean bidiControl(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
				|| c == '\u061C';
	}

	static boolean zeroWidth(char c) {
		return (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
	}

	private static String hex(char c) {
		return String.format("%04X", (int) c);
	}

	private static Optional<FieldProblem> problem(String field, String code, String zh, String en) {
		return Optional.of(new FieldProblem(field, code, Message.of(zh, en)));
	}
}

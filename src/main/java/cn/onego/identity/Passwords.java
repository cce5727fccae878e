package cn.onego.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;

/**
 * The rules every password follows (ASVS V2.1): 8 to 64 characters that fit BCrypt's 72 bytes, more than one
 * kind of character, not a well-known password, not the user's own name or number. Checked before hashing,
 * so that no password is cut short silently and none makes the hashing fail.
 */
public final class Passwords {

	static final int MIN_LENGTH = 8;
	static final int MAX_LENGTH = 64;
	static final int MAX_BYTES = 72;

	private static final Set<String> COMMON = load();

	private Passwords() {
	}

	/**
	 * What is wrong with the password, if anything, for the field named; {@code personal} are values it
	 * must not contain (the username, an ID number, a mobile number).
	 */
	public static Optional<FieldProblem> problem(String field, String password, String... personal) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH
				|| password.codePointCount(0, password.length()) > MAX_LENGTH
				|| password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of(new FieldProblem(field, "length", Message.of("密码应为8至64个字符（汉字按3个字节计，总长不超过72字节）",
					"a password has 8 to 64 characters and at most 72 bytes (a Chinese character counts as 3)")));
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower) || password.chars().distinct().count() < 3) {
			return Optional.of(new FieldProblem(field, "common", Message.of("密码过于常见，请换一个不易被猜到的密码",
					"this password is too common; choose one that is hard to guess")));
		}
		if (kinds(password) < 2) {
			return Optional.of(new FieldProblem(field, "kinds", Message.of("密码应至少包含字母、数字、符号中的两种",
					"a password mixes at least two of letters, digits and symbols")));
		}
		for (String value : personal) {
			if (value != null && value.length() >= 4 && lower.contains(value.toLowerCase(Locale.ROOT))) {
				return Optional.of(new FieldProblem(field, "personal", Message.of("密码不能包含用户名、证件号码或手机号码",
						"a password must not contain the username, the ID number or the mobile number")));
			}
		}
		return Optional.empty();
	}

	private static long kinds(String password) {
		boolean letters = password.codePoints().anyMatch(Character::isLetter);
		boolean digits = password.codePoints().anyMatch(Character::isDigit);
		boolean others = password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
		return (letters ? 1 : 0) + (digits ? 1 : 0) + (others ? 1 : 0);
	}

	private static Set<String> load() {
		try (var in = Passwords.class.getResourceAsStream("/identity/common-passwords.txt");
				var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

package cn.onego.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;


/**
 * What a password must be, for staff and for the people of the identity provider alike: 8 to 64 characters that fit BCrypt (which reads at most
 * 72 bytes of UTF-8: a Chinese character takes three), of at least two kinds (lower-case letters, upper-case
 * letters, digits, anything else), not the username or the ID number, and not one of the passwords people
 * choose most often ({@code platform/common-passwords.txt}). Checked before hashing, so
 * that no password is cut short silently and none makes the hashing fail.
 */
public final class PasswordRules {

	static final int MIN_CHARACTERS = 8;
	static final int MAX_CHARACTERS = 64;
	static final int MAX_BYTES = 72;

	private final Set<String> common;

	private static final PasswordRules STANDARD = withCommonPasswords();

	PasswordRules(Set<String> common) {
		this.common = Set.copyOf(common);
	}

	/** The rules with the shipped list of common passwords. */
	public static PasswordRules standard() {
		return STANDARD;
	}

	private static PasswordRules withCommonPasswords() {
		Set<String> common = new HashSet<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new ClassPathResource("platform/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			in.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.forEach(line -> common.add(line.toLowerCase(Locale.ROOT)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new PasswordRules(common);
	}

	int commonCount() {
		return common.size();
	}

	/** Every rule the password breaks, as problems of the field {@code password}; empty when it is good. */
	public List<FieldProblem> problems(String password, String username, String idNumber) {
		List<FieldProblem> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add(problem("required", "请设置密码", "choose a password"));
			return problems;
		}
		int characters = password.codePointCount(0, password.length());
		int bytes = password.getBytes(StandardCharsets.UTF_8).length;
		if (characters < MIN_CHARACTERS) {
			problems.add(problem("length", "密码至少8个字符", "a password has at least 8 characters"));
		}
		else if (characters > MAX_CHARACTERS) {
			problems.add(problem("length", "密码最多64个字符", "a password has at most 64 characters"));
		}
		else if (bytes > MAX_BYTES) {
			problems.add(problem("bytes", "密码过长：按UTF-8编码不能超过72字节（一个汉字占3字节），请缩短",
					"too long: at most 72 bytes in UTF-8 (a Chinese character takes 3); please shorten it"));
		}
		if (kinds(password) < 2) {
			problems.add(problem("kinds", "密码须包含小写字母、大写字母、数字、符号中的至少两类",
					"use at least two kinds of lower-case letters, upper-case letters, digits and symbols"));
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if ((username != null && !username.isBlank() && lower.equals(username.strip().toLowerCase(Locale.ROOT)))
				|| (idNumber != null && !idNumber.isBlank() && lower.contains(idNumber.strip().toLowerCase(Locale.ROOT)))) {
			problems.add(problem("personal", "密码不能是用户名或公民身份号码", "the password must not be the username or the ID number"));
		}
		if (common.contains(lower)) {
			problems.add(problem("common", "这是最常见的密码之一，很容易被猜中，请换一个",
					"this is one of the most common passwords and easily guessed; choose another"));
		}
		return problems;
	}

	private static int kinds(String password) {
		boolean lower = false, upper = false, digit = false, other = false;
		for (int i = 0; i < password.length(); ) {
			int c = password.codePointAt(i);
			i += Character.charCount(c);
			if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	private static FieldProblem problem(String code, String zh, String en) {
		return new FieldProblem("password", code, Message.of(zh, en));
	}
}

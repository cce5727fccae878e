package cn.onego.identity;

import java.util.Optional;
import java.util.regex.Pattern;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;

/** The rules every username follows, for applicants and staff alike: one shape, one owner. */
final class Usernames {

	private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");

	private Usernames() {
	}

	static String normalise(String username) {
		return username == null ? "" : username.trim().toLowerCase();
	}

	/** Whether the text has the shape of a username (a claim of a provider may hold anything). */
	static boolean isValid(String username) {
		return username != null && SHAPE.matcher(username).matches();
	}

	/** What is wrong with the (normalised) username, if anything. */
	static Optional<FieldProblem> problem(String username, StaffDirectory staff, Accounts applicants) {
		if (!SHAPE.matcher(username).matches()) {
			return Optional.of(new FieldProblem("username", "pattern", Message.of("用户名应为3至32位小写字母、数字、点、下划线或连字符",
					"a username has 3 to 32 lower-case letters, digits, '.', '_' or '-'")));
		}
		if (staff.find(username).isPresent() || applicants.usernameTaken(username)) {
			return Optional.of(new FieldProblem("username", "taken", Message.of("用户名已被使用", "this username is taken")));
		}
		return Optional.empty();
	}
}

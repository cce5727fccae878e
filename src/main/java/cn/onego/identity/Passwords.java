package cn.onego.identity;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;

/**
 * The one rule for a new password: 8 to 72 characters and at most 72 bytes in UTF-8, the most BCrypt reads
 * (24 Chinese characters are 72 bytes; longer would be cut off silently or refused by the encoder).
 */
final class Passwords {

	private Passwords() {
	}

	static Optional<FieldProblem> problem(String password) {
		if (password == null || password.length() < 8 || password.getBytes(StandardCharsets.UTF_8).length > 72) {
			return Optional.of(new FieldProblem("password", "length", Message.of("密码长度应为8至72位（至多72字节，约24个汉字）",
					"a password has 8 to 72 characters (at most 72 bytes: about 24 Chinese characters)")));
		}
		return Optional.empty();
	}
}

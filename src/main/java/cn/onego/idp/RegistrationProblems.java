package cn.onego.idp;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** What can go wrong while registering, each answered as bilingual problem+json. */
final class RegistrationProblems {

	private RegistrationProblems() {
	}

	/**
	 * The one answer to every failed real-name check — a name that does not match, an ID number the registry
	 * does not hold, a wrong check character, no mobile on record — so that nobody learns which part failed or
	 * whether the person exists. The reason is kept in {@code idp_attempt} only.
	 */
	static final class RealNameCheckFailed extends Problem {

		RealNameCheckFailed() {
			super(HttpStatus.BAD_REQUEST, "real-name-check-failed", Message.of("实名核验未通过", "Real-name check failed"),
					Message.of("您填写的姓名和公民身份号码未能通过核验。请核对后重试；如确认无误，请携带居民身份证到就近的政务服务大厅办理。",
							"The name and citizen ID number you entered could not be verified. Check them and try again; if they are right, please bring your resident ID card to a government service hall."),
					List.of());
		}
	}

	/** Too many codes for one mobile number: once a minute, ten a day. */
	static final class TooManyCodes extends Problem {

		TooManyCodes(long seconds) {
			super(HttpStatus.TOO_MANY_REQUESTS, "too-many-codes", Message.of("验证码发送过于频繁", "Too many codes"),
					Message.of("验证码发送过于频繁，请 " + words(seconds, true) + "后再试。",
							"Codes were sent too often; please try again in " + words(seconds, false) + "."),
					List.of());
			header("Retry-After", Long.toString(seconds));
		}

		private static String words(long seconds, boolean chinese) {
			if (seconds < 120) {
				return chinese ? seconds + " 秒" : seconds + " seconds";
			}
			long minutes = (seconds + 59) / 60;
			if (minutes < 120) {
				return chinese ? minutes + " 分钟" : minutes + " minutes";
			}
			long hours = (minutes + 59) / 60;
			return chinese ? "约 " + hours + " 小时" : "about " + hours + " hours";
		}
	}

	/** A wrong, expired or used-up one-time code. */
	static final class CodeRejected extends Problem {

		private CodeRejected(String code, Message detail) {
			super(HttpStatus.BAD_REQUEST, code, Message.of("验证码无效", "Invalid code"), detail, List.of());
		}

		static CodeRejected wrong(int triesLeft) {
			return new CodeRejected("wrong-code", triesLeft > 0
					? Message.of("验证码不正确，还可尝试 " + triesLeft + " 次。", "The code is wrong; " + triesLeft + " tries left.")
					: Message.of("验证码不正确，尝试次数已用完，请重新获取验证码。", "The code is wrong and no tries are left; ask for a new code."));
		}

		static CodeRejected expired() {
			return new CodeRejected("code-expired",
					Message.of("验证码已过期（5分钟内有效），请重新获取。", "The code has expired (it is valid for 5 minutes); ask for a new one."));
		}

		static CodeRejected usedUp() {
			return new CodeRejected("code-tries-used-up",
					Message.of("该验证码尝试次数已用完，请重新获取验证码。", "This code has been tried too often; ask for a new one."));
		}
	}

	/** The registration handle is unknown (never issued, or cleaned up after two days). */
	static final class RegistrationNotFound extends Problem {

		RegistrationNotFound() {
			super(HttpStatus.NOT_FOUND, "registration-not-found", Message.of("未找到注册申请", "Registration not found"),
					Message.of("未找到该注册申请，请从第一步重新开始。", "This registration is unknown; please start again from the first step."),
					List.of());
		}
	}

	/** The registration is past the step asked for (already registered, reset, or its reset window passed). */
	static final class RegistrationClosed extends Problem {

		RegistrationClosed() {
			super(HttpStatus.CONFLICT, "registration-closed", Message.of("注册申请已结束", "Registration closed"),
					Message.of("该注册申请已办结或已过期，请从第一步重新开始。",
							"This registration is finished or has expired; please start again from the first step."),
					List.of());
		}
	}
}

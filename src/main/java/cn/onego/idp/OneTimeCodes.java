package cn.onego.idp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.idp.Attempts.Kind;
import cn.onego.idp.RegistrationProblems.CodeRejected;
import cn.onego.idp.RegistrationProblems.RegistrationClosed;
import cn.onego.idp.RegistrationProblems.TooManyCodes;
import cn.onego.idp.Registrations.Registration;
import cn.onego.platform.sms.SmsGateway;

/**
 * The six-digit codes of a registration, sent by text message within the {@link CodeLimits} of the
 * mobile number and taken once. Only a hash of a code is stored, and a code is spent by its first right
 * answer, so that neither a copy of the database nor a replayed request registers anybody.
 */
@Component
class OneTimeCodes {

	private final SmsGateway sms;
	private final Registrations registrations;
	private final Attempts attempts;
	private final Clock clock;
	private final TransactionTemplate transaction;

	OneTimeCodes(SmsGateway sms, Registrations registrations, Attempts attempts, Clock clock,
			PlatformTransactionManager transactions) {
		this.sms = sms;
		this.registrations = registrations;
		this.attempts = attempts;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Sends a code within the limits: one transaction holds the number's lock, counts today's codes, stores the
	 * registration (step 1) and the code, and hands the text to the gateway.
	 */
	Instant send(Kind kind, String mobile, String idNumber, UUID subject, String address, Runnable before,
			String registration) {
		Instant now = now();
		Instant expiresAt = now.plus(CodeLimits.LIFETIME);
		String code = Secrets.sixDigits();
		String codeHash = Secrets.BCRYPT.encode(code);
		Optional<Duration> wait = transaction.execute(status -> {
			registrations.lockMobile(mobile);
			Optional<Duration> limit = CodeLimits.waitBeforeNext(
					registrations.codesSentTo(mobile, CodeLimits.midnightBefore(now, clock.getZone())), now, clock.getZone());
			if (limit.isPresent()) {
				return limit;
			}
			before.run();
			registrations.addCode(registration, mobile, codeHash, now, expiresAt);
			sms.send(mobile, "【一件事一次办】您的验证码为 " + code
					+ "，5分钟内有效，用于统一身份认证（演示）实名注册或找回密码。如非本人操作，请忽略本短信，切勿将验证码告诉他人。");
			return Optional.empty();
		});
		if (wait != null && wait.isPresent()) {
			attempts.refused(kind, idNumber, subject, "TOO_MANY_CODES", address);
			throw new TooManyCodes(CodeLimits.seconds(wait.get()));
		}
		return expiresAt;
	}

	/**
	 * Spends the registration's current code on the typed one at {@code now}, or refuses: an expired
	 * code, one whose tries are used up, or a wrong one (with the tries left).
	 */
	void take(Registration registration, String code, Instant now, String address) {
		Registrations.Code current = registrations.currentCode(registration.id()).orElseThrow(RegistrationClosed::new);
		String idNumber = registration.idNumber();
		if (current.usedAt() != null) {
			throw new RegistrationClosed();
		}
		if (!now.isBefore(current.expiresAt())) {
			attempts.refused(Kind.CODE, idNumber, registration.existingSubject(), "CODE_EXPIRED", address);
			throw CodeRejected.expired();
		}
		Optional<Integer> attempt = registrations.takeTry(current.id(), CodeLimits.TRIES);
		if (attempt.isEmpty()) {
			attempts.refused(Kind.CODE, idNumber, registration.existingSubject(), "CODE_TRIES_USED_UP", address);
			throw CodeRejected.usedUp();
		}
		String typed = code == null ? "" : code.strip();
		if (!typed.matches("\\d{6}") || !Secrets.BCRYPT.matches(typed, current.codeHash())) {
			attempts.refused(Kind.CODE, idNumber, registration.existingSubject(), "WRONG_CODE", address);
			throw CodeRejected.wrong(CodeLimits.TRIES - attempt.get());
		}
		if (!registrations.markUsed(current.id(), now)) {
			throw new RegistrationClosed();
		}
	}

	/** The platform's time as the database keeps it (microseconds), so that what is answered is what is stored. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}

package cn.onego.idp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.idp.Attempts.Kind;
import cn.onego.idp.RegistrationProblems.RegistrationClosed;
import cn.onego.idp.RegistrationProblems.RegistrationNotFound;
import cn.onego.idp.Registrations.Registration;
import cn.onego.idp.Registrations.State;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.PasswordRules;
import cn.onego.platform.sms.SmsGateway;

/**
 * Real-name registration (实名注册) in two steps.
 * <ol>
 * <li>{@link #start}: name, 公民身份号码, chosen username and password. The population registry must hold
 * the number under exactly that name and with a mobile number; otherwise one neutral refusal, whatever
 * failed. A six-digit code goes to the mobile <em>on record</em> — or, when the number already has an
 * account, to that account's mobile — and the answer looks the same either way.</li>
 * <li>{@link #confirm}: the code. Right: the person is registered, or, if the number already had an
 * account, told so and offered a password reset ({@link #resetPassword}).</li>
 * </ol>
 * Every step is an attempt in {@code idp_attempt}, accepted or refused. The registry check is
 * {@link RealNameCheck}, the codes are {@link OneTimeCodes}.
 */
@Service
public class RealNameRegistration {

	/** After a right code for an existing account, how long the password reset it offers stays open. */
	static final Duration RESET_WINDOW = Duration.ofMinutes(10);

	private static final Pattern ID_SHAPE = Pattern.compile("\\d{17}[\\dX]");
	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,31}");
	private static final Pattern ID_LIKE = Pattern.compile("\\d{17}[\\dx]");

	private final RealNameCheck realName;
	private final OneTimeCodes codes;
	private final People people;
	private final Registrations registrations;
	private final Attempts attempts;
	private final PasswordRules passwords;
	private final Clock clock;
	private final TransactionTemplate transaction;

	RealNameRegistration(RealNameCheck realName, OneTimeCodes codes, People people, Registrations registrations,
			Attempts attempts, Clock clock, PlatformTransactionManager transactions) {
		this.realName = realName;
		this.codes = codes;
		this.people = people;
		this.registrations = registrations;
		this.attempts = attempts;
		this.passwords = PasswordRules.standard();
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Step 1 as typed. */
	public record Start(String name, String idNumber, String username, String password) {
	}

	/**
	 * A code is on its way.
	 *
	 * @param registration the handle for the next steps (keep it secret: with the code it registers)
	 * @param mobile where the code went, masked ({@code 138****0001})
	 * @param expiresAt until when the code is valid
	 * @param resendAfterSeconds when a new code may be asked for
	 */
	public record CodeSent(String registration, String mobile, Instant expiresAt, long resendAfterSeconds) {
	}

	/** How a right code ends the registration. */
	public sealed interface Outcome permits Registered, AccountExists, PasswordChanged {

		String username();
	}

	/** The person now exists at the identity provider and may sign in. */
	public record Registered(String username) implements Outcome {
	}

	/** The ID number already had an account (this username); its password may be reset within ten minutes. */
	public record AccountExists(String username, Instant resetUntil) implements Outcome {
	}

	/** The existing account has the new password. */
	public record PasswordChanged(String username) implements Outcome {
	}

	/** Step 1: checks the person against the population registry and sends a code to the mobile on record. */
	public CodeSent start(Start request, String address) {
		String idNumber = request.idNumber() == null ? "" : request.idNumber().strip().toUpperCase(Locale.ROOT);
		String name = request.name() == null ? "" : request.name().strip();
		String username = request.username() == null ? "" : request.username().strip().toLowerCase(Locale.ROOT);

		List<FieldProblem> problems = new ArrayList<>();
		if (name.isEmpty() || name.length() > 50) {
			problems.add(new FieldProblem("name", "required", Message.of("请填写与身份证一致的姓名（1至50字）",
					"enter your name as on your ID card (1 to 50 characters)")));
		}
		if (!ID_SHAPE.matcher(idNumber).matches()) {
			problems.add(new FieldProblem("idNumber", "pattern", Message.of("公民身份号码应为18位：17位数字加1位数字或X",
					"a citizen ID number has 18 characters: 17 digits and a digit or X")));
		}
		if (!USERNAME.matcher(username).matches() || ID_LIKE.matcher(username).matches()) {
			problems.add(new FieldProblem("username", "pattern", Message.of("用户名应为3至32位小写字母、数字、点、下划线或连字符，且不能是身份号码",
					"a username has 3 to 32 lower-case letters, digits, '.', '_' or '-', and is not an ID number")));
		}
		else if (people.usernameTaken(username)) {
			problems.add(new FieldProblem("username", "taken", Message.of("用户名已被使用", "this username is taken")));
		}
		problems.addAll(passwords.problems(request.password(), username, idNumber));
		if (!problems.isEmpty()) {
			attempts.refused(Kind.REGISTRATION, idNumber, null, "INVALID_INPUT", address);
			throw new InvalidInput(problems);
		}

		RealNameCheck.Verified verified = realName.check(idNumber, name, address);
		String to = verified.mobile();
		UUID existingSubject = verified.existingSubject();

		String handle = Secrets.handle();
		String passwordHash = Secrets.BCRYPT.encode(request.password());
		Instant now = now();
		Instant expiresAt = codes.send(Kind.REGISTRATION, to, idNumber, existingSubject, address, () -> registrations.insert(new Registration(
				Secrets.sha256(handle), idNumber, verified.nameOnRecord(), username, passwordHash, to, existingSubject,
				State.CODE_SENT, now, null)), Secrets.sha256(handle));
		attempts.accepted(Kind.REGISTRATION, idNumber, existingSubject,
				existingSubject == null ? "CODE_SENT" : "CODE_SENT_TO_ACCOUNT_MOBILE", address);
		return new CodeSent(handle, SmsGateway.masked(to), expiresAt, CodeLimits.GAP.toSeconds());
	}

	/** A new code for a registration waiting for one (the older code stops working). */
	public CodeSent resend(String handle, String address) {
		Registration registration = find(handle);
		if (registration.state() != State.CODE_SENT) {
			throw new RegistrationClosed();
		}
		Instant expiresAt = codes.send(Kind.RESEND, registration.mobile(), registration.idNumber(), registration.existingSubject(), address,
				() -> {
				}, registration.id());
		attempts.accepted(Kind.RESEND, registration.idNumber(), registration.existingSubject(), "CODE_SENT", address);
		return new CodeSent(handle, SmsGateway.masked(registration.mobile()), expiresAt, CodeLimits.GAP.toSeconds());
	}

	/** Step 2: the code from the text message. */
	public Outcome confirm(String handle, String code, String address) {
		Registration registration = find(handle);
		if (registration.state() != State.CODE_SENT) {
			throw new RegistrationClosed();
		}
		Instant now = now();
		String idNumber = registration.idNumber();
		codes.take(registration, code, now, address);
		if (registration.existingSubject() != null) {
			return accountExists(registration, registration.existingSubject(), now, address);
		}
		Person person = new Person(UUID.randomUUID(), idNumber, registration.name(), registration.mobile(),
				registration.username(), registration.passwordHash(), now, Lockout.none());
		try {
			transaction.executeWithoutResult(status -> {
				people.insert(person);
				if (!registrations.advance(registration.id(), State.CODE_SENT, State.REGISTERED, null, now)) {
					throw new RegistrationClosed();
				}
			});
		}
		catch (DuplicateKeyException e) {
			// someone registered the same number or username since step 1
			Optional<Person> holder = people.byIdNumber(idNumber);
			if (holder.isPresent()) {
				return accountExists(registration, holder.get().subject(), now, address);
			}
			attempts.refused(Kind.CODE, idNumber, null, "USERNAME_TAKEN", address);
			throw InvalidInput.of("username", "taken", Message.of("用户名已被他人使用，请从第一步重新开始并换一个用户名",
					"the username was taken meanwhile; start again with another username"));
		}
		attempts.accepted(Kind.CODE, idNumber, person.subject(), "REGISTERED", address);
		return new Registered(person.username());
	}

	/** After a right code for an existing account: its new password. */
	public PasswordChanged resetPassword(String handle, String password, String address) {
		Registration registration = find(handle);
		Instant now = now();
		if (registration.state() != State.ACCOUNT_EXISTS || registration.verifiedAt() == null
				|| !now.isBefore(registration.verifiedAt().plus(RESET_WINDOW))) {
			throw new RegistrationClosed();
		}
		Person person = people.bySubject(registration.existingSubject().toString()).orElseThrow(RegistrationClosed::new);
		List<FieldProblem> problems = passwords.problems(password, person.username(), person.idNumber());
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String hash = Secrets.BCRYPT.encode(password);
		transaction.executeWithoutResult(status -> {
			if (!registrations.advance(registration.id(), State.ACCOUNT_EXISTS, State.PASSWORD_RESET, null, now)) {
				throw new RegistrationClosed();
			}
			people.changePassword(person.subject(), hash);
		});
		attempts.accepted(Kind.PASSWORD_RESET, person.idNumber(), person.subject(), "PASSWORD_RESET", address);
		return new PasswordChanged(person.username());
	}

	private AccountExists accountExists(Registration registration, UUID subject, Instant now, String address) {
		registrations.advance(registration.id(), State.CODE_SENT, State.ACCOUNT_EXISTS, subject, now);
		Person holder = people.bySubject(subject.toString()).orElseThrow(RegistrationClosed::new);
		attempts.accepted(Kind.CODE, registration.idNumber(), subject, "ACCOUNT_EXISTS", address);
		return new AccountExists(holder.username(), now.plus(RESET_WINDOW));
	}

	/** The platform's time as the database keeps it (microseconds), so that what is answered is what is stored. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private Registration find(String handle) {
		if (handle == null || handle.isBlank() || handle.length() > 100) {
			throw new RegistrationNotFound();
		}
		return registrations.find(Secrets.sha256(handle)).orElseThrow(RegistrationNotFound::new);
	}
}

package cn.onego.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.PasswordRules;

/**
 * The passwords of the staff accounts administrators created: an administrator resets a forgotten one to a
 * temporary password, shown to them once and never stored in clear; its holder must then choose their own
 * before anything else. Demo users' passwords come from their data file.
 */
@Service
public class StaffPasswords {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StaffPasswords.class);

	// no letters or digits people misread on paper (0/O, 1/l/I)
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
	private static final int TEMPORARY_LENGTH = 14;

	private final StaffAccounts staff;
	private final StaffAdministration administration;
	private final DemoUsers demo;
	private final PasswordEncoder encoder;
	private final ApplicationEventPublisher events;
	private final SecureRandom random = new SecureRandom();

	StaffPasswords(StaffAccounts staff, StaffAdministration administration, DemoUsers demo, PasswordEncoder encoder,
			ApplicationEventPublisher events) {
		this.staff = staff;
		this.administration = administration;
		this.demo = demo;
		this.encoder = encoder;
		this.events = events;
	}

	/** A temporary password for an administrator to hand over, once. */
	public record Temporary(String username, String temporaryPassword) {
	}

	@Transactional
	public Temporary reset(String username, String by) {
		String account = administration.existingAccount(username);
		String password;
		do {
			StringBuilder chosen = new StringBuilder(TEMPORARY_LENGTH);
			for (int i = 0; i < TEMPORARY_LENGTH; i++) {
				chosen.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			password = chosen.toString();
		}
		while (!PasswordRules.standard().problems(password, account, null).isEmpty());
		staff.setPassword(account, encoder.encode(password), true);
		log.info("Password of staff account {} reset by {}", account, by);
		events.publishEvent(new StaffAccountChanged(account, StaffAccountChanged.Change.PASSWORD_RESET,
				"temporary password, to be changed at the next sign-in", by));
		return new Temporary(account, password);
	}

	/** Whether the staff member must choose a new password before working. */
	public boolean changeRequired(String username) {
		return username != null && demo.find(username).isEmpty() && staff.passwordChangeRequired(username);
	}

	/** The staff member's own new password, given with the current one. */
	@Transactional
	public void change(Actor actor, String current, String password) {
		List<FieldProblem> problems = new ArrayList<>();
		if (current == null || current.isEmpty()) {
			problems.add(new FieldProblem("current", "required", Message.of("请填写当前密码", "enter the current password")));
		}
		else {
			// no password of this platform is longer, or holds control characters: refused before it is compared
			cn.onego.platform.Text.check(problems, "current", current, cn.onego.platform.Text.Kind.LINE, 64);
		}
		problems.addAll(PasswordRules.standard().problems(password, actor.username(), actor.idNumber()));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (demo.find(actor.username()).isPresent()) {
			throw InvalidInput.of("password", "demo-user", Message.of("演示用户的密码来自数据文件，不能在此修改",
					"a demo user's password comes from their data file and cannot be changed here"));
		}
		StaffAccounts.Staff account = staff.find(actor.username())
			.orElseThrow(() -> InvalidInput.of("password", "no-password", Message.of("该账号没有本平台的密码",
					"this account has no password of this platform")));
		if (!encoder.matches(current, account.passwordHash())) {
			throw InvalidInput.of("current", "wrong", Message.of("当前密码不正确", "the current password is wrong"));
		}
		if (encoder.matches(password, account.passwordHash())) {
			throw InvalidInput.of("password", "unchanged", Message.of("新密码不能与当前密码相同",
					"the new password must differ from the current one"));
		}
		staff.setPassword(actor.username(), encoder.encode(password), false);
		log.info("Staff account {} chose a new password", actor.username());
	}
}

package cn.onego.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.Text;
import cn.onego.shared.IdNumber;

/**
 * A citizen opens an applicant account with a real-name ID number. Until 统一身份认证 is connected the
 * number is checked for shape, birth date and check digit, and may hold only one account.
 */
@Service
public class AccountRegistration {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private final Accounts accounts;
	private final DemoUsers staff;
	private final StaffAccounts staffAccounts;
	private final PasswordEncoder encoder;
	private final Clock clock;

	AccountRegistration(Accounts accounts, DemoUsers staff, StaffAccounts staffAccounts, PasswordEncoder encoder,
			Clock clock) {
		this.clock = clock;
		this.accounts = accounts;
		this.staff = staff;
		this.staffAccounts = staffAccounts;
		this.encoder = encoder;
	}

	public record NewAccount(String username, String password, String name, String idNumber, String mobile) {
	}

	/** Opens the account, or refuses with every problem listed and stores nothing. */
	public Actor register(NewAccount request) {
		List<FieldProblem> problems = new ArrayList<>();
		String username = Usernames.normalise(request.username());
		Usernames.problem(username, staff, staffAccounts, accounts).ifPresent(problems::add);
		Passwords.problem(request.password()).ifPresent(problems::add);
		String name = Text.check(problems, "name", request.name(), Text.Kind.LINE, Text.NAME);
		if (request.name() == null || (name != null && name.isEmpty())) {
			problems.add(new FieldProblem("name", "required", Message.of("请填写1至50字的姓名", "enter a name of 1 to 50 characters")));
		}
		String idNumber = request.idNumber() == null || request.idNumber().length() > 18 ? ""
				: request.idNumber().trim().toUpperCase(java.util.Locale.ROOT);
		if (!IdNumber.isValid(idNumber)) {
			problems.add(new FieldProblem("idNumber", "check-digit", Message.of("公民身份号码无效（请核对出生日期和最后一位校验码）",
					"not a valid citizen ID number (check the birth date and the last check character)")));
		}
		else if (new IdNumber(idNumber).birthDate().isAfter(LocalDate.now(clock))
				|| new IdNumber(idNumber).birthDate().getYear() < 1900) {
			problems.add(new FieldProblem("idNumber", "birth-date", Message.of("公民身份号码中的出生日期不可能（早于1900年或晚于今天）",
					"the ID number's birth date cannot be (before 1900 or after today)")));
		}
		else if (accounts.idNumberTaken(idNumber)) {
			problems.add(new FieldProblem("idNumber", "taken", Message.of("该身份证号已注册账号", "an account exists for this ID number")));
		}
		if (request.mobile() != null && !request.mobile().isBlank() && !MOBILE.matcher(request.mobile().trim()).matches()) {
			problems.add(new FieldProblem("mobile", "pattern", Message.of("手机号码应为11位、以1开头", "a mobile number has 11 digits starting with 1")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (!accounts.insert(username, encoder.encode(request.password()), name, idNumber,
				request.mobile() == null || request.mobile().isBlank() ? null : request.mobile().trim())) {
			throw InvalidInput.of("username", "taken", Message.of("用户名或身份证号已被使用", "the username or ID number is taken"));
		}
		return accounts.find(username).orElseThrow().actor();
	}
}

package cn.onego.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.PasswordRules;
import cn.onego.platform.Text;
import cn.onego.shared.RegionCode;

/**
 * Administrators create staff accounts with a role and a scope: a window clerk belongs to a hall, a
 * reviewer or department head to a department, a supervisor to a region.
 */
@Service
public class StaffAdministration {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StaffAdministration.class);

	private final StaffAccounts staff;
	private final DemoUsers demo;
	private final StaffDirectory directory;
	private final Accounts applicants;
	private final PasswordEncoder encoder;
	private final StaffScopes scopes;
	private final java.time.Clock clock;
	private final org.springframework.context.ApplicationEventPublisher events;

	StaffAdministration(StaffAccounts staff, DemoUsers demo, StaffDirectory directory, Accounts applicants,
			PasswordEncoder encoder, StaffScopes scopes, java.time.Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.clock = clock;
		this.events = events;
		this.staff = staff;
		this.demo = demo;
		this.directory = directory;
		this.applicants = applicants;
		this.encoder = encoder;
		this.scopes = scopes;
	}

	public record NewStaff(String username, String password, String name, Set<Role> roles, String region, String hall,
			String department) {
	}

	/**
	 * A staff user as administrators see them in the list: where the account comes from (the demo data
	 * file or an account an administrator created) and its scope; never a password or an ID number.
	 */
	public record Listed(String username, String name, Set<Role> roles, String region, String hall, String department,
			Source source, boolean disabled) {

		static Listed of(StaffUser user, Source source, boolean disabled) {
			return new Listed(user.username(), user.displayName(), user.roles(), user.region(), user.hall(), user.department(),
					source, disabled);
		}
	}

	public enum Source {
		/** From the demo users' data file, read at start-up. */
		DEMO,
		/** Created by an administrator and stored in the database. */
		ACCOUNT
	}

	/** The demo users in the order of their file, then the staff accounts by username. */
	public List<Listed> list() {
		List<Listed> all = new ArrayList<>();
		demo.all().forEach(user -> all.add(Listed.of(user, Source.DEMO, false)));
		staff.all().forEach(account -> all.add(Listed.of(account.user(), Source.ACCOUNT, account.disabled())));
		return all;
	}

	@org.springframework.transaction.annotation.Transactional
	public StaffUser create(NewStaff request, String createdBy) {
		List<FieldProblem> problems = new ArrayList<>();
		String username = Usernames.normalise(request.username());
		Usernames.problem(username, directory, applicants).ifPresent(problems::add);
		problems.addAll(PasswordRules.standard().problems(request.password(), username, null));
		String name = Text.check(problems, "name", request.name(), Text.Kind.LINE, Text.NAME);
		if (request.name() == null || (name != null && name.isEmpty())) {
			problems.add(new FieldProblem("name", "required", Message.of("请填写姓名", "enter the name")));
		}
		Set<Role> roles = request.roles() == null ? Set.of() : request.roles();
		if (roles.isEmpty() || roles.contains(Role.APPLICANT)) {
			problems.add(new FieldProblem("roles", "required", Message.of("请选择至少一个工作人员角色", "choose at least one staff role")));
		}
		Text.check(problems, "hall", request.hall(), Text.Kind.LINE, Text.CODE);
		Text.check(problems, "department", request.department(), Text.Kind.LINE, Text.CODE);
		if (request.region() == null || !RegionCode.isWellFormed(request.region())) {
			problems.add(new FieldProblem("region", "required", Message.of("请填写所属行政区划代码", "give the region code")));
		}
		else if (problems.stream().noneMatch(p -> p.field().equals("hall") || p.field().equals("department"))) {
			problems.addAll(scopes.problemsOf(request.region(), request.hall(), request.department()));
		}
		if (roles.contains(Role.WINDOW_CLERK) && (request.hall() == null || request.hall().isBlank())) {
			problems.add(new FieldProblem("hall", "required", Message.of("窗口人员须属于一个政务大厅", "a window clerk belongs to a hall")));
		}
		if ((roles.contains(Role.REVIEWER) || roles.contains(Role.DEPARTMENT_HEAD))
				&& (request.department() == null || request.department().isBlank())) {
			problems.add(new FieldProblem("department", "required", Message.of("审批人员须属于一个部门", "a reviewer belongs to a department")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		StaffUser user = new StaffUser(username, name, Set.copyOf(roles), null, request.region(),
				request.hall() == null || request.hall().isBlank() ? null : request.hall(),
				request.department() == null || request.department().isBlank() ? null : request.department());
		if (!staff.insert(user, encoder.encode(request.password()), createdBy)) {
			throw InvalidInput.of("username", "taken", Message.of("用户名已被使用", "this username is taken"));
		}
		events.publishEvent(new StaffAccountChanged(username, StaffAccountChanged.Change.CREATED, "roles " + user.roles()
				+ ", region " + user.region() + (user.hall() == null ? "" : ", hall " + user.hall())
				+ (user.department() == null ? "" : ", department " + user.department()), createdBy));
		return user;
	}

	/**
	 * Stops a staff member from working here — signing in by password or through the staff platform, and
	 * any session they still have — or lets them work again. Demo users come from their data file.
	 */
	@org.springframework.transaction.annotation.Transactional
	public void setDisabled(String username, boolean disabled, String by) {
		String name = Usernames.normalise(username);
		if (demo.find(name).isPresent()) {
			throw InvalidInput.of("username", "demo-user", Message.of("演示用户来自数据文件，不能在此停用",
					"demo users come from their data file and cannot be disabled here"));
		}
		if (!staff.disable(name, disabled ? clock.instant() : null)) {
			throw new cn.onego.platform.NotFound("工作人员账号", "staff account", name);
		}
		log.info("Staff account {} {} by {}", name, disabled ? "disabled" : "enabled", by);
		events.publishEvent(new StaffAccountChanged(name, disabled ? StaffAccountChanged.Change.DISABLED
				: StaffAccountChanged.Change.ENABLED, "", by));
	}
}

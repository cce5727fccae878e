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
		String name = placement(problems, request.name(), request.roles(), request.region(), request.hall(), request.department());
		Set<Role> roles = request.roles() == null ? Set.of() : request.roles();
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
	 * What is wrong with a staff member's name, roles and scope, added to {@code problems}; the name checked. The
	 * scope must exist, and fit the roles: a window clerk's hall, a reviewer's or head's department.
	 */
	private String placement(List<FieldProblem> problems, String requestedName, Set<Role> requestedRoles, String region,
			String hall, String department) {
		String name = Text.check(problems, "name", requestedName, Text.Kind.LINE, Text.NAME);
		if (requestedName == null || (name != null && name.isEmpty())) {
			problems.add(new FieldProblem("name", "required", Message.of("请填写姓名", "enter the name")));
		}
		Set<Role> roles = requestedRoles == null ? Set.of() : requestedRoles;
		if (roles.isEmpty() || roles.contains(Role.APPLICANT)) {
			problems.add(new FieldProblem("roles", "required", Message.of("请选择至少一个工作人员角色", "choose at least one staff role")));
		}
		Text.check(problems, "hall", hall, Text.Kind.LINE, Text.CODE);
		Text.check(problems, "department", department, Text.Kind.LINE, Text.CODE);
		if (region == null || !RegionCode.isWellFormed(region)) {
			problems.add(new FieldProblem("region", "required", Message.of("请填写所属行政区划代码", "give the region code")));
		}
		else if (problems.stream().noneMatch(p -> p.field().equals("hall") || p.field().equals("department"))) {
			problems.addAll(scopes.problemsOf(region, hall, department));
		}
		if (roles.contains(Role.WINDOW_CLERK) && (hall == null || hall.isBlank())) {
			problems.add(new FieldProblem("hall", "required", Message.of("窗口人员须属于一个政务大厅", "a window clerk belongs to a hall")));
		}
		if ((roles.contains(Role.REVIEWER) || roles.contains(Role.DEPARTMENT_HEAD)) && (department == null || department.isBlank())) {
			problems.add(new FieldProblem("department", "required", Message.of("审批人员须属于一个部门", "a reviewer belongs to a department")));
		}
		return name;
	}

	/** A staff account's new name, roles and scope. */
	public record Edit(String name, Set<Role> roles, String region, String hall, String department) {
	}

	/**
	 * Renames an account, or moves it to other roles or another place; checked as when it was created. An
	 * administrator keeps their own administration, and the platform keeps at least one administrator.
	 */
	@org.springframework.transaction.annotation.Transactional
	public Listed edit(String username, Edit request, String by) {
		if (request == null) {
			throw InvalidInput.of("name", "required", Message.of("请填写姓名", "enter the name"));
		}
		// what was sent is checked first: a malformed request is refused on its fields, whoever it names
		List<FieldProblem> problems = new ArrayList<>();
		String name = placement(problems, request.name(), request.roles(), request.region(), request.hall(), request.department());
		Set<Role> roles = request.roles() == null ? Set.of() : request.roles();
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String account = existingAccount(username);
		if (!roles.contains(Role.SYSTEM_ADMIN)) {
			keepAdministration(account, by, "roles");
		}
		StaffUser user = new StaffUser(account, name, Set.copyOf(roles), null, request.region(), blankless(request.hall()),
				blankless(request.department()));
		staff.update(user);
		log.info("Staff account {} edited by {}", account, by);
		events.publishEvent(new StaffAccountChanged(account, StaffAccountChanged.Change.EDITED, "name " + name + ", roles "
				+ user.roles() + ", region " + user.region() + (user.hall() == null ? "" : ", hall " + user.hall())
				+ (user.department() == null ? "" : ", department " + user.department()), by));
		return Listed.of(user, Source.ACCOUNT, staff.find(account).map(StaffAccounts.Staff::disabled).orElse(false));
	}

	/** The account's username when it is one an administrator may change (not a demo user's); otherwise refused. */
	String existingAccount(String username) {
		String name = Usernames.normalise(username);
		if (name != null && demo.find(name).isPresent()) {
			throw InvalidInput.of("username", "demo-user", Message.of("演示用户来自数据文件，不能在此修改",
					"demo users come from their data file and cannot be changed here"));
		}
		if (name == null || !Usernames.isValid(name) || staff.find(name).isEmpty()) {
			throw new cn.onego.platform.NotFound("工作人员账号", "staff account", String.valueOf(username));
		}
		return name;
	}

	/**
	 * Refuses to take an account out of administration (disable it, or take away its role) when it is the
	 * administrator's own — nobody locks themselves out — or the last enabled administrator's.
	 */
	private void keepAdministration(String account, String by, String field) {
		if (account.equals(by)) {
			throw InvalidInput.of(field, "self", Message.of("不能停用自己的账号或取消自己的系统管理员角色",
					"you cannot disable your own account or take away your own administration"));
		}
		boolean administrator = staff.find(account).map(s -> !s.disabled() && s.user().roles().contains(Role.SYSTEM_ADMIN))
			.orElse(false);
		long others = demo.all().stream().filter(u -> u.roles().contains(Role.SYSTEM_ADMIN)).count()
				+ staff.enabledWith(Role.SYSTEM_ADMIN).stream().filter(u -> !u.equals(account)).count();
		if (administrator && others == 0) {
			throw InvalidInput.of(field, "last-administrator", Message.of("这是最后一位系统管理员，不能停用或取消其角色",
					"this is the last system administrator: it cannot be disabled or lose the role"));
		}
	}

	private static String blankless(String value) {
		return value == null || value.isBlank() ? null : value;
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
		if (disabled && staff.find(name).isPresent()) {
			keepAdministration(name, by, "disabled");
		}
		if (!staff.disable(name, disabled ? clock.instant() : null)) {
			throw new cn.onego.platform.NotFound("工作人员账号", "staff account", name);
		}
		log.info("Staff account {} {} by {}", name, disabled ? "disabled" : "enabled", by);
		events.publishEvent(new StaffAccountChanged(name, disabled ? StaffAccountChanged.Change.DISABLED
				: StaffAccountChanged.Change.ENABLED, "", by));
	}
}

package cn.onego.identity.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Accounts 账号", description = "Staff accounts, the signed-in user and how to sign in")
class AccountController {

	private final Actors actors;
	private final cn.onego.identity.StaffAdministration staffAdministration;
	private final cn.onego.identity.SignInOffer signIn;
	private final cn.onego.identity.StaffPasswords passwords;

	AccountController(Actors actors, cn.onego.identity.StaffAdministration staffAdministration,
			cn.onego.identity.SignInOffer signIn, cn.onego.identity.StaffPasswords passwords) {
		this.passwords = passwords;
		this.actors = actors;
		this.staffAdministration = staffAdministration;
		this.signIn = signIn;
	}

	/** {@code passwordChangeRequired}: an administrator reset the password; its holder must choose their own first. */
	record Me(String username, String displayName, java.util.Set<cn.onego.identity.Role> roles, String idNumber,
			String region, String hall, String department, boolean passwordChangeRequired) {

		static Me of(Actor a, boolean passwordChangeRequired) {
			String masked = a.idNumber() == null ? null : new cn.onego.shared.IdNumber(a.idNumber()).masked();
			return new Me(a.username(), a.displayName(), a.roles(), masked, a.region(), a.hall(), a.department(),
					passwordChangeRequired);
		}
	}

	@PostMapping("/admin/staff")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a staff account 新增工作人员", description = "A window clerk names a hall; a reviewer a department.")
	Me createStaff(@RequestBody cn.onego.identity.StaffAdministration.NewStaff staff) {
		var user = staffAdministration.create(staff, actors.current().username());
		return new Me(user.username(), user.displayName(), user.roles(), null, user.region(), user.hall(), user.department(), false);
	}

	@GetMapping("/admin/staff")
	@Operation(summary = "Staff users 工作人员列表", description = "The demo users of the data file and the staff accounts created by administrators, with roles and scope; never passwords.")
	java.util.List<cn.onego.identity.StaffAdministration.Listed> staff() {
		return staffAdministration.list();
	}

	@org.springframework.web.bind.annotation.PutMapping("/admin/staff/{username}/disabled")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Disable or enable a staff account 停用或启用工作人员账号", description = "A disabled staff member can no longer sign in, by password or through the staff identity platform, and a session they still have ends. Body: {\"disabled\": true|false}. Demo users come from their data file and cannot be disabled.")
	void setDisabled(@org.springframework.web.bind.annotation.PathVariable String username, @RequestBody Disabled body) {
		if (body == null || body.disabled() == null) {
			throw cn.onego.platform.InvalidInput.of("disabled", "required", cn.onego.platform.Message.of("请说明停用还是启用",
					"say whether the account is disabled (true) or enabled (false)"));
		}
		staffAdministration.setDisabled(username, body.disabled(), actors.current().username());
	}

	record Disabled(Boolean disabled) {
	}

	@GetMapping("/sign-in")
	@Operation(summary = "How to sign in 登录方式", description = "Where applicants sign in (always an identity provider) and, when the province connected one, the staff identity platform; without it staff sign in with username and password (POST /login).")
	cn.onego.identity.SignInOffer.Offer signIn() {
		return signIn.offer();
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in actor 当前用户")
	Me me() {
		Actor actor = actors.current();
		return Me.of(actor, actor.staff() && passwords.changeRequired(actor.username()));
	}

	record NewPassword(String current, String password) {
	}

	@PostMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Choose my own password 修改密码", description = "Staff accounts created by administrators: the current password and the new one (the password rules apply). After an administrator's reset, nothing else is allowed until this is done.")
	void changePassword(@RequestBody NewPassword body) {
		passwords.change(actors.current(), body == null ? null : body.current(), body == null ? null : body.password());
	}

	@org.springframework.web.bind.annotation.PutMapping("/admin/staff/{username}")
	@Operation(summary = "Edit a staff account 修改工作人员", description = "Its name, roles and scope, checked as when it was created (the hall and the department must exist in the region). An administrator cannot take away their own administration, nor the last administrator's. Demo users come from their data file.")
	cn.onego.identity.StaffAdministration.Listed editStaff(@org.springframework.web.bind.annotation.PathVariable String username,
			@RequestBody cn.onego.identity.StaffAdministration.Edit edit) {
		return staffAdministration.edit(username, edit, actors.current().username());
	}

	@PostMapping("/admin/staff/{username}/password-reset")
	@Operation(summary = "Reset a staff member's password 重置密码", description = "Answers a temporary password, once (it is stored hashed only); its holder must choose their own at the next sign-in before doing anything else.")
	org.springframework.http.ResponseEntity<cn.onego.identity.StaffPasswords.Temporary> resetPassword(
			@org.springframework.web.bind.annotation.PathVariable String username) {
		return org.springframework.http.ResponseEntity.ok()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.body(passwords.reset(username, actors.current().username()));
	}
}

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
@Tag(name = "Accounts 账号", description = "Staff accounts and the signed-in user")
class AccountController {

	private final Actors actors;
	private final cn.onego.identity.StaffAdministration staffAdministration;

	AccountController(Actors actors, cn.onego.identity.StaffAdministration staffAdministration) {
		this.actors = actors;
		this.staffAdministration = staffAdministration;
	}

	record Me(String username, String displayName, java.util.Set<cn.onego.identity.Role> roles, String idNumber,
			String region, String hall, String department) {

		static Me of(Actor a) {
			String masked = a.idNumber() == null ? null : new cn.onego.shared.IdNumber(a.idNumber()).masked();
			return new Me(a.username(), a.displayName(), a.roles(), masked, a.region(), a.hall(), a.department());
		}
	}

	@PostMapping("/admin/staff")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a staff account 新增工作人员", description = "A window clerk names a hall; a reviewer a department.")
	Me createStaff(@RequestBody cn.onego.identity.StaffAdministration.NewStaff staff) {
		var user = staffAdministration.create(staff, actors.current().username());
		return new Me(user.username(), user.displayName(), user.roles(), null, user.region(), user.hall(), user.department());
	}

	@GetMapping("/admin/staff")
	@Operation(summary = "Staff users 工作人员列表", description = "The demo users of the data file and the staff accounts created by administrators, with roles and scope; never passwords.")
	java.util.List<cn.onego.identity.StaffAdministration.Listed> staff() {
		return staffAdministration.list();
	}

	@GetMapping("/me")
	@Operation(summary = "The signed-in actor 当前用户")
	Me me() {
		return Me.of(actors.current());
	}
}

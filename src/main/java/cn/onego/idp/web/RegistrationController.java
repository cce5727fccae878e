package cn.onego.idp.web;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.idp.RealNameRegistration;
import cn.onego.idp.RealNameRegistration.AccountExists;
import cn.onego.idp.RealNameRegistration.CodeSent;
import cn.onego.idp.RealNameRegistration.Outcome;
import cn.onego.idp.RealNameRegistration.PasswordChanged;
import cn.onego.idp.RealNameRegistration.Registered;
import cn.onego.idp.RealNameRegistration.Start;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
// the demo provider stands for the province's platform, a system of its own: not in OneGo's API description
@Hidden
@RequestMapping("/idp/api/registrations")
@Tag(name = "Demo identity provider 统一身份认证（演示）", description = "Real-name registration: name and ID number checked against the population registry, a one-time code to the mobile on record")
class RegistrationController {

	private final RealNameRegistration registration;

	RegistrationController(RealNameRegistration registration) {
		this.registration = registration;
	}

	record CodeRequest(String code) {
	}

	record PasswordRequest(String password) {
	}

	/**
	 * How a registration ended.
	 *
	 * @param outcome REGISTERED, ACCOUNT_EXISTS (a password reset is offered until {@code resetUntil}) or PASSWORD_RESET
	 */
	record Ended(String outcome, String username, Instant resetUntil) {

		static Ended of(Outcome outcome) {
			if (outcome instanceof AccountExists exists) {
				return new Ended("ACCOUNT_EXISTS", exists.username(), exists.resetUntil());
			}
			return new Ended(outcome instanceof PasswordChanged ? "PASSWORD_RESET" : "REGISTERED", outcome.username(), null);
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Step 1: name, ID number, username, password 实名核验并发送验证码",
			description = "Checks name and ID number against the population registry and sends a 6-digit code to the mobile on record. Any failed check answers one neutral problem (real-name-check-failed). At most one code a minute and ten a day per mobile (429 with Retry-After).")
	CodeSent start(@RequestBody Start start, HttpServletRequest request) {
		return registration.start(start, request.getRemoteAddr());
	}

	@PostMapping("/{registration}/code")
	@Operation(summary = "Step 2: the code 提交验证码",
			description = "REGISTERED (201): the person may sign in. ACCOUNT_EXISTS (200): the ID number already has an account; its password may be reset. A code lives 5 minutes and takes 5 tries.")
	ResponseEntity<Ended> confirm(@PathVariable("registration") String handle, @RequestBody CodeRequest code,
			HttpServletRequest request) {
		Outcome outcome = registration.confirm(handle, code.code(), request.getRemoteAddr());
		return ResponseEntity.status(outcome instanceof Registered ? HttpStatus.CREATED : HttpStatus.OK).body(Ended.of(outcome));
	}

	@PostMapping("/{registration}/resend")
	@Operation(summary = "A new code 重新发送验证码", description = "The older code stops working. Same limits as step 1.")
	CodeSent resend(@PathVariable("registration") String handle, HttpServletRequest request) {
		return registration.resend(handle, request.getRemoteAddr());
	}

	@PostMapping("/{registration}/password")
	@Operation(summary = "Reset the existing account's password 重设密码",
			description = "Only after step 2 answered ACCOUNT_EXISTS, within 10 minutes. Also lifts a sign-in lock.")
	Ended resetPassword(@PathVariable("registration") String handle, @RequestBody PasswordRequest password,
			HttpServletRequest request) {
		return Ended.of(registration.resetPassword(handle, password.password(), request.getRemoteAddr()));
	}
}

package cn.onego.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.onego.identity.ApplicantPages;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpSession;

/**
 * The citizens' sign-in button: remembers the page to come back to (a path of this site only) and hands the
 * browser to the identity provider. A page of the portal, not an API operation.
 */
@Controller
@Hidden
class CitizenSignInController {

	@GetMapping("/login/citizen")
	String signIn(@RequestParam(name = "continue", required = false) String next, HttpSession session) {
		ApplicantPages.rememberContinue(session, next);
		return "redirect:/oauth2/authorization/" + ApplicantPages.REGISTRATION_ID;
	}
}

package cn.onego.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.onego.identity.ApplicantPages;
import cn.onego.identity.SignInOffer;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpSession;

/**
 * The sign-in page's buttons: the citizens' remembers the page to come back to (a path of this site only)
 * and hands the browser to the identity provider; the staff's hands it to the staff platform, or back to
 * the sign-in page when none is configured. Pages of the portal, not API operations.
 */
@Controller
@Hidden
class SignInButtonsController {

	private final SignInOffer offer;

	SignInButtonsController(SignInOffer offer) {
		this.offer = offer;
	}

	@GetMapping(SignInOffer.CITIZEN_START)
	String citizen(@RequestParam(name = "continue", required = false) String next, HttpSession session) {
		ApplicantPages.rememberContinue(session, next);
		return "redirect:/oauth2/authorization/" + ApplicantPages.REGISTRATION_ID;
	}

	@GetMapping(SignInOffer.STAFF_START)
	String staff() {
		return offer.staffAuthorization().map(path -> "redirect:" + path).orElse("redirect:/login.html?error=staff-off");
	}
}

package cn.onego.identity;

import jakarta.servlet.http.HttpSession;

/** What the portal's pages need of the applicants' sign-in: where to start it, and where to come back to. */
public final class ApplicantPages {

	/** The registration of the applicants' identity provider: {@code /oauth2/authorization/onego-idp}. */
	public static final String REGISTRATION_ID = ApplicantSignIn.REGISTRATION_ID;

	private ApplicantPages() {
	}

	/** Keeps the page to continue on after signing in, if it is a path of this site. */
	public static void rememberContinue(HttpSession session, String next) {
		if (ApplicantSignIn.sitePath(next)) {
			session.setAttribute(ApplicantSignIn.CONTINUE, next);
		}
		else {
			session.removeAttribute(ApplicantSignIn.CONTINUE);
		}
	}
}

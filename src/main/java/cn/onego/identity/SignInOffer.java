package cn.onego.identity;

import org.springframework.stereotype.Service;

/** How one may sign in here: what the sign-in page and the apps offer, and where each way starts. */
@Service
public class SignInOffer {

	/** An identity platform one signs in at, named for people in both languages. */
	public record Platform(String name, String nameEn, String start) {
	}

	/**
	 * @param citizens where applicants sign in (always an identity provider)
	 * @param staff the staff platform, or null when staff sign in with username and password only
	 */
	public record Offer(Platform citizens, Platform staff) {
	}

	/** Where the staff sign-in button starts. */
	public static final String STAFF_START = "/login/staff";
	/** Where the citizens' sign-in button starts. */
	public static final String CITIZEN_START = "/login/citizen";

	private final StaffOidcSettings staff;

	SignInOffer(StaffOidcSettings staff) {
		this.staff = staff;
	}

	public Offer offer() {
		return new Offer(new Platform("统一身份认证", "the unified identity platform", CITIZEN_START),
				staff.enabled() ? new Platform(staff.name(), staff.nameEn(), STAFF_START) : null);
	}

	/** The path that starts the staff platform's sign-in, or empty when there is none. */
	public java.util.Optional<String> staffAuthorization() {
		return staff.enabled() ? java.util.Optional.of("/oauth2/authorization/" + StaffSignIn.REGISTRATION_ID)
				: java.util.Optional.empty();
	}
}

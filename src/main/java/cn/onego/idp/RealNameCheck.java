package cn.onego.idp;

import java.text.Normalizer;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.onego.idp.Attempts.Kind;
import cn.onego.idp.RegistrationProblems.RealNameCheckFailed;
import cn.onego.platform.registry.PopulationRegistry;
import cn.onego.platform.registry.PopulationRegistry.PersonOnRecord;
import cn.onego.shared.IdNumber;

/**
 * The real-name check (实名核验) of a registration: the population registry must hold the 公民身份号码
 * under the typed name and with a mobile number the code can go to. Every failure gives the same
 * refusal, so that the form cannot be used to learn whose number exists or what their name is; only the
 * attempt log says which check failed.
 */
@Component
class RealNameCheck {

	static final String READER = "idp";
	static final String PURPOSE = "统一身份认证实名注册核验 (real-name check at registration)";

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
	private static final Pattern DOTS = Pattern.compile("[·•・‧･.．]");

	private final PopulationRegistry registry;
	private final People people;
	private final Attempts attempts;

	RealNameCheck(PopulationRegistry registry, People people, Attempts attempts) {
		this.registry = registry;
		this.people = people;
		this.attempts = attempts;
	}

	/**
	 * A person who passed the check.
	 *
	 * @param nameOnRecord the name as the registry writes it
	 * @param mobile where the code goes
	 * @param existingSubject the account the ID number already has, or null
	 */
	record Verified(String nameOnRecord, String mobile, UUID existingSubject) {
	}

	/** The person on record under the number and name, or the neutral refusal (with the attempt logged). */
	Verified check(String idNumber, String name, String address) {
		if (!IdNumber.isValid(idNumber)) {
			throw refused(idNumber, "CHECK_DIGIT", address);
		}
		Optional<PersonOnRecord> onRecord = registry.personOnRecord(idNumber, READER, PURPOSE);
		if (onRecord.isEmpty()) {
			throw refused(idNumber, "UNKNOWN_ID_NUMBER", address);
		}
		if (!sameName(onRecord.get().name(), name)) {
			throw refused(idNumber, "NAME_MISMATCH", address);
		}
		Optional<Person> existing = people.byIdNumber(idNumber);
		// an existing account's code goes where its own codes went; a new person's to the number on record
		String mobile = existing.map(Person::mobile).orElse(onRecord.get().mobile());
		if (mobile == null || !MOBILE.matcher(mobile.strip()).matches()) {
			throw refused(idNumber, "NO_MOBILE_ON_RECORD", address);
		}
		return new Verified(onRecord.get().name(), mobile.strip(), existing.map(Person::subject).orElse(null));
	}

	private RealNameCheckFailed refused(String idNumber, String reason, String address) {
		attempts.refused(Kind.REGISTRATION, idNumber, null, reason, address);
		return new RealNameCheckFailed();
	}

	/**
	 * Whether the typed name is the name on record: the same characters after Unicode compatibility
	 * normalisation (full-width letters), without spaces, and with any middle dot written as · (names of
	 * several parts, 阿依古丽·买买提).
	 */
	static boolean sameName(String onRecord, String typed) {
		return onRecord != null && canonical(onRecord).equals(canonical(typed));
	}

	private static String canonical(String name) {
		String normal = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
		return DOTS.matcher(normal).replaceAll("·");
	}
}

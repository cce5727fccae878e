package cn.onego.licences;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.RateLimits;
import cn.onego.platform.Text;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.shared.Label;

/**
 * 电子证照核验: anyone — a bank clerk, another department, a landlord — checks a licence without signing in, by its
 * type and number or by scanning its QR (the identifier and the verification code printed with it). The answer
 * says whether the licence is valid, expired, revoked, not genuine or not found, and shows only what a verifier
 * needs to match it to the paper or screen in front of them: the type, the holder masked, the issuer, the validity.
 * <p>
 * Against trying numbers out: a QR's identifier is useless without its 64-bit verification code; an unknown licence
 * and a wrong code answer alike; and look-ups are limited per address (the controller) and per licence asked for
 * ({@code licence-verifications-per-licence}), so neither a scan of one holder's licences nor a flood from one
 * address gets far.
 */
@Service
public class Verification {

	/** What a verification finds. */
	public enum Status {
		/** Genuine, in force today. */
		VALID,
		/** Genuine, but its validity starts later. */
		NOT_YET_VALID,
		/** Genuine, its validity has ended. */
		EXPIRED,
		/** Genuine, ended by its issuer (撤销, 注销, 吊销 …). */
		REVOKED,
		/** Its data does not match its issuer's signature: changed after issue, or never issued so. */
		NOT_GENUINE,
		/** No such licence (or a wrong verification code). */
		NOT_FOUND
	}

	/** The public answer: nothing but what the status needs; none of it for a licence not found or not genuine. */
	public record Answer(Status status, Message message, String identifier, Label licenceType, String licenceName, String holder,
			String issuer, String issuerCode, LocalDate issuedOn, LocalDate validUntil, RevocationKind revocationKind,
			Label revocationLabel, LocalDate revokedOn, String signatureAlgorithm) {
	}

	private final ELicences licences;
	private final IssuerKeys keys;
	private final RateLimits limits;
	private final Clock clock;

	Verification(ELicences licences, IssuerKeys keys, RateLimits limits, Clock clock) {
		this.licences = licences;
		this.keys = keys;
		this.limits = limits;
		this.clock = clock;
	}

	/** By type and number, as printed on the licence. */
	public Answer byNumber(String licenceType, String number) {
		List<FieldProblem> problems = new ArrayList<>();
		Text.check(problems, "type", licenceType, Text.Kind.LINE, Text.CODE);
		Text.check(problems, "number", number, Text.Kind.LINE, Text.CODE);
		if (licenceType == null || licenceType.isBlank()) {
			problems.add(new FieldProblem("type", "required", Message.of("请选择证照类型", "choose the licence type")));
		}
		else if (problems.stream().noneMatch(p -> p.field().equals("type")) && !licenceType.trim().matches("[A-Z][A-Z0-9_]{1,63}")) {
			problems.add(new FieldProblem("type", "invalid", Message.of("证照类型不正确，请从列表中选择", "not a licence type: choose one from the list")));
		}
		if (number == null || number.isBlank()) {
			problems.add(new FieldProblem("number", "required", Message.of("请填写证照编号", "give the licence number")));
		}
		else if (problems.stream().noneMatch(p -> p.field().equals("number")) && !LicenceType.SANE.matcher(number.trim()).matches()) {
			problems.add(new FieldProblem("number", "pattern", Message.of("证照编号应为4至64位字母、数字、汉字、连字符或括号，且含数字",
					"a licence number has 4 to 64 letters, digits, Chinese characters, hyphens or brackets, with at least one digit")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String type = licenceType.trim();
		String n = number.trim();
		limits.require("licence-verifications-per-licence", type + '\u0000' + n);
		return answer(licences.find(type, n));
	}

	/** By what a QR carries: the identifier and its verification code. */
	public Answer byIdentifier(String identifier, String code) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!LicenceIdentifier.isValid(identifier == null ? null : identifier.trim())) {
			problems.add(new FieldProblem("id", "identifier", Message.of("证照标识格式不正确（请重新扫描二维码）",
					"not a licence identifier (scan the QR code again)")));
		}
		if (code == null || !code.trim().matches("[0-9A-Fa-f]{16}")) {
			problems.add(new FieldProblem("code", "pattern", Message.of("核验码格式不正确（请重新扫描二维码）",
					"not a verification code (scan the QR code again)")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		String id = identifier.trim();
		limits.require("licence-verifications-per-licence", id);
		byte[] c = code.trim().toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		// compared in constant time: the answer's timing tells nothing of how much of a guessed code was right
		return answer(licences.byIdentifier(id)
			.filter(s -> MessageDigest.isEqual(c, String.valueOf(s.verificationCode()).getBytes(StandardCharsets.US_ASCII))));
	}

	/** The status of a stored licence today. */
	Status status(ELicences.Stored stored) {
		ELicence l = stored.licence();
		LocalDate today = LocalDate.now(clock);
		if (!licences.genuine(stored)) {
			return Status.NOT_GENUINE;
		}
		if (l.revoked()) {
			return Status.REVOKED;
		}
		if (l.validUntil() != null && l.validUntil().isBefore(today)) {
			return Status.EXPIRED;
		}
		if (l.issuedOn() != null && l.issuedOn().isAfter(today)) {
			return Status.NOT_YET_VALID;
		}
		return Status.VALID;
	}

	private Answer answer(Optional<ELicences.Stored> found) {
		if (found.isEmpty()) {
			return new Answer(Status.NOT_FOUND, Message.of("未查到该电子证照，请核对证照类型和编号，或重新扫描二维码。",
					"No such electronic licence: check the type and number, or scan the QR code again."), null, null, null, null, null,
					null, null, null, null, null, null, null);
		}
		ELicences.Stored stored = found.get();
		Status status = status(stored);
		if (status == Status.NOT_GENUINE) {
			return new Answer(status, Message.of("该电子证照的内容与发证机关的签名不符，可能已被篡改，请勿采信，并向发证机关核实。",
					"The licence's content does not match its issuer's signature: it may have been altered. Do not rely on it; ask the issuer."),
					stored.licence().identifier(), null, null, null, null, null, null, null, null, null, null, null);
		}
		ELicence l = stored.licence();
		LicenceType type = LicenceType.of(l.licenceType());
		ELicence.Revocation r = l.revocation();
		return new Answer(status, message(status, l), l.identifier(), type.name(), l.name(), maskedHolder(l), l.issuer(), l.issuerCode(),
				l.issuedOn(), l.validUntil(), r == null ? null : r.kind(), r == null ? null : r.kind().label(),
				r == null ? null : LocalDate.ofInstant(r.at(), clock.getZone()), keyAlgorithm(stored));
	}

	private String keyAlgorithm(ELicences.Stored stored) {
		return keys.algorithmOf(stored.keyId()).map(SignatureAlgorithm::signatureName).orElse(null);
	}

	private static Message message(Status status, ELicence l) {
		return switch (status) {
			case VALID -> Message.of("该电子证照真实有效。", "The electronic licence is genuine and valid.");
			case NOT_YET_VALID -> Message.of("该电子证照真实，但尚未生效（自 " + l.issuedOn() + " 起有效）。",
					"The electronic licence is genuine but not valid yet (valid from " + l.issuedOn() + ").");
			case EXPIRED -> Message.of("该电子证照已于 " + l.validUntil() + " 过期，不再有效。",
					"The electronic licence expired on " + l.validUntil() + " and is no longer valid.");
			case REVOKED -> Message.of("该电子证照已被发证机关" + l.revocation().kind().label().zh() + "，不再有效。",
					"The electronic licence was ended by its issuer (" + l.revocation().kind().label().en().toLowerCase(Locale.ROOT)
							+ ") and is no longer valid.");
			default -> throw new IllegalStateException(status.name());
		};
	}

	/**
	 * The holder as a verifier may see them: a person's ID number masked ({@code 4301**********1234}) and their name
	 * as its first character and stars; an enterprise (a credit code, public anyway) in full.
	 */
	static String maskedHolder(ELicence l) {
		String name = l.data().get(ELicence.HOLDER_NAME);
		if (l.holder() == null) {
			return null;
		}
		if (CreditCode.isValid(l.holder())) {
			return name == null ? l.holder() : name + "（" + l.holder() + "）";
		}
		String id = IdNumber.mask(l.holder());
		return name == null || name.isEmpty() ? id : name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1)) + "（" + id + "）";
	}
}

package cn.onego.licences;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.onego.identity.ActingFor;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.shared.CreditCode;
import cn.onego.shared.IdNumber;
import cn.onego.shared.Label;

/**
 * 证照夹: the licences a signed-in applicant holds, each with its status, its QR (the verification URL) and a PDF.
 * An applicant sees the licences held under their own verified ID number, and those of an enterprise they act for
 * (its legal representative or authorised handler, {@link ActingFor}) when they ask for it by its credit code;
 * anybody else's licence is not found.
 */
@Service
public class Wallet {

	/** A licence as its holder sees it: everything on it, its status today, and where it is verified. */
	public record Entry(UUID id, String identifier, String licenceType, Label typeName, String name, String number, String issuer,
			LocalDate issuedOn, LocalDate validUntil, Verification.Status status, Label revocation, String revocationReason,
			Map<String, String> data, String verificationPath) {
	}

	private final ELicences licences;
	private final Verification verification;
	private final ObjectProvider<ActingFor> authority;

	Wallet(ELicences licences, Verification verification, ObjectProvider<ActingFor> authority) {
		this.licences = licences;
		this.verification = verification;
		this.authority = authority;
	}

	/**
	 * The licences of the holder — the applicant themself when {@code holder} is null — the most recently issued
	 * first.
	 *
	 * @throws InvalidInput when the holder is neither an ID number nor a credit code
	 * @throws NotFound when the applicant does not act for the holder
	 */
	public List<Entry> of(Actor actor, String holder) {
		return stored(actor, holder).stream().map(this::entry).toList();
	}

	/** The QR of one of the holder's licences, as SVG, encoding the verification URL on this site. */
	public String qrSvg(Actor actor, String holder, UUID id, String siteUrl) {
		return LicenceQr.svg(siteUrl + entry(own(actor, holder, id)).verificationPath());
	}

	/** One of the holder's licences as a PDF: its data, its QR and its identifier. */
	public byte[] pdf(Actor actor, String holder, UUID id, String siteUrl) {
		ELicences.Stored stored = own(actor, holder, id);
		Entry entry = entry(stored);
		return LicencePdf.render(entry, stored.licence().holder(), siteUrl + entry.verificationPath());
	}

	private ELicences.Stored own(Actor actor, String holder, UUID id) {
		return stored(actor, holder).stream()
			.filter(s -> s.licence().id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFound("电子证照", "Electronic licence", id.toString()));
	}

	private List<ELicences.Stored> stored(Actor actor, String holder) {
		if (!actor.has(Role.APPLICANT) || actor.idNumber() == null) {
			return List.of();
		}
		if (holder == null || holder.isBlank() || holder.trim().equalsIgnoreCase(actor.idNumber())) {
			return licences.stored(actor.idNumber());
		}
		String h = holder.trim();
		if (!CreditCode.isValid(h) && !IdNumber.isValid(h)) {
			throw InvalidInput.of("holder", "check-digit", Message.of("持证主体应为有效的统一社会信用代码",
					"the holder is a valid unified social credit code"));
		}
		ActingFor answer = authority.getIfAvailable();
		if (answer == null || !answer.mayActFor(actor, h)) {
			throw new NotFound("持证主体", "Holder", CreditCode.isValid(h) ? h : IdNumber.mask(h));
		}
		return licences.stored(h);
	}

	private Entry entry(ELicences.Stored s) {
		ELicence l = s.licence();
		String path = l.identifier() == null || s.verificationCode() == null ? null
				: "/verify.html?id=" + URLEncoder.encode(l.identifier(), StandardCharsets.UTF_8) + "&code=" + s.verificationCode();
		return new Entry(l.id(), l.identifier(), l.licenceType(), LicenceType.of(l.licenceType()).name(), l.name(), l.number(),
				l.issuer(), l.issuedOn(), l.validUntil(), verification.status(s), l.revocation() == null ? null : l.revocation().kind().label(),
				l.revocation() == null ? null : l.revocation().reason(), l.data(), path);
	}
}

package cn.onego.licences;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.NotFound;
import cn.onego.shared.Label;

/**
 * 证照夹: the licences a signed-in applicant holds, each with its status, its QR (the verification URL) and a PDF.
 * An applicant sees only the licences held under their own verified ID number; somebody else's licence is not found.
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

	Wallet(ELicences licences, Verification verification) {
		this.licences = licences;
		this.verification = verification;
	}

	/** The applicant's own licences, the most recently issued first. */
	public List<Entry> of(Actor actor) {
		return stored(actor).stream().map(this::entry).toList();
	}

	/** One of the applicant's own licences. */
	public Entry entry(Actor actor, UUID id) {
		return entry(own(actor, id));
	}

	/** The QR of one of the applicant's own licences, as SVG, encoding the verification URL on this site. */
	public String qrSvg(Actor actor, UUID id, String siteUrl) {
		return LicenceQr.svg(siteUrl + entry(actor, id).verificationPath());
	}

	/** One of the applicant's own licences as a PDF: its data, its QR and its identifier. */
	public byte[] pdf(Actor actor, UUID id, String siteUrl) {
		Entry entry = entry(actor, id);
		return LicencePdf.render(entry, own(actor, id).licence().holder(), siteUrl + entry.verificationPath());
	}

	private ELicences.Stored own(Actor actor, UUID id) {
		return stored(actor).stream()
			.filter(s -> s.licence().id().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFound("电子证照", "Electronic licence", id.toString()));
	}

	private List<ELicences.Stored> stored(Actor actor) {
		if (!actor.has(Role.APPLICANT) || actor.idNumber() == null) {
			return List.of();
		}
		return licences.stored(actor.idNumber());
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

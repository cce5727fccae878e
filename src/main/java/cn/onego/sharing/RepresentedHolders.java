package cn.onego.sharing;

import org.springframework.stereotype.Component;

import cn.onego.identity.ActingFor;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.shared.CreditCode;

/**
 * The licences' question "may this applicant see this enterprise's licences?", answered from who acts for whom: its
 * legal representative (the enterprise registry) or an authorised handler with a valid authorisation — not a
 * relative or hall staff, who act for people, not for enterprises' documents.
 */
@Component
class RepresentedHolders implements ActingFor {

	private final Representation representation;

	RepresentedHolders(Representation representation) {
		this.representation = representation;
	}

	@Override
	public boolean mayActFor(Actor applicant, String holder) {
		if (!applicant.has(Role.APPLICANT) || applicant.idNumber() == null || !CreditCode.isValid(holder)) {
			return false;
		}
		return representation.capacity(applicant.username(), applicant.idNumber(), holder)
			.filter(c -> c == Representation.Capacity.LEGAL_REPRESENTATIVE || c == Representation.Capacity.AUTHORISED_HANDLER)
			.isPresent();
	}
}

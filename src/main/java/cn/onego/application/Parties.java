package cn.onego.application;

import java.util.Map;
import java.util.Optional;

import cn.onego.catalog.Enums.ApplicantType;
import cn.onego.catalog.Enums.Theme;
import cn.onego.shared.IdNumber;
import cn.onego.sharing.Representation.Capacity;

/**
 * Who the people of an application are, as far as the verified identity tells: the signed-in person (their
 * real name and ID number from the identity provider), the applicant, and the capacity in which the one acts
 * for the other. It answers which data elements mean the signed-in person — by the catalogue's element codes,
 * never by labels:
 * <ul>
 * <li>the applicant's own elements ({@code APPLICANT_*}) when they apply for themself;</li>
 * <li>the agent's ({@code AGENT_*}) when they act for someone else as an authorised handler or a relative;</li>
 * <li>the legal representative's ({@code LEGAL_REP_*}) when they are the enterprise's legal representative, or
 * when they open a business themself (the founder is its operator, 经营者, until they say otherwise);</li>
 * <li>the mother's or the father's ({@code MOTHER_*}, {@code FATHER_*}) when they apply for themself — which
 * one by the sex the ID number records (GB 11643: an odd sequence for men).</li>
 * </ul>
 */
record Parties(String name, String idNumber, ApplicantType applicantKind, String applicantId, Capacity capacity,
		Theme theme) {

	private enum Party {
		APPLICANT, AGENT, LEGAL_REP, MOTHER, FATHER
	}

	private static final Map<String, Party> NAMES = Map.of("APPLICANT_NAME", Party.APPLICANT, "AGENT_NAME", Party.AGENT,
			"LEGAL_REP_NAME", Party.LEGAL_REP, "MOTHER_NAME", Party.MOTHER, "FATHER_NAME", Party.FATHER);

	private static final Map<String, Party> ID_NUMBERS = Map.of("APPLICANT_ID_NUMBER", Party.APPLICANT, "AGENT_ID_NUMBER",
			Party.AGENT, "LEGAL_REP_ID_NUMBER", Party.LEGAL_REP, "MOTHER_ID_NUMBER", Party.MOTHER, "FATHER_ID_NUMBER",
			Party.FATHER);

	boolean enterprise() {
		return applicantKind == ApplicantType.ENTERPRISE;
	}

	/** The signed-in person's verified name or ID number, if the element means them. */
	Optional<String> identity(String element) {
		if (name == null || idNumber == null || !IdNumber.isValid(idNumber)) {
			return Optional.empty();
		}
		Party named = NAMES.get(element);
		if (named != null && isSignedIn(named)) {
			return Optional.of(name);
		}
		Party numbered = ID_NUMBERS.get(element);
		if (numbered != null && isSignedIn(numbered)) {
			return Optional.of(idNumber);
		}
		return Optional.empty();
	}

	private boolean isSignedIn(Party party) {
		boolean self = capacity == Capacity.SELF && applicantKind == ApplicantType.PERSON;
		return switch (party) {
			case APPLICANT -> self;
			// a hall's assistant (帮代办) files for the visitor, who is the agent the form asks about
			case AGENT -> capacity == Capacity.AUTHORISED_HANDLER || capacity == Capacity.RELATIVE;
			case LEGAL_REP -> capacity == Capacity.LEGAL_REPRESENTATIVE || (self && theme == Theme.ENTERPRISE_OPENING);
			case MOTHER -> self && !new IdNumber(idNumber).male();
			case FATHER -> self && new IdNumber(idNumber).male();
		};
	}
}

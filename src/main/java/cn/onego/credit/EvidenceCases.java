package cn.onego.credit;

import java.util.Optional;
import java.util.UUID;

/**
 * The cases a listing may rest on. Credit declares what it needs to know about a case; the module that holds the
 * cases ({@code cases}) answers, so that credit depends on no case table and the cases module may keep using credit.
 */
public interface EvidenceCases {

	/** A case as evidence: its id, its number (一事一号), its applicant (ID number or credit code) and its region. */
	record EvidenceCase(UUID id, String number, String applicant, String region) {
	}

	/** The case with this number, if there is one. */
	Optional<EvidenceCase> byNumber(String number);
}

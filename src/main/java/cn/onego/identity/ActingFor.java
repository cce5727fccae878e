package cn.onego.identity;

/**
 * Whether a signed-in applicant may see and act on the records of a subject other than themself — an enterprise
 * whose legal representative or authorised handler they are: its licences in the wallet, its credit listings.
 * Answered by the module that knows who acts for whom (sharing); without an answer, nobody sees anybody else's.
 */
public interface ActingFor {

	/** Whether the applicant acts for the subject (an ID number or a credit code). */
	boolean mayActFor(Actor applicant, String subject);
}

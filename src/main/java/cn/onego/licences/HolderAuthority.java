package cn.onego.licences;

import cn.onego.identity.Actor;

/**
 * Whether a signed-in applicant may see the licences of a holder other than themself: an enterprise whose legal
 * representative or authorised handler they are. Answered by the module that knows who acts for whom (sharing);
 * without an answer, nobody sees anybody else's licences.
 */
public interface HolderAuthority {

	/** Whether the applicant acts for the holder (an ID number or a credit code). */
	boolean mayActFor(Actor applicant, String holder);
}

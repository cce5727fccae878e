package cn.onego.platform.registry;

import java.util.Optional;

/**
 * What the population registry (人口库) says about the holder of a 公民身份号码, for a real-name check:
 * the name and the mobile number on record. A port: the sharing module answers from its registry records,
 * an identity provider asks while a person registers. It lives here, in the open platform module, so that
 * the asking module needs no dependency on sharing (which itself depends on identity, the relying party).
 */
public interface PopulationRegistry {

	/**
	 * The person on record for an ID number, if the registry holds one. Every call is a read of personal data
	 * and is logged by the implementation like any other (who, about whom, why).
	 *
	 * @param idNumber the 18-character number as typed (upper-case X)
	 * @param reader who reads, e.g. {@code idp}
	 * @param purpose why, in words a person understands
	 */
	Optional<PersonOnRecord> personOnRecord(String idNumber, String reader, String purpose);

	/**
	 * @param idNumber the 公民身份号码 the record is about
	 * @param name the name on record
	 * @param mobile the mobile number on record (实名登记的手机号码), null when the record has none
	 */
	record PersonOnRecord(String idNumber, String name, String mobile) {
	}
}

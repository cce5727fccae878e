package cn.onego.application;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.onego.catalog.Enums.ApplicantType;

/**
 * What an applicant (or their agent) sends for a draft or a submission. Every part is optional in a
 * draft; a submission must be complete and valid.
 *
 * @param form values by data element code
 * @param corrections reasons for changing prefilled values, by data element code
 * @param commitments materials the applicant replaces by a signed commitment (告知承诺)
 * @param attachments uploaded files by material code (the hashes {@code POST /api/v1/attachments} returned)
 * @param park the park (园区) the enterprise is located in, if any: items delegated to parks go to its departments
 * @param acceptingHall the hall where the applicant hands in and collects (异地收件), when it is not the hall of the
 *        competent region; the item's 通办范围 decides whether that hall may accept it
 */
public record ApplicationInput(String matter, String region, Applicant applicant, Map<String, List<String>> answers,
		Map<String, String> form, Map<String, String> corrections, Set<String> commitments,
		Map<String, String> attachments, Delivery delivery, UUID consentId, Channel channel, String park,
		String acceptingHall) {

	/** The applicant: a person by ID number, or an enterprise by unified social credit code. */
	public record Applicant(ApplicantType kind, String id, String name) {
	}

	/** How the result reaches the applicant: picked up at the window, or free mail (免费邮寄). */
	public record Delivery(Method method, String recipient, String mobile, String address) {

		public enum Method {
			WINDOW_PICKUP, FREE_MAIL
		}
	}

	/** Where the application comes in. */
	public enum Channel {
		ONLINE, MOBILE, KIOSK, WINDOW, AGENT,
		/** 异地收件: received by a hall of a partner platform and forwarded here; never a channel a user submits through. */
		PARTNER
	}
}

package cn.onego.platform.sms;

/**
 * The way out to people's mobile phones (短信). One port for every module that texts someone: the demo identity
 * provider's one-time codes, the case notices, the pick-up codes. A message handed over is kept in the
 * {@code sms_outbox} (in the caller's transaction) and sent from there by {@link SmsDispatch} through the
 * provider chosen with {@code onego.sms.mode}: {@code simulated}, the embedded default, sends nothing and marks
 * the message delivered for the demo inbox page; {@code http} sends it to a provider over HTTP with retries.
 */
public interface SmsGateway {

	/**
	 * Hands a text to the gateway for one mobile number, in the caller's transaction when there is one: a
	 * message whose cause is rolled back is not sent either.
	 *
	 * @param mobile an 11-digit mainland mobile number, e.g. {@code 13800000001}
	 * @param text the message as the person reads it, signature included
	 */
	default void send(String mobile, String text) {
		send(mobile, text, null);
	}

	/**
	 * As {@link #send(String, String)}, naming what the message is about ({@code case:<uuid>}), so that staff
	 * find a message that could not be delivered next to its case.
	 */
	void send(String mobile, String text, String reference);

	/** The mobile number as it may appear on a screen or in a log: {@code 138****0001}. */
	static String masked(String mobile) {
		return mobile == null ? "****" : cn.onego.shared.MobileNumber.mask(mobile);
	}
}

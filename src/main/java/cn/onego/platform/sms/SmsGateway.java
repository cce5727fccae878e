package cn.onego.platform.sms;

/**
 * The way out to people's mobile phones (短信). One port for every module that texts someone: the demo
 * identity provider's one-time codes today, case notifications later. Which gateway answers is chosen
 * with {@code onego.sms.mode}; the embedded default, {@code simulated}, sends nothing and keeps every
 * message in the {@code sms_outbox} table, where the demo's inbox page reads it.
 */
public interface SmsGateway {

	/**
	 * Hands a text to the gateway for one mobile number, in the caller's transaction when there is one: a
	 * message whose cause is rolled back is not sent either.
	 *
	 * @param mobile an 11-digit mainland mobile number, e.g. {@code 13800000001}
	 * @param text the message as the person reads it, signature included
	 */
	void send(String mobile, String text);

	/** The mobile number as it may appear on a screen or in a log: {@code 138****0001}. */
	static String masked(String mobile) {
		return mobile == null ? "****" : cn.onego.shared.MobileNumber.mask(mobile);
	}
}

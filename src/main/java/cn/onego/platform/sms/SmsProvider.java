package cn.onego.platform.sms;

/**
 * The provider behind the outbox: a carrier's or a province's SMS platform ({@link HttpSms}) or none at all
 * ({@link SimulatedSms}). {@link SmsDispatch} calls it outside any transaction, one message at a time.
 */
public interface SmsProvider {

	/** One message as the provider gets it; {@code reference} is the outbox's id, the same on every attempt. */
	record Outgoing(long reference, String mobile, String text) {
	}

	/**
	 * What the provider answered when it took the message.
	 *
	 * @param providerId the provider's id of the message, which its delivery receipt names
	 * @param delivered whether it is known to have arrived already (the simulated provider's answer)
	 */
	record Accepted(String providerId, boolean delivered) {
	}

	/**
	 * Hands one message to the provider. Any exception means it did not take it: the outbox tries again later.
	 */
	Accepted submit(Outgoing message);
}

package cn.onego.platform.sms;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default provider ({@code onego.sms.mode=simulated}): nothing leaves the machine; each message
 * stays in {@code sms_outbox}, marked delivered at once, so that a demo, a training hall or a test can read what a
 * person would have received. Never use it where real people register: anyone who can reach the inbox page
 * reads their codes.
 */
public class SimulatedSms implements SmsProvider {

	private static final Logger log = LoggerFactory.getLogger(SimulatedSms.class);

	private final SmsOutbox outbox;

	SimulatedSms(SmsOutbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public Accepted submit(Outgoing message) {
		log.info("Simulated SMS to {} kept in sms_outbox (onego.sms.mode=simulated)", SmsGateway.masked(message.mobile()));
		return new Accepted("simulated-" + message.reference(), true);
	}

	/** The latest messages for one mobile number, newest first (the demo inbox page). */
	public List<SmsMessage> latestTo(String mobile, int limit) {
		return outbox.latestTo(mobile, limit);
	}
}

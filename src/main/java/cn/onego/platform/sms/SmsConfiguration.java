package cn.onego.platform.sms;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumns;

/**
 * Chooses the SMS gateway with {@code onego.sms.mode}. Only {@code simulated} exists so far; a real
 * gateway (a carrier's or a province's SMS platform) is another {@link SmsGateway} bean under another mode.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

	@Bean
	@ConditionalOnProperty(name = "onego.sms.mode", havingValue = "simulated", matchIfMissing = true)
	SimulatedSms simulatedSms(JdbcClient jdbc, PersonalData data, Clock clock) {
		log.warn("SMS is simulated (onego.sms.mode=simulated): messages are kept in sms_outbox and shown on the demo inbox page, never sent");
		return new SimulatedSms(jdbc, data, clock);
	}

	/** The outbox's number and text are sealed whichever gateway is in use (rows of an earlier simulated run). */
	@Bean
	SealedColumns smsOutboxColumns() {
		return () -> List.of(SimulatedSms.RECIPIENT, SimulatedSms.TEXT);
	}
}

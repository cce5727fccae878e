package cn.onego.platform.sms;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.onego.platform.crypto.PersonalData;
import cn.onego.platform.crypto.SealedColumns;
import cn.onego.platform.provider.SignedHttp;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox every module writes to, its dispatcher, and the provider chosen with {@code onego.sms.mode}:
 * {@code simulated} (the default) or {@code http} ({@link SmsSettings}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsSettings.class)
class SmsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

	@Bean
	SmsOutbox smsOutbox(JdbcClient jdbc, PersonalData data, Clock clock) {
		return new SmsOutbox(jdbc, data, clock);
	}

	@Bean
	@ConditionalOnProperty(name = "onego.sms.mode", havingValue = "simulated", matchIfMissing = true)
	SimulatedSms simulatedSms(SmsOutbox outbox) {
		log.warn("SMS is simulated (onego.sms.mode=simulated): messages are kept in sms_outbox and shown on the demo inbox page, never sent");
		return new SimulatedSms(outbox);
	}

	@Bean
	@ConditionalOnProperty(name = "onego.sms.mode", havingValue = "http")
	SmsProvider httpSms(SmsSettings settings, JsonMapper json, Clock clock) {
		if (settings.http().baseUrl() == null || settings.http().secret() == null || settings.http().secret().isBlank()) {
			throw new IllegalStateException("onego.sms.mode=http needs onego.sms.http.base-url and onego.sms.http.secret");
		}
		return new HttpSms(new SignedHttp("sms", settings.http().endpoint(), json, clock));
	}

	@Bean
	SmsDispatch smsDispatch(JdbcClient jdbc, PersonalData data, SmsProvider provider, SmsSettings settings, Clock clock) {
		return new SmsDispatch(jdbc, data, provider, settings, clock);
	}

	@Bean
	SmsReceipts smsReceipts(JdbcClient jdbc, PersonalData data, Clock clock) {
		return new SmsReceipts(jdbc, data, clock);
	}

	/** The outbox's number and text are sealed whichever provider is in use. */
	@Bean
	SealedColumns smsOutboxColumns() {
		return () -> List.of(SmsOutbox.RECIPIENT, SmsOutbox.TEXT);
	}
}

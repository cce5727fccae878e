package cn.onego.delivery;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.onego.platform.provider.SignedHttp;
import tools.jackson.databind.json.JsonMapper;

/** The courier chosen with {@code onego.courier.mode}: {@code simulated} (the default) or {@code http}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CourierSettings.class)
class DeliveryConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DeliveryConfiguration.class);

	@Bean
	Courier courier(CourierSettings settings, JsonMapper json, Clock clock) {
		if ("http".equals(settings.mode())) {
			if (settings.http().baseUrl() == null || settings.http().secret() == null || settings.http().secret().isBlank()) {
				throw new IllegalStateException("onego.courier.mode=http needs onego.courier.http.base-url and onego.courier.http.secret");
			}
			return new HttpCourier(new SignedHttp("courier", settings.http().endpoint(), json, clock));
		}
		if (!"simulated".equals(settings.mode())) {
			throw new IllegalStateException("onego.courier.mode is simulated or http, not " + settings.mode());
		}
		log.warn("The courier is simulated (onego.courier.mode=simulated): shipments advance by themselves every {}", settings.step());
		return new SimulatedCourier(settings, clock);
	}
}

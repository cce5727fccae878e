package cn.onego.catalog;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Health is UP only once a validated catalogue is in force. */
@Component("catalogue")
class CatalogueHealth implements HealthIndicator {

	private final CatalogueInForce inForce;

	CatalogueHealth(CatalogueInForce inForce) {
		this.inForce = inForce;
	}

	@Override
	public Health health() {
		if (!inForce.loaded()) {
			return Health.down().withDetail("reason", "catalogue not loaded").build();
		}
		Catalogue catalogue = inForce.get();
		return Health.up()
			.withDetail("version", catalogue.version())
			.withDetail("matters", catalogue.matters().size())
			.withDetail("items", catalogue.items().size())
			.withDetail("regions", catalogue.regions().size())
			.build();
	}
}

package cn.onego.catalog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param location where the bundled catalogue is read from: {@code classpath:catalog/} (the default,
 *        shipped in the jar) or a directory such as {@code file:/etc/onego/catalog/}
 * @param refreshInterval how often a node checks whether another node imported a newer version
 */
@ConfigurationProperties("onego.catalog")
record CatalogueProperties(String location, Duration refreshInterval) {

	CatalogueProperties {
		location = location == null || location.isBlank() ? "classpath:catalog/" : location;
		location = location.endsWith("/") ? location : location + "/";
		refreshInterval = refreshInterval == null ? Duration.ofSeconds(30) : refreshInterval;
	}
}

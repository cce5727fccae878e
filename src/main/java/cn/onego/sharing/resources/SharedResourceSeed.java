package cn.onego.sharing.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import cn.onego.catalog.CatalogQueries;

/**
 * Loads the catalogue of shared resources at start-up: each resource created or brought up to date by its code,
 * so that starting again changes nothing. Reference data, not demo data: loaded whatever
 * {@code onego.demo-data.enabled} says.
 */
@Component
class SharedResourceSeed implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SharedResourceSeed.class);
	static final String FILE = "classpath:sharing/shared-resources.yaml";

	private final SharedResources resources;
	private final CatalogQueries catalog;
	private final ResourceLoader files;

	SharedResourceSeed(SharedResources resources, CatalogQueries catalog, ResourceLoader files) {
		this.resources = resources;
		this.catalog = catalog;
		this.files = files;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try (InputStream in = files.getResource(FILE).getInputStream()) {
			List<SharedResource> read = SharedResourceFile.read(in, catalog.catalogue());
			long changed = read.stream().filter(resources::save).count();
			log.info("Shared-resource catalogue: {} resources, {} created or updated", read.size(), changed);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

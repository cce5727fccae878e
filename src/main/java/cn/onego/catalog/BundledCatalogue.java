package cn.onego.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Reads the catalogue files shipped with the release (or found in a configured directory). */
@Component
class BundledCatalogue {

	private final CatalogueProperties properties;
	private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	BundledCatalogue(CatalogueProperties properties) {
		this.properties = properties;
	}

	CatalogueFiles read() {
		try {
			String base = resolver.getResource(properties.location()).getURL().toString();
			Map<String, String> files = new LinkedHashMap<>();
			for (Resource resource : resolver.getResources(properties.location() + "**/*")) {
				String url = resource.getURL().toString();
				if (url.endsWith("/") || !resource.isReadable() || !url.startsWith(base)) {
					continue;
				}
				String path = url.substring(base.length());
				if (!CatalogueFiles.isData(path)) {
					continue;
				}
				files.put(path, resource.getContentAsString(StandardCharsets.UTF_8));
			}
			return new CatalogueFiles(files);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the catalogue at " + properties.location(), e);
		}
	}
}

package cn.onego.sharing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import cn.onego.catalog.Enums.Registry;
import cn.onego.licences.ELicences;

/** Loads the demo registry records and e-licences (sharing/demo-data.yaml) at start-up, idempotently. */
@Component
class DemoData implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final OnceOnly onceOnly;
	private final ELicences licences;
	private final ResourceLoader resources;
	private final boolean enabled;

	DemoData(OnceOnly onceOnly, ELicences licences, ResourceLoader resources,
			@Value("${onego.demo-data.enabled:true}") boolean enabled) {
		this.onceOnly = onceOnly;
		this.licences = licences;
		this.resources = resources;
		this.enabled = enabled;
	}

	@Override
	@SuppressWarnings("unchecked")
	public void afterSingletonsInstantiated() {
		if (!enabled) {
			return;
		}
		try (InputStream in = resources.getResource("classpath:sharing/demo-data.yaml").getInputStream()) {
			Map<String, Object> data = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			List<Map<String, Object>> records = (List<Map<String, Object>>) data.get("registries");
			for (Map<String, Object> r : records) {
				onceOnly.putRecord(Registry.valueOf((String) r.get("registry")), String.valueOf(r.get("subject")),
						(Map<String, Object>) r.get("data"));
			}
			List<Map<String, Object>> licenceList = (List<Map<String, Object>>) data.get("licences");
			for (Map<String, Object> l : licenceList) {
				licences.record(String.valueOf(l.get("holder")), (String) l.get("licenceType"), String.valueOf(l.get("number")),
						(String) l.get("name"), (String) l.get("issuer"), null, null);
			}
			log.info("Demo data: {} registry records, {} e-licences", records.size(), licenceList.size());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

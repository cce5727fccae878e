package cn.onego.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.onego.application.Guidance;
import cn.onego.application.MaterialSources;

/**
 * Measures the catalogue at a city's scale ({@link GeneratedCatalogue#city()}): how long validating the
 * whole of it takes (the schema check alone, and the whole read with the semantic checks), and the latency
 * of guidance — the computation behind {@code POST /api/v1/matters/{code}/guidance} — over every matter,
 * in process. Not a test: the figures go to docs/PERFORMANCE.md, with the command that produced them.
 */
public final class CityScaleMeasurement {

	private static final int WARM_UP = 5;
	private static final int RUNS = 15;
	private static final int GUIDANCE_ROUNDS = 20;

	private CityScaleMeasurement() {
	}

	/**
	 * Without arguments, measures in process; {@code write DIR} writes the generated catalogue's files into DIR
	 * (for {@code ONEGO_CATALOG_LOCATION=file:DIR/}); {@code http BASE} measures the guidance API of an
	 * application running with that catalogue.
	 */
	public static void main(String[] args) throws Exception {
		if (args.length == 2 && args[0].equals("write")) {
			for (Map.Entry<String, String> file : GeneratedCatalogue.city().entrySet()) {
				java.nio.file.Path path = java.nio.file.Path.of(args[1]).resolve(file.getKey());
				java.nio.file.Files.createDirectories(path.getParent());
				java.nio.file.Files.writeString(path, file.getValue());
			}
			return;
		}
		if (args.length == 2 && args[0].equals("http")) {
			overHttp(args[1]);
			return;
		}
		long started = System.nanoTime();
		Map<String, String> files = GeneratedCatalogue.city();
		System.out.printf("generated %d files, %,d characters, in %d ms%n", files.size(),
				files.values().stream().mapToInt(String::length).sum(), (System.nanoTime() - started) / 1_000_000);
		CatalogueFiles catalogueFiles = new CatalogueFiles(files);

		List<Long> schema = new ArrayList<>();
		List<Long> whole = new ArrayList<>();
		Catalogue catalogue = null;
		for (int run = 0; run < WARM_UP + RUNS; run++) {
			long t0 = System.nanoTime();
			CatalogueDocuments documents = new CatalogueDocuments(catalogueFiles);
			documents.checkSchemas();
			long t1 = System.nanoTime();
			CatalogueReader.Outcome outcome = CatalogueReader.read(catalogueFiles);
			long t2 = System.nanoTime();
			if (!(outcome instanceof CatalogueReader.Read read)) {
				throw new IllegalStateException("the generated catalogue does not validate: " + outcome);
			}
			catalogue = read.catalogue();
			if (run >= WARM_UP) {
				schema.add(t1 - t0);
				whole.add(t2 - t1);
			}
		}
		System.out.printf("catalogue: %d items, %d matters, %d materials, %d departments%n", catalogue.items().size(),
				catalogue.matters().size(), catalogue.materials().size(), catalogue.departments().size());
		System.out.printf("parse + schema check of every file: median %d ms, min %d ms (%d runs)%n", median(schema) / 1_000_000,
				Collections.min(schema) / 1_000_000, RUNS);
		System.out.printf("whole read and validation (parse, schema, semantic checks): median %d ms, min %d ms (%d runs)%n",
				median(whole) / 1_000_000, Collections.min(whole) / 1_000_000, RUNS);

		List<Matter> matters = List.copyOf(catalogue.matters());
		for (int round = 0; round < 3; round++) {
			for (Matter matter : matters) {
				guide(catalogue, matter);
			}
		}
		List<Long> latencies = new ArrayList<>();
		for (int round = 0; round < GUIDANCE_ROUNDS; round++) {
			for (Matter matter : matters) {
				long t0 = System.nanoTime();
				guide(catalogue, matter);
				latencies.add(System.nanoTime() - t0);
			}
		}
		Collections.sort(latencies);
		System.out.printf("guidance in process, %d calls over %d matters: p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms%n",
				latencies.size(), matters.size(), percentile(latencies, 50), percentile(latencies, 95),
				percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
	}

	/** POST /api/v1/matters/{code}/guidance for every generated matter, one request at a time, as a browser sends it. */
	private static void overHttp(String base) throws Exception {
		java.net.CookieManager cookies = new java.net.CookieManager();
		java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
		client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/v1/matters")).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding());
		String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
			.map(java.net.HttpCookie::getValue).findFirst().orElse("");
		List<String> codes = new ArrayList<>();
		for (int m = 1; m <= GeneratedCatalogue.CITY_MATTERS; m++) {
			codes.add(String.format("G-M-%04d", m));
		}
		List<Long> latencies = new ArrayList<>();
		long bytes = 0;
		for (int round = 0; round < 3 + GUIDANCE_ROUNDS / 4; round++) {
			for (String code : codes) {
				java.net.http.HttpRequest request = java.net.http.HttpRequest
					.newBuilder(java.net.URI.create(base + "/api/v1/matters/" + code + "/guidance"))
					.header("Content-Type", "application/json").header("X-XSRF-TOKEN", xsrf)
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
				long t0 = System.nanoTime();
				java.net.http.HttpResponse<String> response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
				long took = System.nanoTime() - t0;
				if (response.statusCode() != 200) {
					throw new IllegalStateException(code + ": " + response.statusCode() + " " + response.body());
				}
				if (round >= 3) {
					latencies.add(took);
					bytes += response.body().length();
				}
			}
		}
		Collections.sort(latencies);
		System.out.printf("guidance over HTTP, %d calls over %d matters, %d characters a response on average: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n",
				latencies.size(), codes.size(), bytes / latencies.size(), percentile(latencies, 50), percentile(latencies, 95),
				percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
	}

	private static void guide(Catalogue catalogue, Matter matter) {
		Guidance.Outcome outcome = Guidance.guide(catalogue, matter, Guidance.typicalAnswers(matter), Set.of(),
				MaterialSources.AS_CATALOGUED);
		if (outcome.applicability().items().isEmpty()) {
			throw new IllegalStateException("no item applies to " + matter.code());
		}
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static double percentile(List<Long> sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}
}

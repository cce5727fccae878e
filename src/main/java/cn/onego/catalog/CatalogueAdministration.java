package cn.onego.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.catalog.CatalogueReader.Read;
import cn.onego.catalog.CatalogueReader.Rejected;
import cn.onego.catalog.CatalogueVersions.StoredVersion;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Problem;

/**
 * Puts catalogue versions in force: the bundled one at start-up when it is new, and imports at run
 * time. A catalogue is validated as a whole before anything is stored; a rejected one changes nothing.
 */
@Service
public class CatalogueAdministration implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(CatalogueAdministration.class);

	private final BundledCatalogue bundled;
	private final CatalogueVersions versions;
	private final CatalogueInForce inForce;
	private final TransactionTemplate transactions;
	private final ApplicationEventPublisher events;

	CatalogueAdministration(BundledCatalogue bundled, CatalogueVersions versions, CatalogueInForce inForce,
			TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.bundled = bundled;
		this.versions = versions;
		this.inForce = inForce;
		this.transactions = transactions;
		this.events = events;
	}

	/** How an import combines with the catalogue in force. */
	public enum ImportMode {
		/** The uploaded files replace or add files of the same path; the others stay. */
		MERGE,
		/** The uploaded files are the whole new catalogue. */
		REPLACE
	}

	/** A catalogue version as listed to administrators. */
	public record VersionSummary(long version, Instant createdAt, String origin, String checksum, String importedBy,
			String note, int files, boolean inForce) {
	}

	/** What an accepted import did: the version in force and whether anything changed. */
	public record ImportOutcome(VersionSummary version, boolean changed, int matters, int items) {
	}

	/**
	 * Start-up: a bundled catalogue not seen before becomes a new version; otherwise the latest stored
	 * version (perhaps an import) is put back in force, so imported data survives a restart.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		long started = System.nanoTime();
		CatalogueFiles files = bundled.read();
		Catalogue catalogue = transactions.execute(status -> {
			versions.lockForWriting();
			if (!versions.bundledExists(files.checksum())) {
				CatalogueReader.Outcome outcome = CatalogueReader.read(files);
				if (outcome instanceof Read read) {
					StoredVersion stored = versions.insert(files, "BUNDLED", null, "bundled with the release");
					versions.mirror(read.catalogue());
					events.publishEvent(new CatalogueReplaced(stored.id(), stored.checksum(), stored.origin()));
					return read.catalogue().withVersion(stored.id(), stored.createdAt());
				}
				List<CatalogueError> errors = ((Rejected) outcome).errors();
				errors.forEach(e -> log.error("Bundled catalogue: {} — {}", e.where(), e.message().en()));
				if (versions.latest().isEmpty()) {
					throw new CatalogueRejected(errors);
				}
				log.error("The bundled catalogue was rejected ({} errors); the stored version stays in force",
						errors.size());
			}
			return load(versions.latest().orElseThrow());
		});
		inForce.replace(catalogue);
		log.info("Catalogue version {} in force: {} matters, {} items, {} regions ({} ms)", catalogue.version(),
				catalogue.matters().size(), catalogue.items().size(), catalogue.regions().size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private Catalogue load(StoredVersion stored) {
		CatalogueReader.Outcome outcome = CatalogueReader.read(versions.files(stored.id()));
		if (outcome instanceof Read read) {
			return read.catalogue().withVersion(stored.id(), stored.createdAt());
		}
		throw new IllegalStateException(
				"Stored catalogue version " + stored.id() + " no longer validates: " + ((Rejected) outcome).errors());
	}

	/**
	 * Validates the uploaded files (laid over the catalogue in force, or alone) and, if the result is
	 * valid, stores it as a new version and puts it in force. Reading and validating come first, outside any
	 * transaction and without the import lock, so that a large or slow import holds up nobody; under the lock
	 * the import only checks that no other version came in meanwhile (then it is validated again over that one)
	 * and stores.
	 *
	 * @throws CatalogueRejected listing every error; nothing is stored and the catalogue in force stays
	 */
	public ImportOutcome importFiles(Map<String, String> uploaded, Collection<String> deletions, ImportMode mode,
			String importedBy, String note) {
		record Accepted(Catalogue catalogue, boolean changed) {
		}
		Accepted accepted = null;
		for (int attempt = 1; accepted == null; attempt++) {
			StoredVersion latest = versions.latest().orElseThrow();
			CatalogueFiles base = mode == ImportMode.MERGE ? versions.files(latest.id()) : new CatalogueFiles(Map.of());
			CatalogueFiles candidate = base.merge(uploaded, deletions);
			CatalogueReader.Outcome outcome = CatalogueReader.read(candidate);
			if (outcome instanceof Rejected rejected) {
				throw new CatalogueRejected(rejected.errors());
			}
			Catalogue catalogue = ((Read) outcome).catalogue();
			accepted = transactions.execute(status -> {
				versions.lockForWriting();
				if (versions.latestId() != latest.id()) {
					return null;
				}
				if (candidate.checksum().equals(latest.checksum())) {
					return new Accepted(inForce.get(), false);
				}
				StoredVersion stored = versions.insert(candidate, "IMPORTED", importedBy, note);
				versions.mirror(catalogue);
				events.publishEvent(new CatalogueReplaced(stored.id(), stored.checksum(), stored.origin()));
				return new Accepted(catalogue.withVersion(stored.id(), stored.createdAt()), true);
			});
			if (accepted == null && attempt >= 3) {
				throw new ConcurrentImports();
			}
		}
		inForce.replace(accepted.catalogue());
		Catalogue catalogue = accepted.catalogue();
		log.info("Catalogue import by {}: version {} in force (changed: {})", importedBy, catalogue.version(),
				accepted.changed());
		return new ImportOutcome(summary(versions.all().stream().filter(v -> v.id() == catalogue.version()).findFirst()
			.orElseThrow()), accepted.changed(), catalogue.matters().size(), catalogue.items().size());
	}

	public List<VersionSummary> versions() {
		return versions.all().stream().map(this::summary).toList();
	}

	/** The files of a stored version, e.g. to download, edit and import again. */
	public Map<String, String> filesOf(long version) {
		if (!versions.exists(version)) {
			throw new NotFound("目录版本", "Catalogue version", String.valueOf(version));
		}
		return versions.files(version).files();
	}

	/** Other imports kept coming in while this one was validated. */
	public static class ConcurrentImports extends Problem {

		ConcurrentImports() {
			super(HttpStatus.CONFLICT, "concurrent-imports", Message.of("目录正在被其他导入修改", "Catalogue changed meanwhile"),
					Message.of("导入期间目录被其他导入多次修改，请稍后重试。", "Other imports changed the catalogue while this one was checked; try again."),
					List.of());
		}
	}

	/** Another node may have imported a newer version: pick it up. */
	@Scheduled(fixedDelayString = "${onego.catalog.refresh-interval:30s}", initialDelayString = "${onego.catalog.refresh-interval:30s}")
	void refreshFromOtherNodes() {
		if (!inForce.loaded()) {
			return;
		}
		long latest = versions.latestId();
		if (latest > inForce.get().version()) {
			versions.latest().ifPresent(stored -> {
				inForce.replace(load(stored));
				log.info("Catalogue version {} imported elsewhere is now in force here", stored.id());
			});
		}
	}

	private VersionSummary summary(StoredVersion v) {
		return new VersionSummary(v.id(), v.createdAt(), v.origin(), v.checksum(), v.importedBy(), v.note(), v.fileCount(),
				inForce.loaded() && inForce.get().version() == v.id());
	}
}

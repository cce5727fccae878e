package cn.onego.catalog;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/** The catalogue version every reader uses, swapped atomically when a new version is accepted. */
@Component
class CatalogueInForce {

	private final AtomicReference<Catalogue> current = new AtomicReference<>();

	Catalogue get() {
		Catalogue catalogue = current.get();
		if (catalogue == null) {
			throw new IllegalStateException("The catalogue is not loaded yet");
		}
		return catalogue;
	}

	boolean loaded() {
		return current.get() != null;
	}

	void replace(Catalogue catalogue) {
		current.set(catalogue);
	}
}

package cn.onego.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The shipped demo catalogue, read from the source tree, for tests in other packages. */
public final class BundledCatalogueAccess {

	private BundledCatalogueAccess() {
	}

	public static Catalogue bundled() {
		try {
			return BundledCatalogueTests.bundled();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

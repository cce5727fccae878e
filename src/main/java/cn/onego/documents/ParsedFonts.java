package cn.onego.documents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.fontbox.ttf.TrueTypeCollection;

/**
 * Parsed copies of the Chinese font collection, each lent to one document at a time. Opening and parsing the 16 MB
 * collection for every document was most of a document's rendering time, and every case makes about nine documents;
 * a parsed collection reads its glyphs through one file handle, so it is never shared by two documents at once.
 */
final class ParsedFonts {

	/** At most this many parsed copies are kept between documents (about the number of documents made at once). */
	private static final int KEPT = 4;

	private final Path file;
	private final ConcurrentLinkedQueue<TrueTypeCollection> idle = new ConcurrentLinkedQueue<>();

	ParsedFonts(Path file) {
		this.file = file;
	}

	interface Use<T> {
		T with(TrueTypeCollection fonts) throws IOException;
	}

	/** Lends a parsed copy for the use; a copy whose use failed is closed rather than lent again. */
	<T> T lend(Use<T> use) throws IOException {
		TrueTypeCollection fonts = idle.poll();
		if (fonts == null) {
			fonts = new TrueTypeCollection(file.toFile());
		}
		boolean reusable = false;
		try {
			T result = use.with(fonts);
			reusable = true;
			return result;
		}
		finally {
			if (reusable && idle.size() < KEPT) {
				idle.offer(fonts);
			}
			else {
				fonts.close();
			}
		}
	}
}

package cn.onego.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text files a catalogue is made of, by path relative to the catalogue root
 * ({@code matters/hn-catering.yaml}). The checksum identifies the content whatever the file order.
 */
record CatalogueFiles(Map<String, String> files) {

	CatalogueFiles {
		files = Collections.unmodifiableMap(new TreeMap<>(files));
	}

	/**
	 * Whether a file found in a catalogue folder is part of the catalogue's data: notes beside it ({@code .md}) and
	 * the schema that describes its files ({@code schema/}) are not, and do not change its checksum.
	 */
	static boolean isData(String path) {
		return !path.endsWith(".md") && !path.startsWith("schema/");
	}

	/** These files with {@code overlay} laid over them and {@code deletions} removed. */
	CatalogueFiles merge(Map<String, String> overlay, Collection<String> deletions) {
		Map<String, String> merged = new TreeMap<>(files);
		merged.putAll(overlay);
		deletions.forEach(merged::remove);
		return new CatalogueFiles(merged);
	}

	String checksum() {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			files.forEach((path, content) -> {
				sha.update(path.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(content.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			});
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

package cn.onego.catalog;

import cn.onego.platform.Message;

/**
 * One thing wrong with a catalogue, where it is: the file, the line (0 when the file as a whole is
 * meant) and the location inside the file, e.g. {@code [3].materials[1].material}.
 */
public record CatalogueError(String file, int line, String location, Message message) {

	/** {@code items/market.yaml:42 [3].materials[1].material}. */
	public String where() {
		return file + (line > 0 ? ":" + line : "") + (location.isEmpty() ? "" : " " + location);
	}
}

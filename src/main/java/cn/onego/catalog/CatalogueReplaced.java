package cn.onego.catalog;

/** A new catalogue version is in force (published after an accepted import or a new bundled release). */
public record CatalogueReplaced(long version, String checksum, String origin) {
}

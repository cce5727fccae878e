/**
 * The service catalogue: regions (GB/T 2260), departments, standard data elements (数据元), materials,
 * service items (事项) and bundled matters (一件事) with their situation rules and dependency graphs.
 * The catalogue is declarative data versioned in the repository (see docs/CATALOGUE.md), validated as
 * a whole, stored as numbered versions in PostgreSQL, and replaced atomically by an import. Matters can also be
 * composed on a page ({@link cn.onego.catalog.MatterComposer}): drafts judged by the same reader, published by an
 * import once a second catalogue administrator approves them (four eyes).
 * It publishes {@link cn.onego.catalog.CatalogueReplaced} and {@link cn.onego.catalog.MatterDraftChanged} and depends
 * on no other domain module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue", allowedDependencies = { "shared", "platform" })
package cn.onego.catalog;

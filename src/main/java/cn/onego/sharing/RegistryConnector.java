package cn.onego.sharing;

import cn.onego.catalog.Enums.Registry;

/**
 * The port to one shared registry (人口库, 法人库, 不动产登记 …): asks what it holds about a subject, an ID number
 * or a credit code. Two implementations: the built-in registry on OneGo's own {@code registry_record} table
 * (demo data, the synthetic population, admin feeds) and {@link HttpRegistry}, a province's registry over
 * HTTP+JSON (docs/REGISTRIES.md). Which one serves a kind is configuration ({@link RegistryConnectors}).
 * <p>
 * A connector never throws for a registry's misbehaviour: a slow, failing or garbage-answering registry is a
 * {@link RegistryAnswer.Failed}, which the once-only machinery turns into "please upload this".
 */
public interface RegistryConnector {

	/** The kind of registry, with the data elements it answers. */
	RegistryKind kind();

	/** What the registry holds about the subject: a record, nothing, or why it could not be asked. */
	RegistryAnswer read(String subject);

	default Registry registry() {
		return kind().registry();
	}
}

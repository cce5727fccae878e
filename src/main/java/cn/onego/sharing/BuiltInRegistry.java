package cn.onego.sharing;

/**
 * A registry served from OneGo's own {@code registry_record} table: the demo data, the synthetic population and
 * what administrators or feeds put there. Used for every kind that has no base URL configured.
 */
final class BuiltInRegistry implements RegistryConnector {

	private final RegistryKind kind;
	private final RegistryRecords records;

	BuiltInRegistry(RegistryKind kind, RegistryRecords records) {
		this.kind = kind;
		this.records = records;
	}

	@Override
	public RegistryKind kind() {
		return kind;
	}

	@Override
	public RegistryAnswer read(String subject) {
		return records.find(kind.registry(), subject)
			.<RegistryAnswer>map(RegistryAnswer.Found::new)
			.orElseGet(RegistryAnswer.NotHeld::new);
	}
}

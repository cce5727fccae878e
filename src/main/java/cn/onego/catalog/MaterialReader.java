package cn.onego.catalog;

import cn.onego.catalog.Enums.MaterialKind;
import cn.onego.catalog.Enums.Registry;
import cn.onego.shared.Label;

/**
 * Reads materials.yaml and materials/: the documents items may ask for. Issuer, licence type and
 * registry are what later lets the platform drop a material the government already holds.
 */
final class MaterialReader {

	private final CatalogueDraft draft;

	MaterialReader(CatalogueDraft draft) {
		this.draft = draft;
	}

	void read(YamlCursor at) {
		String code = at.get("code").text();
		Label name = at.get("name").label();
		MaterialKind kind = at.get("kind").enumValue(MaterialKind.class, null);
		if (code != null && (name == null || kind == null)) {
			draft.declaredWithErrors(code);
		}
		if (code != null && name != null && kind != null) {
			draft.register(draft.materials, code, new Material(code, name, kind, at.get("issuer").label(),
					at.get("licenceType").text(), at.get("registry").enumValue(Registry.class, null),
					at.get("assumption").text()), at, "材料", "material");
		}
	}
}

package cn.onego.catalog;

import cn.onego.catalog.Enums.MaterialKind;
import cn.onego.catalog.Enums.Registry;
import cn.onego.shared.Label;

/**
 * A material (申请材料) as the catalogue defines it once for all items. {@code licenceType} names the
 * electronic licence that can stand for it; {@code registry} the shared registry that can answer it.
 */
public record Material(String code, Label name, MaterialKind kind, Label issuer, String licenceType,
		Registry registry, String assumption) {
}

package cn.onego.catalog;

import java.util.List;

import cn.onego.catalog.Enums.ElementType;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Enums.Section;
import cn.onego.shared.Label;

/**
 * A standard data element (数据元): a field shared by the forms of many items, asked once in a merged
 * form. {@code personal} marks personal information; {@code registry} names the shared registry that
 * could prefill it (only with the applicant's consent).
 */
public record DataElement(String code, Label label, ElementType type, Section section, Validation validation,
		List<Option> options, boolean personal, Registry registry, String example) {

	public record Option(String value, Label label) {
	}
}

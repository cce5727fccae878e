package cn.onego.reform;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.onego.application.Registries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.CatalogueChange;
import cn.onego.catalog.Enums.Registry;
import cn.onego.catalog.Item;
import cn.onego.catalog.Material;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.shared.Label;

/**
 * One operation of a draft as the reform office writes it and as it is stored: its kind and the fields that kind
 * needs — {@code item} (and {@code otherItem}, the item merged into it), {@code material}, {@code licenceType},
 * {@code registry}, {@code days}.
 */
public record Operation(Kind kind, String item, String otherItem, String material, String licenceType, String registry,
		Integer days) {

	/** What an operation does. */
	public enum Kind {
		/** 事项合并: {@code otherItem} becomes part of {@code item}. */
		MERGE_ITEMS,
		/** The material becomes obtainable as an e-licence of {@code licenceType}. */
		E_LICENCE,
		/** The material becomes answerable by {@code registry}. */
		FROM_REGISTRY,
		/** 容缺受理 for the material of the item. */
		ALLOW_GAP,
		/** 告知承诺 for the material of the item. */
		ALLOW_COMMITMENT,
		/** The item's promised limit shortened to {@code days} working days. */
		SHORTEN_LIMIT,
		/** {@code registry} connected: its materials count as obtained. */
		CONNECT_REGISTRY,
		/** A 秒批 rule for the item. */
		AUTO_APPROVE
	}

	/** The operations as a catalogue change, or every field missing or malformed, located {@code operations[i].field}. */
	static CatalogueChange change(List<Operation> operations, List<FieldProblem> problems) {
		List<CatalogueChange.Operation> change = new ArrayList<>();
		if (operations == null || operations.isEmpty()) {
			problems.add(new FieldProblem("operations", "required", Message.of("请至少添加一项改革措施", "add at least one operation")));
			return new CatalogueChange(change);
		}
		if (operations.size() > 50) {
			problems.add(new FieldProblem("operations", "too-many", Message.of("一个草案最多 50 项措施", "a draft has at most 50 operations")));
			return new CatalogueChange(change);
		}
		for (int i = 0; i < operations.size(); i++) {
			String at = "operations[" + i + "].";
			Operation o = operations.get(i);
			if (o == null || o.kind() == null) {
				problems.add(new FieldProblem(at + "kind", "required", Message.of("请选择措施类型", "choose the kind of operation")));
				continue;
			}
			int before = problems.size();
			switch (o.kind()) {
				case MERGE_ITEMS -> {
					need(o.item(), at + "item", problems);
					need(o.otherItem(), at + "otherItem", problems);
				}
				case E_LICENCE -> {
					need(o.material(), at + "material", problems);
					need(o.licenceType(), at + "licenceType", problems);
				}
				case FROM_REGISTRY -> {
					need(o.material(), at + "material", problems);
					registry(o.registry(), at + "registry", problems);
				}
				case ALLOW_GAP, ALLOW_COMMITMENT -> {
					need(o.item(), at + "item", problems);
					need(o.material(), at + "material", problems);
				}
				case SHORTEN_LIMIT -> {
					need(o.item(), at + "item", problems);
					if (o.days() == null) {
						problems.add(new FieldProblem(at + "days", "required", Message.of("请填写新的承诺时限（工作日）", "give the new promised limit in working days")));
					}
				}
				case CONNECT_REGISTRY -> registry(o.registry(), at + "registry", problems);
				case AUTO_APPROVE -> need(o.item(), at + "item", problems);
			}
			if (problems.size() == before) {
				change.add(switch (o.kind()) {
					case MERGE_ITEMS -> new CatalogueChange.MergeItems(o.item(), o.otherItem());
					case E_LICENCE -> new CatalogueChange.ObtainAsELicence(o.material(), o.licenceType().strip());
					case FROM_REGISTRY -> new CatalogueChange.ObtainFromRegistry(o.material(), Registry.valueOf(o.registry()));
					case ALLOW_GAP -> new CatalogueChange.AllowGap(o.item(), o.material());
					case ALLOW_COMMITMENT -> new CatalogueChange.AllowCommitment(o.item(), o.material());
					case SHORTEN_LIMIT -> new CatalogueChange.ShortenLimit(o.item(), o.days());
					case CONNECT_REGISTRY -> new CatalogueChange.ConnectRegistry(Registry.valueOf(o.registry()));
					case AUTO_APPROVE -> new CatalogueChange.AutoApprove(o.item());
				});
			}
		}
		return new CatalogueChange(change);
	}

	private static void need(String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "required", Message.of("此项必填", "this field is required")));
		}
		else if (value.length() > 100) {
			problems.add(new FieldProblem(field, "too-long", Message.of("最多 100 个字符", "at most 100 characters")));
		}
	}

	private static void registry(String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "required", Message.of("请选择共享库", "choose a registry")));
			return;
		}
		try {
			Registry.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			problems.add(new FieldProblem(field, "unknown-registry", Message.of("没有这个共享库", "no such registry")));
		}
	}

	/** The operation in words, with the catalogue's names, for the page and the report. */
	public Label describe(Catalogue catalogue) {
		return switch (kind) {
			case MERGE_ITEMS -> Label.of("将“" + item(catalogue, otherItem).zh() + "”并入“" + item(catalogue, item).zh() + "”",
					"merge " + en(item(catalogue, otherItem)) + " into " + en(item(catalogue, item)));
			case E_LICENCE -> Label.of("“" + material(catalogue).zh() + "”改为电子证照获取", en(material(catalogue)) + " obtained as an e-licence");
			case FROM_REGISTRY -> Label.of("“" + material(catalogue).zh() + "”改为从" + registryLabel().zh() + "获取",
					en(material(catalogue)) + " obtained from the " + registryLabel().en());
			case ALLOW_GAP -> Label.of("“" + item(catalogue, item).zh() + "”的“" + material(catalogue).zh() + "”允许容缺受理",
					"acceptance with gaps for " + en(material(catalogue)) + " of " + en(item(catalogue, item)));
			case ALLOW_COMMITMENT -> Label.of("“" + item(catalogue, item).zh() + "”的“" + material(catalogue).zh() + "”允许告知承诺",
					"commitment instead of " + en(material(catalogue)) + " for " + en(item(catalogue, item)));
			case SHORTEN_LIMIT -> Label.of("“" + item(catalogue, item).zh() + "”承诺时限压缩至 " + days + " 个工作日",
					"promised limit of " + en(item(catalogue, item)) + " shortened to " + days + " working days");
			case CONNECT_REGISTRY -> Label.of("接入" + registryLabel().zh(), "connect the " + registryLabel().en());
			case AUTO_APPROVE -> Label.of("“" + item(catalogue, item).zh() + "”实行秒批", "instant approval for " + en(item(catalogue, item)));
		};
	}

	private Label registryLabel() {
		try {
			return Registries.label(Registry.valueOf(registry));
		}
		catch (RuntimeException e) {
			return Label.of(String.valueOf(registry), String.valueOf(registry));
		}
	}

	private static Label item(Catalogue catalogue, String code) {
		return catalogue.item(code).map(Item::name).orElse(Label.of(String.valueOf(code), String.valueOf(code)));
	}

	private Label material(Catalogue catalogue) {
		return catalogue.material(material).map(Material::name).orElse(Label.of(String.valueOf(material), String.valueOf(material)));
	}

	private static String en(Label label) {
		return label.in(Locale.ENGLISH);
	}
}

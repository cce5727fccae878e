package cn.onego.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.poi.ss.util.CellReference;

import cn.onego.catalog.Enums.CrossRegionScope;
import cn.onego.catalog.Enums.ItemType;
import cn.onego.catalog.Enums.ResultKind;

/**
 * The layout of the item workbook in one place: its sheets, their columns in order, and how enum values are named
 * in cells. The writer, the reader and the mapping of catalogue errors to cells all follow this table, so that a
 * workbook exported from a catalogue reads back to the same files and a moved column is noticed.
 */
final class ItemColumns {

	static final String README = "说明 README";
	static final String FILES = "文件 Files";
	static final String ITEMS = "事项 Items";
	static final String MATERIALS = "事项材料 Item materials";
	static final String FIELDS = "表单字段 Item fields";
	static final String RULES = "秒批规则 Auto-approval";
	static final String LISTS = "选项 Lists";

	/** The most rows one sheet may have: a city has about 1,250 items with some 10,000 material lines. */
	static final int MAX_ROWS = 50_000;
	/** The longest text a cell may hold; the longest legal basis in the shipped catalogue has 200 characters. */
	static final int MAX_CELL_CHARS = 4_000;

	static final String YES = "是";
	static final String NO = "否";

	private ItemColumns() {
	}

	/** A column: its header in both languages and the key of the item file it holds (for pointing errors at it). */
	record Column(int index, String key, String zh, String en, Kind kind) {

		String letter() {
			return CellReference.convertNumToColString(index);
		}
	}

	/** What a column holds: its drop-down list, if any, and whether it is kept as text. */
	enum Kind {
		TEXT, NUMBER, YES_NO, ITEM_TYPE, SCOPE, RESULT_KIND, OPERATOR, DEPARTMENT_TYPE, MATERIAL, ELEMENT, ITEM_CODE,
		ENUM_LIST, REFERENCE_ONLY
	}

	/** The columns of one sheet, in order; a column's index is its place in the list. */
	static final class Columns {

		final List<Column> all = new ArrayList<>();

		Column add(String key, String zh, String en, Kind kind) {
			Column column = new Column(all.size(), key, zh, en, kind);
			all.add(column);
			return column;
		}

		Optional<Column> byKey(String key) {
			return all.stream().filter(c -> c.key().equals(key)).findFirst();
		}
	}

	static final Columns FILE_COLUMNS = new Columns();
	static final Column FILE_PATH = FILE_COLUMNS.add("path", "目录文件", "Catalogue file", Kind.TEXT);
	static final Column FILE_HEADER = FILE_COLUMNS.add("header", "文件说明（文件开头的注释）", "Header comment", Kind.TEXT);

	static final Columns ITEM_COLUMNS = new Columns();
	static final Column CODE_COLUMN = ITEM_COLUMNS.add("code", "事项编码", "Item code", Kind.TEXT);
	static final Column IMPLEMENTATION_CODE = ITEM_COLUMNS.add("implementationCode", "实施编码", "Implementation code", Kind.TEXT);
	static final Column BASIC_CODE = ITEM_COLUMNS.add("basicCode", "基本编码", "Basic code", Kind.TEXT);
	static final Column NAME_ZH = ITEM_COLUMNS.add("name.zh", "事项名称", "Item name (Chinese)", Kind.TEXT);
	static final Column NAME_EN = ITEM_COLUMNS.add("name.en", "事项名称（英文）", "Item name (English)", Kind.TEXT);
	static final Column TYPE = ITEM_COLUMNS.add("type", "事项类型（A.1）", "Item type (A.1)", Kind.ITEM_TYPE);
	static final Column DEPARTMENT_TYPE = ITEM_COLUMNS.add("departmentType", "部门类型", "Department type", Kind.DEPARTMENT_TYPE);
	static final Column APPLICANT_TYPES = ITEM_COLUMNS.add("applicantTypes", "服务对象", "Applicant types", Kind.ENUM_LIST);
	static final Column LEVELS = ITEM_COLUMNS.add("levels", "行使层级", "Handling levels", Kind.ENUM_LIST);
	static final Column LEGAL_LIMIT = ITEM_COLUMNS.add("legalLimit", "法定时限（工作日）", "Legal limit (working days)", Kind.NUMBER);
	static final Column PROMISED_LIMIT = ITEM_COLUMNS.add("promisedLimit", "承诺时限（工作日）", "Promised limit (working days)", Kind.NUMBER);
	static final Column INSTANT = ITEM_COLUMNS.add("instant", "即办件", "On the spot", Kind.YES_NO);
	static final Column SCOPE = ITEM_COLUMNS.add("crossRegion.scope", "通办范围", "Cross-region scope", Kind.SCOPE);
	static final Column PARTNERS = ITEM_COLUMNS.add("crossRegion.partners", "跨省通办合作地区", "Partner regions", Kind.TEXT);
	static final Column CHARGED = ITEM_COLUMNS.add("fee.charged", "是否收费", "Charged", Kind.YES_NO);
	static final Column FEE_AMOUNT = ITEM_COLUMNS.add("fee.amount", "收费金额（元）", "Fee (yuan)", Kind.NUMBER);
	static final Column FEE_BASIS = ITEM_COLUMNS.add("fee.basis", "收费依据", "Fee basis", Kind.TEXT);
	static final Column LEGAL_BASIS = ITEM_COLUMNS.add("legalBasis", "法律依据", "Legal basis", Kind.TEXT);
	static final Column STEPS = ITEM_COLUMNS.add("steps", "办理环节", "Steps", Kind.ENUM_LIST);
	static final Column PARKS = ITEM_COLUMNS.add("delegatedToParks", "下放园区", "Delegated to parks", Kind.YES_NO);
	static final Column RESULT_KIND = ITEM_COLUMNS.add("result.kind", "结果类型", "Result kind", Kind.RESULT_KIND);
	static final Column LICENCE_TYPE = ITEM_COLUMNS.add("result.licenceType", "证照类型", "Licence type", Kind.TEXT);
	static final Column RESULT_ZH = ITEM_COLUMNS.add("result.name.zh", "结果名称", "Result name (Chinese)", Kind.TEXT);
	static final Column RESULT_EN = ITEM_COLUMNS.add("result.name.en", "结果名称（英文）", "Result name (English)", Kind.TEXT);
	static final Column ASSUMPTION = ITEM_COLUMNS.add("assumption", "假设说明", "Assumption", Kind.TEXT);
	static final Column ITEM_FILE = ITEM_COLUMNS.add("file", "目录文件", "Catalogue file", Kind.TEXT);

	static final Columns MATERIAL_COLUMNS = new Columns();
	static final Column MATERIAL_ITEM = MATERIAL_COLUMNS.add("item", "事项编码", "Item code", Kind.ITEM_CODE);
	static final Column MATERIAL = MATERIAL_COLUMNS.add("material", "材料", "Material", Kind.MATERIAL);
	static final Column MATERIAL_NAME = MATERIAL_COLUMNS.add("", "材料名称（仅供参考）", "Material name (for reference)", Kind.REFERENCE_ONLY);
	static final Column MATERIAL_REQUIRED = MATERIAL_COLUMNS.add("required", "必须提交", "Required", Kind.YES_NO);
	static final Column GAP_ALLOWED = MATERIAL_COLUMNS.add("gapAllowed", "容缺", "Gap allowed", Kind.YES_NO);
	static final Column COMMITMENT_ALLOWED = MATERIAL_COLUMNS.add("commitmentAllowed", "告知承诺", "Commitment allowed", Kind.YES_NO);
	static final Column EXEMPT_BY_LAW = MATERIAL_COLUMNS.add("exemptByLaw", "依法免交依据", "Exempt by law", Kind.TEXT);
	static final Column ORIGINALS = MATERIAL_COLUMNS.add("originals", "原件份数", "Originals", Kind.NUMBER);
	static final Column COPIES = MATERIAL_COLUMNS.add("copies", "复印件份数", "Copies", Kind.NUMBER);

	static final Columns FIELD_COLUMNS = new Columns();
	static final Column FIELD_ITEM = FIELD_COLUMNS.add("item", "事项编码", "Item code", Kind.ITEM_CODE);
	static final Column ELEMENT = FIELD_COLUMNS.add("element", "数据元", "Data element", Kind.ELEMENT);
	static final Column ELEMENT_NAME = FIELD_COLUMNS.add("", "数据元名称（仅供参考）", "Element name (for reference)", Kind.REFERENCE_ONLY);
	static final Column FIELD_REQUIRED = FIELD_COLUMNS.add("required", "必填", "Required", Kind.YES_NO);
	static final Column MIN_LENGTH = FIELD_COLUMNS.add("validation.minLength", "最小长度", "Min length", Kind.NUMBER);
	static final Column MAX_LENGTH = FIELD_COLUMNS.add("validation.maxLength", "最大长度", "Max length", Kind.NUMBER);
	static final Column MIN = FIELD_COLUMNS.add("validation.min", "最小值", "Minimum", Kind.NUMBER);
	static final Column MAX = FIELD_COLUMNS.add("validation.max", "最大值", "Maximum", Kind.NUMBER);
	static final Column PATTERN = FIELD_COLUMNS.add("validation.pattern", "格式（正则表达式）", "Pattern (regular expression)", Kind.TEXT);

	static final Columns RULE_COLUMNS = new Columns();
	static final Column RULE_ITEM = RULE_COLUMNS.add("item", "事项编码", "Item code", Kind.ITEM_CODE);
	static final Column FACT = RULE_COLUMNS.add("fact", "事实（form.字段 或 registry.库.键）", "Fact (form.FIELD or registry.REGISTRY.KEY)", Kind.TEXT);
	static final Column OPERATOR = RULE_COLUMNS.add("op", "条件", "Operator", Kind.OPERATOR);
	static final Column VALUES = RULE_COLUMNS.add("values", "取值（多个用逗号分隔）", "Value(s), comma-separated", Kind.TEXT);
	static final Column NOTE = RULE_COLUMNS.add("note", "说明（规则前的注释）", "Note (comment before the rule)", Kind.TEXT);

	private static final Map<ItemType, String> TYPE_NAMES = Map.of(ItemType.ADMINISTRATIVE_LICENSING, "行政许可",
			ItemType.ADMINISTRATIVE_CONFIRMATION, "行政确认", ItemType.ADMINISTRATIVE_PAYMENT, "行政给付",
			ItemType.ADMINISTRATIVE_REWARD, "行政奖励", ItemType.ADMINISTRATIVE_RULING, "行政裁决",
			ItemType.OTHER_ADMINISTRATIVE, "其他行政权力", ItemType.PUBLIC_SERVICE, "公共服务");
	private static final Map<CrossRegionScope, String> SCOPE_NAMES = Map.of(CrossRegionScope.NONE, "仅限属地办理",
			CrossRegionScope.CITY, "全市通办", CrossRegionScope.PROVINCE, "全省通办", CrossRegionScope.CROSS_PROVINCE, "跨省通办",
			CrossRegionScope.NATIONWIDE, "全国通办");
	private static final Map<ResultKind, String> RESULT_NAMES = Map.of(ResultKind.LICENCE, "证照", ResultKind.NOTICE, "结果通知");

	static String typeCell(ItemType type) {
		return type.gbCode + " " + TYPE_NAMES.get(type);
	}

	static String scopeCell(CrossRegionScope scope) {
		return scope.name() + " " + SCOPE_NAMES.get(scope);
	}

	static String resultCell(ResultKind kind) {
		return kind.name() + " " + RESULT_NAMES.get(kind);
	}

	static String names(Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).collect(Collectors.joining(", "));
	}
}

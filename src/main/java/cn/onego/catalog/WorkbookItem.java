package cn.onego.catalog;

import java.util.ArrayList;
import java.util.List;

import cn.onego.catalog.AutoApproval.Condition;
import cn.onego.catalog.Item.ItemField;
import cn.onego.catalog.Item.ItemMaterial;

/**
 * An item while its workbook is read: its row on 事项 Items, its values and its lines from the other sheets, each
 * with the row it came from. Kept apart from {@link Item} because a broken row must still be known (its code and
 * file) so that its lines on the other sheets are not reported as naming an unknown item.
 */
final class WorkbookItem {

	final int row;
	final String file;
	Item item;
	final List<ItemMaterial> materials = new ArrayList<>();
	final List<Integer> materialRows = new ArrayList<>();
	final List<ItemField> fields = new ArrayList<>();
	final List<Integer> fieldRows = new ArrayList<>();
	final List<Condition> conditions = new ArrayList<>();
	final List<Integer> conditionRows = new ArrayList<>();
	final List<String> note = new ArrayList<>();
	boolean broken;

	WorkbookItem(int row, String file) {
		this.row = row;
		this.file = file;
	}
}

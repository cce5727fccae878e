package cn.onego.catalog;

import cn.onego.catalog.ItemColumns.Column;
import cn.onego.platform.Message;

	/** A problem with one cell (column null: the row as a whole), in Chinese and English. */
	record CellError(String sheet, int row, Column column, Message message) {

		/** {@code 事项 Items!F12}, or {@code 事项 Items!12} for a whole row. */
		String where() {
			return sheet + "!" + (column == null ? "" : column.letter()) + row;
		}
	}

package cn.onego.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file of items/ as a city keeps it: its path, the comment lines it opens with, its items in file order and
 * the comments standing before an item's 秒批 rule (why the system may approve it). This is what the Excel sheets
 * and {@link ItemWriter} carry, so that a file survives a trip through a workbook unchanged.
 *
 * @param header the file's opening comment lines, without their "# "
 * @param notes per item code, the comment lines before its {@code autoApproval}, without their "# "
 */
record ItemFile(String path, List<String> header, List<Item> items, Map<String, List<String>> notes) {

	private static final Pattern ITEM_START = Pattern.compile("^- code: *\"?([^\"\\s]+)\"?\\s*$");
	private static final Pattern ITEM_COMMENT = Pattern.compile("^  #(?: (.*))?$");

	ItemFile {
		header = List.copyOf(header);
		items = List.copyOf(items);
		notes = Map.copyOf(notes);
	}

	/**
	 * The layout of a file of a valid catalogue: its items (taken from {@code catalogue}, in the file's order), its
	 * header comment and the notes before 秒批 rules. Other comments inside items are not kept: the canonical form
	 * has none.
	 */
	static ItemFile of(String path, String text, Catalogue catalogue) {
		List<String> header = new ArrayList<>();
		List<Item> items = new ArrayList<>();
		Map<String, List<String>> notes = new LinkedHashMap<>();
		String[] lines = text.split("\n", -1);
		int i = 0;
		for (; i < lines.length && lines[i].startsWith("#"); i++) {
			header.add(lines[i].replaceFirst("^# ?", ""));
		}
		String current = null;
		List<String> pending = new ArrayList<>();
		for (; i < lines.length; i++) {
			Matcher start = ITEM_START.matcher(lines[i]);
			Matcher comment = ITEM_COMMENT.matcher(lines[i]);
			if (start.matches()) {
				current = start.group(1);
				catalogue.item(current).ifPresent(items::add);
				pending.clear();
			}
			else if (comment.matches()) {
				pending.add(comment.group(1) == null ? "" : comment.group(1));
			}
			else if (lines[i].startsWith("  autoApproval:") && current != null && !pending.isEmpty()) {
				notes.put(current, List.copyOf(pending));
				pending.clear();
			}
			else if (!lines[i].isBlank()) {
				pending.clear();
			}
		}
		return new ItemFile(path, header, items, notes);
	}
}

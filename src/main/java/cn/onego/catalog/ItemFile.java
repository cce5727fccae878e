package cn.onego.catalog;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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
	 * header comment and the notes before 秒批 rules (found in files laid out as the canonical form is). Other
	 * comments inside items are not kept: the canonical form has none.
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
		for (String code : codes(text)) {
			catalogue.item(code).ifPresent(items::add);
		}
		return new ItemFile(path, header, items, notes);
	}

	/** The item codes of a file, in file order, whatever its layout: the file is YAML, not lines. */
	private static List<String> codes(String text) {
		// composed, not loaded: the code as written (a code such as 0012 is no octal number here)
		Node document = new Yaml(new LoaderOptions()).compose(new StringReader(text));
		List<String> codes = new ArrayList<>();
		if (document instanceof SequenceNode entries) {
			for (Node entry : entries.getValue()) {
				if (entry instanceof MappingNode item) {
					item.getValue().stream()
						.filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("code"))
						.map(NodeTuple::getValueNode)
						.filter(ScalarNode.class::isInstance)
						.findFirst()
						.ifPresent(code -> codes.add(((ScalarNode) code).getValue()));
				}
			}
		}
		return codes;
	}
}

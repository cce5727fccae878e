package cn.onego.catalog;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import cn.onego.platform.Message;

/**
 * A catalogue's files as YAML documents, and the one list of errors every reader adds to: a rejected
 * catalogue lists all its errors, in the order of the files and sections, not just the first.
 */
final class CatalogueDocuments {

	/** The largest file, in code points, a catalogue may hold (the bundled regions.csv has 180,000). */
	static final int MAX_FILE_CODE_POINTS = 4 * 1024 * 1024;

	private final CatalogueFiles files;
	private final List<CatalogueError> errors = new ArrayList<>();

	/** Each file composed once, for the schema and then the readers; null where it is empty or malformed. */
	private final Map<String, Node> composed = new HashMap<>();

	CatalogueDocuments(CatalogueFiles files) {
		this.files = files;
	}

	List<CatalogueError> errors() {
		return errors;
	}

	boolean contains(String file) {
		return files.files().containsKey(file);
	}

	Set<String> paths() {
		return files.files().keySet();
	}

	/** The text of a file, or null when the catalogue has no such file. */
	String text(String file) {
		return files.files().get(file);
	}

	List<String> filesUnder(String folder) {
		return paths().stream().filter(p -> isYamlUnder(p, folder)).toList();
	}

	static boolean isYamlUnder(String path, String folder) {
		return path.startsWith(folder) && (path.endsWith(".yaml") || path.endsWith(".yml"));
	}

	void fileError(String file, String zh, String en) {
		lineError(file, 0, zh, en);
	}

	void lineError(String file, int line, String zh, String en) {
		errors.add(new CatalogueError(file, line, "", Message.of(zh, en)));
	}

	/** Checks every YAML file that has a schema against it (catalog/schema/), before any reader looks at it. */
	void checkSchemas() {
		for (String file : paths()) {
			if (CatalogueSchema.schemaOf(file) != null) {
				Node node = compose(file);
				if (node != null) {
					CatalogueSchema.check(file, node, errors);
				}
			}
		}
	}

	/** The file as a YAML document, or null (with the error recorded) when it is missing, empty or malformed. */
	YamlCursor document(String file) {
		Node node = compose(file);
		return node == null ? null : YamlCursor.root(file, node, errors);
	}

	private Node compose(String file) {
		if (composed.containsKey(file)) {
			return composed.get(file);
		}
		Node node = parse(file);
		composed.put(file, node);
		return node;
	}

	private Node parse(String file) {
		String content = text(file);
		if (content == null) {
			return null;
		}
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			// the limits of a hostile file: no alias bombs ("billion laughs"), no recursive keys, no file larger
			// than an import may be, no nesting deeper than the format's
			options.setMaxAliasesForCollections(20);
			options.setAllowRecursiveKeys(false);
			options.setNestingDepthLimit(30);
			options.setCodePointLimit(MAX_FILE_CODE_POINTS);
			Node node = new Yaml(options).compose(new StringReader(content));
			if (node == null) {
				fileError(file, "文件为空", "the file is empty");
				return null;
			}
			return node;
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
			errors.add(new CatalogueError(file, line, "",
					Message.of("YAML 格式错误：" + e.getProblem(), "malformed YAML: " + e.getProblem())));
			return null;
		}
		catch (YAMLException e) {
			fileError(file, "YAML 格式错误：" + e.getMessage(), "malformed YAML: " + e.getMessage());
			return null;
		}
	}

	/** Hands every entry of a file that is a list of definitions to {@code reader}. */
	void each(String file, Consumer<YamlCursor> reader) {
		YamlCursor document = document(file);
		if (document != null) {
			document.list().forEach(reader);
		}
	}
}

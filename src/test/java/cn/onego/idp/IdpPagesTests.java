package cn.onego.idp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The provider's pages run under a Content-Security-Policy without 'unsafe-inline': no inline script, no
 * style attribute, no event-handler attribute; every page speaks Chinese first with English twins.
 */
class IdpPagesTests {

	private static final Path PAGES = Path.of("src/main/resources/static/idp");
	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
	private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
	private static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

	private static List<Path> pages() throws IOException {
		try (Stream<Path> files = Files.walk(PAGES)) {
			return files.filter(p -> p.toString().endsWith(".html")).toList();
		}
	}

	@Test
	void haveNoInlineScriptOrStyle() throws IOException {
		List<Path> pages = pages();
		assertThat(pages).hasSizeGreaterThanOrEqualTo(4);
		for (Path page : pages) {
			String html = Files.readString(page);
			assertThat(INLINE_SCRIPT.matcher(html).find()).as("inline script in %s", page).isFalse();
			assertThat(STYLE_ATTRIBUTE.matcher(html).find()).as("style attribute in %s", page).isFalse();
			assertThat(HANDLER_ATTRIBUTE.matcher(html).find()).as("event handler attribute in %s", page).isFalse();
			assertThat(html).as("%s", page).contains("<html lang=\"zh-CN\">").contains("data-en=");
		}
	}
}

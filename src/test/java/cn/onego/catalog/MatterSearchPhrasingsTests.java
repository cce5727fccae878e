package cn.onego.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The search against how people really ask (src/test/resources/search/phrasings.csv: colloquial, a licence's
 * name, pinyin, initials, English, typos, words around what they want): at least 90 % must find the expected
 * matter first. The hit rate and every miss are printed, so that a change to the index or the aliases shows its
 * effect.
 */
class MatterSearchPhrasingsTests {

	private static final Catalogue CATALOGUE = BundledCatalogueAccess.bundled();
	private static final MatterIndex INDEX = new MatterIndex(CATALOGUE);

	record Phrasing(String phrase, String matter) {
	}

	@Test
	void findsTheExpectedMatterFirstForAtLeastNinetyPerCentOfTheRealPhrasings() throws IOException {
		List<Phrasing> phrasings = phrasings();
		assertThat(phrasings).hasSizeGreaterThanOrEqualTo(100);
		List<String> misses = new ArrayList<>();
		for (Phrasing p : phrasings) {
			String first = first(p.phrase());
			if (!p.matter().equals(first)) {
				misses.add(p.phrase() + " → " + first + " (expected " + p.matter() + ")");
			}
		}
		double rate = 100.0 * (phrasings.size() - misses.size()) / phrasings.size();
		System.out.printf("Search phrasings: %d of %d found first (%.1f %%)%n", phrasings.size() - misses.size(), phrasings.size(), rate);
		misses.forEach(miss -> System.out.println("  miss: " + miss));
		assertThat(rate).as("found first; misses: %s", misses).isGreaterThanOrEqualTo(90.0);
	}

	@Test
	void offersTheClosestMattersWhenNothingIsFoundAndNothingForGibberish() {
		assertThat(best("孩子读书")).as("no alias says it, the words are close").isGreaterThanOrEqualTo(MatterIndex.SUGGESTED);
		assertThat(best("量子纠缠实验")).isLessThan(MatterIndex.SUGGESTED);
		assertThat(best("zzqxj")).isLessThan(MatterIndex.SUGGESTED);
	}

	@Test
	void readsPinyinInitialsAndFillerWordsTheWayPeopleTypeThem() {
		assertThat(SearchTerms.pinyin("餐饮")).isEqualTo("canyin");
		assertThat(SearchTerms.initials("开饭店")).isEqualTo("kfd");
		assertThat(SearchTerms.core(SearchTerms.normalized("我想办理一下营业执照！"))).isEqualTo("营业执照");
		assertThat(SearchTerms.core("个体户")).as("a word that means something stays").isEqualTo("个体户");
		assertThat(SearchTerms.core("家人去世")).isEqualTo("家人去世");
	}

	/** The matter found first, or null when none reaches the threshold. */
	private static String first(String phrase) {
		return CATALOGUE.matters()
			.stream()
			.map(m -> new Object[] { m, INDEX.score(m, phrase) })
			.filter(pair -> (int) pair[1] >= MatterIndex.FOUND)
			.max(Comparator.comparingInt(pair -> (int) pair[1]))
			.map(pair -> ((Matter) pair[0]).code())
			.orElse(null);
	}

	private static int best(String phrase) {
		return CATALOGUE.matters().stream().mapToInt(m -> INDEX.score(m, phrase)).max().orElse(0);
	}

	private static List<Phrasing> phrasings() throws IOException {
		try (InputStream in = MatterSearchPhrasingsTests.class.getResourceAsStream("/search/phrasings.csv")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("phrase,"))
				.map(line -> new Phrasing(line.substring(0, line.lastIndexOf(',')), line.substring(line.lastIndexOf(',') + 1).trim()))
				.toList();
		}
	}
}

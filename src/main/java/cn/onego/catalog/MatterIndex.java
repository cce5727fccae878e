package cn.onego.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The matters of one catalogue version as people look for them: by the matter's name and aliases (the life events
 * and everyday words the catalogue lists with it), by the names of its items and of what they issue ("营业执照"
 * finds 企业开办), by its departments, and in English, pinyin or pinyin initials. A query is scored against each,
 * from 0 to 100; a matter is found from {@link #FOUND}, and offered as "did you mean" from {@link #SUGGESTED}.
 * Built once per catalogue version; scoring is a pure function of it.
 */
final class MatterIndex {

	/** The score from which a matter is found. */
	static final int FOUND = 55;

	/** The score from which a matter not found is offered as "did you mean". */
	static final int SUGGESTED = 30;

	/** A text a matter is known by, ready to compare, with how much a match on it counts. */
	record Term(String text, String pinyin, String initials, double weight) {

		static Term of(String text, double weight) {
			String normalized = SearchTerms.normalized(text);
			return new Term(normalized, SearchTerms.pinyin(normalized), SearchTerms.initials(normalized), weight);
		}
	}

	private final Map<String, List<Term>> terms = new LinkedHashMap<>();
	private final Map<String, List<String>> english = new LinkedHashMap<>();

	MatterIndex(Catalogue catalogue) {
		for (Matter matter : catalogue.matters()) {
			List<Term> known = new ArrayList<>();
			known.add(Term.of(matter.name().zh().replace("一件事", ""), 1.0));
			matter.aliases().forEach(alias -> known.add(Term.of(alias, 1.0)));
			List<String> inEnglish = new ArrayList<>(SearchTerms.words(matter.name().en()));
			for (Matter.MatterItem line : matter.items()) {
				catalogue.item(line.item()).ifPresent(item -> {
					known.add(Term.of(item.name().zh(), 0.8));
					inEnglish.addAll(SearchTerms.words(item.name().en()));
					if (item.result() != null && item.result().name() != null) {
						known.add(Term.of(item.result().name().zh(), 0.85));
					}
					catalogue.departmentType(item.departmentType()).ifPresent(type -> known.add(Term.of(type.name().zh(), 0.65)));
				});
			}
			terms.put(matter.code(), List.copyOf(known));
			english.put(matter.code(), List.copyOf(inEnglish));
		}
	}

	/** How well the query names the matter, 0 to 100; every word of a query in Latin letters must match. */
	int score(Matter matter, String query) {
		String normalized = SearchTerms.normalized(query);
		if (normalized.isEmpty()) {
			return 0;
		}
		if (SearchTerms.latin(normalized)) {
			List<String> words = Arrays.stream(query.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+"))
				.map(SearchTerms::normalized)
				.filter(word -> !SearchTerms.ENGLISH_FILLERS.contains(word))
				.toList();
			if (words.size() > 1) {
				return words.stream().mapToInt(word -> latinScore(matter, word)).min().orElse(0);
			}
			return latinScore(matter, normalized);
		}
		String core = SearchTerms.core(normalized);
		double best = 0;
		for (Term term : terms.getOrDefault(matter.code(), List.of())) {
			best = Math.max(best, chineseScore(core, term.text()) * term.weight());
		}
		return (int) Math.round(best);
	}

	/** A query in Chinese against one term: the same words, one inside the other, or how alike they are. */
	private static double chineseScore(String core, String term) {
		if (term.isEmpty()) {
			return 0;
		}
		if (term.equals(core)) {
			return 100;
		}
		if (core.length() >= 2 && term.contains(core)) {
			return 75 + 25.0 * core.length() / term.length();
		}
		if (term.length() >= 2 && core.contains(term)) {
			return 65 + 30.0 * term.length() / core.length();
		}
		if (term.length() >= 3 && SearchTerms.subsequence(term, core)) {
			// the words of the term with others between them: 开个小饭馆 for 开饭馆
			return 60 + 30.0 * term.length() / core.length();
		}
		return 100 * SearchTerms.similarity(core, term);
	}

	/** A query in Latin letters: pinyin (whole, part or one letter off), its initials, or English words. */
	private int latinScore(Matter matter, String word) {
		if (word.isEmpty()) {
			return 100;
		}
		double best = 0;
		for (Term term : terms.getOrDefault(matter.code(), List.of())) {
			double score = 0;
			if (term.pinyin().equals(word) || term.initials().equals(word) && word.length() >= 2) {
				score = 100;
			}
			else if (word.length() >= 4 && term.pinyin().contains(word)) {
				score = 85;
			}
			else if (word.length() >= 2 && word.length() <= 6 && term.initials().startsWith(word)) {
				score = 70;
			}
			else if (word.length() >= 5 && SearchTerms.distance(word, term.pinyin()) <= word.length() / 6 + 1) {
				score = 75;
			}
			best = Math.max(best, score * term.weight());
		}
		for (String english : english.getOrDefault(matter.code(), List.of())) {
			// a word of the English names, or its beginning: "restaurant", "employ" for "employee"
			if (word.length() >= 3 && english.startsWith(word)) {
				best = Math.max(best, 85);
			}
		}
		return (int) Math.round(best);
	}
}

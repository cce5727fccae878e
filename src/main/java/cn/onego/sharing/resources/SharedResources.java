package cn.onego.sharing.resources;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Enums.Registry;
import cn.onego.platform.NotFound;
import cn.onego.shared.Label;

/**
 * The shared-resource catalogue: find a resource, search them. Public information — what exists, who provides
 * it and how it is shared — never the data itself. Tens of resources: a search reads them all and matches in
 * Java, on the texts of the resource and the labels of its data elements and provider.
 */
@Service
public class SharedResources {

	private final JdbcClient jdbc;
	private final CatalogQueries catalog;
	private final Clock clock;

	SharedResources(JdbcClient jdbc, CatalogQueries catalog, Clock clock) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.clock = clock;
	}

	/** A search: every criterion optional; the text matches names, descriptions, elements and provider. */
	public record Search(String text, String provider, SharingClass sharing, String element, Registry registry, int page,
			int size) {
	}

	/** One page of results, with how many matched in all. */
	public record Page(List<SharedResource> items, int total, int page, int size) {
	}

	public Page search(Search search) {
		Catalogue catalogue = catalog.catalogue();
		List<SharedResource> matching = all().stream()
			.filter(r -> search.provider() == null || r.provider().equals(search.provider()))
			.filter(r -> search.sharing() == null || r.sharing() == search.sharing())
			.filter(r -> search.registry() == null || r.registry() == search.registry())
			.filter(r -> search.element() == null || r.elements().contains(search.element()))
			.filter(matchesText(search.text(), catalogue))
			.toList();
		int from = Math.min(matching.size(), search.page() * search.size());
		int to = Math.min(matching.size(), from + search.size());
		return new Page(matching.subList(from, to), matching.size(), search.page(), search.size());
	}

	public Optional<SharedResource> find(String code) {
		return code == null ? Optional.empty() : jdbc.sql("SELECT " + COLUMNS + " FROM shared_resource WHERE code = ?")
			.param(code)
			.query((rs, n) -> resource(rs))
			.optional();
	}

	public SharedResource get(String code) {
		return find(code).orElseThrow(() -> new NotFound("共享资源", "Shared resource", code));
	}

	public List<SharedResource> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM shared_resource").query((rs, n) -> resource(rs)).list().stream()
			.sorted(Comparator.comparing((SharedResource r) -> r.registry().ordinal()).thenComparing(SharedResource::code))
			.toList();
	}

	/** Creates the resource or brings it up to date; a resource that is already so is left untouched. */
	boolean save(SharedResource r) {
		if (find(r.code()).filter(r::equals).isPresent()) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO shared_resource (code, registry, provider, name_zh, name_en, description_zh, description_en, elements,
				    update_frequency, sharing, condition_zh, condition_en, assumption, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET registry = excluded.registry, provider = excluded.provider,
				    name_zh = excluded.name_zh, name_en = excluded.name_en, description_zh = excluded.description_zh,
				    description_en = excluded.description_en, elements = excluded.elements,
				    update_frequency = excluded.update_frequency, sharing = excluded.sharing,
				    condition_zh = excluded.condition_zh, condition_en = excluded.condition_en,
				    assumption = excluded.assumption, updated_at = excluded.updated_at""")
			.params(r.code(), r.registry().name(), r.provider(), r.name().zh(), r.name().en(), r.description().zh(),
					r.description().en(), r.elements().toArray(String[]::new), r.frequency().name(), r.sharing().name(),
					r.condition() == null ? null : r.condition().zh(), r.condition() == null ? null : r.condition().en(), r.assumption(), Timestamp.from(clock.instant()))
			.update();
		return true;
	}

	private static Predicate<SharedResource> matchesText(String text, Catalogue catalogue) {
		if (text == null || text.isBlank()) {
			return r -> true;
		}
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		return r -> texts(r, catalogue).anyMatch(t -> t != null && t.toLowerCase(Locale.ROOT).contains(wanted));
	}

	private static Stream<String> texts(SharedResource r, Catalogue catalogue) {
		Stream<String> own = Stream.of(r.code(), r.name().zh(), r.name().en(), r.description().zh(), r.description().en());
		Stream<String> provider = catalogue.department(r.provider()).stream().map(d -> d.name());
		// the elements' labels, not their codes: what a visitor types is a name ("户籍地址"), and a code's '_' would
		// make an underscore match everything
		Stream<String> elements = r.elements().stream()
			.flatMap(code -> catalogue.element(code).stream().flatMap(e -> Stream.of(e.label().zh(), e.label().en())));
		return Stream.of(own, provider, elements).flatMap(s -> s);
	}

	private static final String COLUMNS = """
			code, registry, provider, name_zh, name_en, description_zh, description_en, elements, update_frequency, sharing,
			condition_zh, condition_en, assumption""";

	private static SharedResource resource(ResultSet rs) throws SQLException {
		Array elements = rs.getArray(8);
		String conditionZh = rs.getString(11);
		return new SharedResource(rs.getString(1), Registry.valueOf(rs.getString(2)), rs.getString(3),
				new Label(rs.getString(4), rs.getString(5)), new Label(rs.getString(6), rs.getString(7)),
				Arrays.asList((String[]) elements.getArray()), UpdateFrequency.valueOf(rs.getString(9)),
				SharingClass.valueOf(rs.getString(10)), conditionZh == null ? null : new Label(conditionZh, rs.getString(12)),
				rs.getString(13));
	}
}

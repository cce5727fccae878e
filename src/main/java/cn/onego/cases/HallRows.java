package cn.onego.cases;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.onego.catalog.Enums.Theme;
import cn.onego.cases.Halls.Hall;
import cn.onego.cases.Halls.Window;
import cn.onego.cases.Halls.WindowCategory;
import cn.onego.shared.RegionCode;

/** The tables of halls, their windows and categories, and the window categories with their themes. */
@Repository
class HallRows {

	private final JdbcClient jdbc;

	HallRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long lastChange() {
		return jdbc.sql("SELECT coalesce(max(id), 0) FROM hall_change").query(Long.class).single();
	}

	/** Everything, read once; the change counter first, so that a change made meanwhile is read again later. */
	HallDirectory directory() {
		long last = lastChange();
		Map<Theme, String> themes = new EnumMap<>(Theme.class);
		Map<String, List<Theme>> themesOf = new HashMap<>();
		jdbc.sql("SELECT theme, category FROM window_category_theme ORDER BY theme").query((rs, n) -> {
			Theme theme = theme(rs.getString(1));
			if (theme != null) {
				themes.put(theme, rs.getString(2));
				themesOf.computeIfAbsent(rs.getString(2), c -> new ArrayList<>()).add(theme);
			}
			return null;
		}).list();
		List<WindowCategory> categories = jdbc.sql("SELECT code, name, name_en, version FROM window_category ORDER BY position, code")
			.query((rs, n) -> new WindowCategory(rs.getString(1), rs.getString(2), rs.getString(3),
					themesOf.getOrDefault(rs.getString(1), List.of()), rs.getInt(4)))
			.list();
		Map<String, Set<String>> categoriesOf = new HashMap<>();
		jdbc.sql("SELECT hall, category FROM hall_category").query((rs, n) -> {
			categoriesOf.computeIfAbsent(rs.getString(1), h -> new HashSet<>()).add(rs.getString(2));
			return null;
		}).list();
		Map<String, List<Window>> windowsOf = new HashMap<>();
		jdbc.sql("SELECT hall, number, name, name_en, categories, open FROM hall_window ORDER BY hall, position").query((rs, n) -> {
			windowsOf.computeIfAbsent(rs.getString(1), h -> new ArrayList<>())
				.add(new Window(rs.getString(2), rs.getString(3), rs.getString(4), texts(rs.getArray(5)), rs.getBoolean(6)));
			return null;
		}).list();
		Map<String, Hall> halls = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM hall ORDER BY region, code").query((rs, n) -> {
			String code = rs.getString("code");
			Timestamp closed = rs.getTimestamp("closed_at");
			halls.put(code, new Hall(code, rs.getString("name"), rs.getString("name_en"), RegionCode.of(rs.getString("region")),
					rs.getString("address"), rs.getString("address_en"), rs.getString("phone"), rs.getString("hours"),
					rs.getString("hours_en"), rs.getBoolean("every_category"), categoriesOf.getOrDefault(code, Set.of()),
					windowsOf.getOrDefault(code, List.of()), closed == null ? null : closed.toInstant(), rs.getInt("version")));
			return null;
		}).list();
		return new HallDirectory(halls, categories, themes, last);
	}

	boolean exists(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM hall WHERE code = ?)").param(code).query(Boolean.class).single();
	}

	boolean empty() {
		return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM hall)").query(Boolean.class).single();
	}

	void insert(Hall h, String actor, Instant at) {
		jdbc.sql("""
				INSERT INTO hall (code, name, name_en, region, address, address_en, phone, hours, hours_en, every_category,
				    changed_at, changed_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(h.code(), h.name(), h.nameEn(), h.region().value(), h.address(), h.addressEn(), h.phone(), h.hours(),
					h.hoursEn(), h.everyCategory(), Timestamp.from(at), actor)
			.update();
		writeParts(h);
	}

	/** Writes the hall over the version it was read with; false when someone else changed it since. */
	boolean update(Hall h, int readVersion, String actor, Instant at) {
		int updated = jdbc.sql("""
				UPDATE hall SET name = ?, name_en = ?, region = ?, address = ?, address_en = ?, phone = ?, hours = ?,
				    hours_en = ?, every_category = ?, version = version + 1, changed_at = ?, changed_by = ?
				WHERE code = ? AND version = ?""")
			.params(h.name(), h.nameEn(), h.region().value(), h.address(), h.addressEn(), h.phone(), h.hours(), h.hoursEn(),
					h.everyCategory(), Timestamp.from(at), actor, h.code(), readVersion)
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("DELETE FROM hall_category WHERE hall = ?").param(h.code()).update();
		jdbc.sql("DELETE FROM hall_window WHERE hall = ?").param(h.code()).update();
		writeParts(h);
		return true;
	}

	/** Closes or reopens the hall over the version it was read with; false when someone else changed it since. */
	boolean close(String code, boolean closed, int readVersion, String actor, Instant at) {
		return jdbc.sql("""
				UPDATE hall SET closed_at = CASE WHEN ? THEN coalesce(closed_at, ?) END, closed_by = CASE WHEN ? THEN ? END,
				    version = version + 1, changed_at = ?, changed_by = ?
				WHERE code = ? AND version = ?""")
			.params(closed, Timestamp.from(at), closed, actor, Timestamp.from(at), actor, code, readVersion)
			.update() == 1;
	}

	private void writeParts(Hall h) {
		for (String category : h.categories()) {
			jdbc.sql("INSERT INTO hall_category (hall, category) VALUES (?, ?)").params(h.code(), category).update();
		}
		int position = 0;
		for (Window w : h.windows()) {
			jdbc.sql("""
					INSERT INTO hall_window (hall, number, name, name_en, categories, open, position)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(h.code(), w.number(), w.name(), w.nameEn(), w.categories().toArray(String[]::new), w.open(), position++)
				.update();
		}
	}

	boolean categoryExists(String code) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM window_category WHERE code = ?)").param(code).query(Boolean.class).single();
	}

	void insertCategory(WindowCategory c) {
		jdbc.sql("""
				INSERT INTO window_category (code, name, name_en, position)
				VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM window_category))""")
			.params(c.code(), c.name(), c.nameEn())
			.update();
		moveThemes(c);
	}

	boolean updateCategory(WindowCategory c, int readVersion) {
		int updated = jdbc.sql("UPDATE window_category SET name = ?, name_en = ?, version = version + 1 WHERE code = ? AND version = ?")
			.params(c.name(), c.nameEn(), c.code(), readVersion)
			.update();
		if (updated == 1) {
			moveThemes(c);
		}
		return updated == 1;
	}

	/** Each theme of the category leaves the category it was in: a theme belongs to one category. */
	private void moveThemes(WindowCategory c) {
		for (Theme theme : c.themes()) {
			jdbc.sql("""
					INSERT INTO window_category_theme (theme, category) VALUES (?, ?)
					ON CONFLICT (theme) DO UPDATE SET category = excluded.category""")
				.params(theme.name(), c.code())
				.update();
		}
	}

	void logChange(String actor, String action, String target, String detail, Instant at) {
		jdbc.sql("INSERT INTO hall_change (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)")
			.params(Timestamp.from(at), actor, action, target, detail)
			.update();
	}

	/** The administrators' log, newest first. */
	List<HallAdministration.Change> changes(int limit) {
		return jdbc.sql("SELECT id, at, actor, action, target, detail FROM hall_change ORDER BY id DESC LIMIT ?")
			.param(limit)
			.query((rs, n) -> new HallAdministration.Change(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	private static Theme theme(String name) {
		return Arrays.stream(Theme.values()).filter(t -> t.name().equals(name)).findFirst().orElse(null);
	}

	private static List<String> texts(Array array) throws java.sql.SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}
}

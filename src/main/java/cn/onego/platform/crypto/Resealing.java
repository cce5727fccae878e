package cn.onego.platform.crypto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seals what is not sealed under the current key, online and in batches: at start-up the rows written before
 * their column was sealed (the migration that sealed a column lists it in {@code sealing_pending}), and on a
 * key rotation every row ({@link #rotate}).
 * <p>
 * A table is walked once, in ranges of {@value #BLOCKS_PER_RANGE} pages by physical position ({@code ctid}),
 * so a run reads each row about once however large the table is; within a range the rows not yet under the
 * current key are re-sealed in batches of {@value #BATCH}. Each row is updated only if its value is still the
 * one read ({@code WHERE ctid = ? AND column = ?}), so a write of the application in between wins and is not
 * undone — it was sealed under the current key anyway. Nothing is locked beyond the rows of one batch.
 */
@Component
public class Resealing implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(Resealing.class);

	static final int BLOCKS_PER_RANGE = 256;
	static final int BATCH = 500;

	private final JdbcTemplate jdbc;
	private final PersonalData data;
	private final ObjectProvider<SealedColumns> owners;

	Resealing(JdbcTemplate jdbc, PersonalData data, ObjectProvider<SealedColumns> owners) {
		this.jdbc = jdbc;
		this.data = data;
		this.owners = owners;
	}

	/** What a rotation did: the new key, the values re-sealed, the keys removed and those still in use. */
	public record Rotation(int key, long resealed, SortedSet<Integer> removed, Map<Integer, Long> stillUsed) {
	}

	/** Every sealed column of every module. */
	public List<SealedColumn> columns() {
		List<SealedColumn> columns = new ArrayList<>();
		owners.orderedStream().forEach(owner -> columns.addAll(owner.sealedColumns()));
		return columns;
	}

	/**
	 * At start-up, once the migrations ran and before anything else reads or writes personal data (the demo data,
	 * requests): seals the rows of the columns a migration has just sealed.
	 */
	@Override
	public void afterPropertiesSet() {
		sealPending();
	}

	/** Seals the rows of every column listed in {@code sealing_pending} and empties the list. */
	public void sealPending() {
		List<Map<String, Object>> pending = jdbc.queryForList("SELECT table_name, column_name FROM sealing_pending");
		for (Map<String, Object> row : pending) {
			String table = (String) row.get("table_name");
			String column = (String) row.get("column_name");
			SealedColumn sealed = columns().stream()
				.filter(c -> c.table().equals(table) && c.column().equals(column))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"A migration sealed " + table + "." + column + " but no module declares it (SealedColumns)"));
			long count = reseal(sealed);
			jdbc.update("DELETE FROM sealing_pending WHERE table_name = ? AND column_name = ?", table, column);
			if (count > 0) {
				log.info("Sealed {} values of {} written before the column was sealed", count, sealed.name());
			}
		}
	}

	/**
	 * A new data key becomes the current one, every sealed value is re-sealed with it, and every older key no
	 * value names any more is removed. A key still named (a node that had not yet seen the new key kept writing
	 * with the old one) stays, reported in {@link Rotation#stillUsed()}; {@link #retireUnused()} later removes it.
	 */
	public synchronized Rotation rotate() {
		int key = data.keys().addCurrent();
		long resealed = resealAll();
		Retirement retirement = retire();
		log.info("Key rotation: k{} is current, {} values re-sealed, keys removed: {}, still in use: {}", key, resealed,
				retirement.removed(), retirement.stillUsed());
		return new Rotation(key, resealed, retirement.removed(), retirement.stillUsed());
	}

	/** Re-seals what is not under the current key, then removes every other key no value names. */
	public synchronized Retirement retireUnused() {
		resealAll();
		return retire();
	}

	/** The keys removed, and the values still naming each of the others. */
	public record Retirement(SortedSet<Integer> removed, Map<Integer, Long> stillUsed) {
	}

	private Retirement retire() {
		Map<Integer, Long> used = new TreeMap<>();
		usage().values().forEach(perKey -> perKey.forEach((key, count) -> {
			if (key != null) {
				used.merge(key, count, Long::sum);
			}
		}));
		int current = data.keys().current();
		SortedSet<Integer> removed = new TreeSet<>();
		for (int id : data.keys().ids()) {
			if (id != current && !used.containsKey(id)) {
				data.keys().remove(id);
				removed.add(id);
			}
		}
		used.remove(current);
		return new Retirement(removed, used);
	}

	/** Re-seals every sealed column under the current key; the number of values changed. */
	public long resealAll() {
		long total = 0;
		for (SealedColumn column : columns()) {
			total += reseal(column);
		}
		return total;
	}

	/**
	 * How many values of each column name each key ({@code null}: not sealed yet). Reads every table whole: for
	 * a rotation's report and the operators' endpoint, not for requests.
	 */
	public Map<String, Map<Integer, Long>> usage() {
		Map<String, Map<Integer, Long>> usage = new LinkedHashMap<>();
		for (SealedColumn c : columns()) {
			Map<Integer, Long> perKey = new TreeMap<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
			jdbc.query("SELECT substring(" + c.column() + " from '^k([0-9]+):')::int, count(*) FROM " + c.table() + " WHERE "
					+ c.column() + " IS NOT NULL GROUP BY 1", rs -> {
						int key = rs.getInt(1);
						perKey.put(rs.wasNull() ? null : key, rs.getLong(2));
					});
			usage.put(c.name(), perKey);
		}
		return usage;
	}

	/** Re-seals one column under the current key, range by range; the number of values changed. */
	long reseal(SealedColumn c) {
		String prefix = "k" + data.keys().current() + ":";
		String select = "SELECT ctid::text, " + c.column() + " FROM " + c.table() + " WHERE ctid >= ?::tid AND ctid < ?::tid AND "
				+ c.column() + " IS NOT NULL AND left(" + c.column() + ", " + prefix.length() + ") <> ?";
		String update = "UPDATE " + c.table() + " SET " + c.column() + " = ?"
				+ (c.indexColumn() == null ? "" : ", " + c.indexColumn() + " = ?") + " WHERE ctid = ?::tid AND " + c.column()
				+ " = ?";
		long total = 0;
		// a second walk finds what moved behind the first (an update puts the row's new version further on)
		for (int walk = 0; walk < 3; walk++) {
			long changed = 0;
			long blocks = jdbc.queryForObject("SELECT pg_relation_size(?::regclass) / current_setting('block_size')::int",
					Long.class, c.table());
			for (long from = 0; from <= blocks; from += BLOCKS_PER_RANGE) {
				List<String[]> rows = jdbc.query(select, (rs, n) -> new String[] { rs.getString(1), rs.getString(2) },
						"(" + from + ",0)", "(" + (from + BLOCKS_PER_RANGE) + ",0)", prefix);
				for (int start = 0; start < rows.size(); start += BATCH) {
					List<Object[]> arguments = new ArrayList<>();
					for (String[] row : rows.subList(start, Math.min(rows.size(), start + BATCH))) {
						String plain = data.open(row[1], c.name());
						arguments.add(c.indexColumn() == null ? new Object[] { data.seal(plain, c.name()), row[0], row[1] }
								: new Object[] { data.seal(plain, c.name()), data.index(plain), row[0], row[1] });
					}
					for (int count : jdbc.batchUpdate(update, arguments)) {
						changed += Math.max(count, 0);
					}
				}
			}
			total += changed;
			if (changed == 0) {
				break;
			}
		}
		return total;
	}
}

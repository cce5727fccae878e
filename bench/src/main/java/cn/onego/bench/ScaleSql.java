package cn.onego.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Runs SQL statements against the scale database (the embedded server has no psql), e.g. to re-order a
 * table or try an index between two runs of {@link ScaleQueries}.
 *
 * <pre>java -cp target/classes:$(cat target/classpath.txt) cn.onego.bench.ScaleSql target/scale-pg "CLUSTER supervision_task_day USING supervision_task_day_pkey"</pre>
 */
public final class ScaleSql {

	public static void main(String[] args) throws Exception {
		long started = System.nanoTime();
		try (ScaleDatabase db = ScaleDatabase.start(Path.of(args[0]).toAbsolutePath(), false);
				Connection c = db.connect();
				Statement s = c.createStatement()) {
			for (int i = 1; i < args.length; i++) {
				long t = System.nanoTime();
				boolean rows = s.execute(args[i]);
				ScaleData.log(started, "%s (%.1f s)", args[i], (System.nanoTime() - t) / 1e9);
				if (rows) { // a query: its first 500 rows (a whole plan), tab-separated
					java.sql.ResultSet rs = s.getResultSet();
					int columns = rs.getMetaData().getColumnCount();
					for (int n = 0; n < 500 && rs.next(); n++) {
						StringBuilder line = new StringBuilder("    ");
						for (int col = 1; col <= columns; col++) {
							line.append(col > 1 ? "\t" : "").append(rs.getString(col));
						}
						System.err.println(line);
					}
				}
			}
		}
		System.exit(0);
	}

	private ScaleSql() {
	}
}

package cn.onego.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import cn.onego.bench.SideBySide.Latencies;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Two OneGo nodes on one PostgreSQL under the HTTP load, against one node: the throughput of each, and
 * what must hold with two: no case or task twice, every event counted once by supervision, every
 * application opened once even after a node is killed and restarted (the outbox redelivers), and each
 * overdue task marked once although both nodes' deadline scanners run.
 */
public final class TwoNodes {

	public static void main(String[] args) throws Exception {
		int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
		int workers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
		StringBuilder report = new StringBuilder();
		try (EmbeddedPostgres pg = SideBySide.startPostgres("onego-two-nodes-pg")) {
			try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("CREATE DATABASE onego1");
				s.execute("CREATE DATABASE onego2");
			}
			report.append("| nodes | virtual users | cases/s | heap MB (peak per node) |\n|---:|---:|---:|---:|\n");
			double one;
			try (OneGoOverHttp single = new OneGoOverHttp(pg, "onego1", 1, 18281)) {
				one = throughput(single, workers, seconds, report, 1);
			}
			OneGoOverHttp pair = new OneGoOverHttp(pg, "onego2", 2, 18291, "--onego.clock.scan-interval=2s");
			try (pair) {
				double two = throughput(pair, workers, seconds, report, 2);
				report.append("\nTwo nodes against one: **%.2f×**.\n\n".formatted(two / one));
				report.append("Checks on the two-node database after the load:\n\n");
				check(pg, report, "applications opened as more than one case", """
						SELECT count(*) FROM (SELECT application_id FROM case_file GROUP BY application_id HAVING count(*) > 1) d""", 0);
				check(pg, report, "items dispatched as more than one task in a case", """
						SELECT count(*) FROM (SELECT case_id, item FROM case_task GROUP BY case_id, item HAVING count(*) > 1) d""", 0);
				Thread.sleep(3000); // the last folds of the case facts (V38: supervision_delta is case_fact)
				check(pg, report, "issued cases not counted exactly once by supervision", """
						SELECT abs((SELECT count(*) FROM case_file WHERE state = 'ISSUED')
						         - (SELECT coalesce(sum(issued), 0) FROM supervision_case_day)
						         - (SELECT count(*) FROM case_fact WHERE kind = 'issued'))""", 0);
				check(pg, report, "decided tasks not counted exactly once by supervision", """
						SELECT abs((SELECT count(*) FROM case_task WHERE state = 'APPROVED')
						         - (SELECT coalesce(sum(decided), 0) FROM supervision_task_day)
						         - (SELECT count(*) FROM case_fact WHERE kind = 'decided'))""", 0);
				crashAndRedeliver(pg, pair, report);
				scanOnce(pg, pair, report);
			}
		}
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/two-nodes.md"), report, StandardCharsets.UTF_8);
		System.exit(0);
	}

	private static double throughput(OneGoOverHttp contestant, int workers, int seconds, StringBuilder report, int nodes)
			throws Exception {
		contestant.prepare(workers);
		SideBySide.measure(contestant, workers, Math.max(3, seconds / 3), new Latencies()); // warm-up
		contestant.heapMb();
		long cases = SideBySide.measure(contestant, workers, seconds, new Latencies());
		double rate = cases / (double) seconds;
		report.append("| %d | %d | %.1f | %d |%n".formatted(nodes, workers, rate, contestant.heapMb()));
		System.err.printf("%d node(s), %d virtual users: %.1f cases/s%n", nodes, workers, rate);
		return rate;
	}

	/**
	 * Kills the second node (kill -9) in the middle of a burst of submissions to it, while its outbox still
	 * holds some of them; restarted, it redelivers them, and every application it acknowledged (201) ends
	 * with exactly one case. Submissions cut off by the crash were never acknowledged and are not counted.
	 */
	private static void crashAndRedeliver(EmbeddedPostgres pg, OneGoOverHttp pair, StringBuilder report) throws Exception {
		OneGoOverHttp.Node second = pair.nodes.get(1);
		List<String> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
		List<Thread> burst = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			OneGoOverHttp.VirtualUser vu = pair.userOn(second);
			burst.add(new Thread(() -> {
				try {
					while (true) {
						acknowledged.add(pair.submit(vu, new Latencies()));
					}
				}
				catch (Exception crashed) {
					// the node is gone: this submission was not acknowledged
				}
			}));
		}
		burst.forEach(Thread::start);
		Thread.sleep(3000);
		long incompleteAtCrash = count(pg, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
		second.crash();
		for (Thread thread : burst) {
			thread.join();
		}
		second.start();
		second.awaitHealthy(java.net.http.HttpClient.newHttpClient());
		String list = "'" + String.join("','", acknowledged) + "'";
		long deadline = System.nanoTime() + 60_000_000_000L;
		long opened = 0;
		while (System.nanoTime() < deadline) {
			opened = count(pg, "SELECT count(DISTINCT application_id) FROM case_file WHERE application_id IN (" + list + ")");
			if (opened == acknowledged.size()) {
				break;
			}
			Thread.sleep(500);
		}
		report.append(("- crash: node 2 killed (kill -9) in a burst of submissions from 8 users, %d of them acknowledged, %d "
				+ "publications incomplete a moment before the kill; after its restart %d of the %d acknowledged applications are "
				+ "cases%n").formatted(acknowledged.size(), incompleteAtCrash, opened, acknowledged.size()));
		check(pg, report, "acknowledged applications without a case", "SELECT %d - %d".formatted(acknowledged.size(), opened), 0);
		check(pg, report, "of those applications opened twice",
				"SELECT count(*) - count(DISTINCT application_id) FROM case_file WHERE application_id IN (" + list + ")", 0);
		check(pg, report, "publications still incomplete after the restart", "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", 0);
	}

	/** Cases accepted and then overdue: both nodes scan every 2 s, each task is marked red once. */
	private static void scanOnce(EmbeddedPostgres pg, OneGoOverHttp pair, StringBuilder report) throws Exception {
		List<String> cases = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			cases.add(pair.submitAndAccept(pair.userOn(pair.nodes.get(0)), new Latencies()));
		}
		String ids = cases.stream().map(id -> "'" + id + "'::uuid").collect(java.util.stream.Collectors.joining(","));
		try (Connection c = pg.getDatabase("postgres", "onego2").getConnection(); Statement s = c.createStatement()) {
			// the scanner reads the running tasks' open deadlines (V38), the task keeps its own copy of the days
			s.executeUpdate("UPDATE case_task SET warn_on = current_date - 3, due_on = current_date - 1 WHERE case_id IN (" + ids
					+ ") AND state = 'PENDING'");
			s.executeUpdate("UPDATE open_deadline SET warn_on = current_date - 3, due_on = current_date - 1 WHERE case_id IN (" + ids + ")");
			// and so does the reviewer's queue (V70)
			s.executeUpdate("UPDATE queued_task SET warn_on = current_date - 3, due_on = current_date - 1 WHERE case_id IN (" + ids
					+ ") AND state = 'PENDING'");
		}
		Thread.sleep(8000); // several scans on each node
		long tasks = count(pg, "SELECT count(*) FROM open_deadline WHERE case_id IN (" + ids + ")");
		long red = count(pg, "SELECT count(*) FROM open_deadline WHERE colour = 'RED' AND case_id IN (" + ids + ")");
		// the scan's marks are written to case_deadline_step since V69 (older ones stay in case_history)
		String overdueMarks = "(SELECT case_id, task_id FROM case_history WHERE action = 'OVERDUE'"
				+ " UNION ALL SELECT case_id, task_id FROM case_deadline_step WHERE action = 'OVERDUE') m";
		long marks = count(pg, "SELECT count(*) FROM " + overdueMarks + " WHERE case_id IN (" + ids + ")");
		report.append("- deadline scan on both nodes: %d overdue tasks, %d red, %d OVERDUE marks in their histories%n".formatted(tasks, red, marks));
		check(pg, report, "overdue tasks marked more than once", """
				SELECT count(*) FROM (SELECT task_id FROM %s WHERE case_id IN (%s)
				GROUP BY task_id HAVING count(*) > 1) d""".formatted(overdueMarks, ids), 0);
	}

	private static void check(EmbeddedPostgres pg, StringBuilder report, String what, String sql, long expected) throws Exception {
		long value = count(pg, sql);
		report.append("- %s: **%d**%s%n".formatted(what, value, value == expected ? "" : " (expected " + expected + ")"));
	}

	private static long count(EmbeddedPostgres pg, String sql) throws Exception {
		try (Connection c = pg.getDatabase("postgres", "onego2").getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}

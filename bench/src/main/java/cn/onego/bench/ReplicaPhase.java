package cn.onego.bench;

import static cn.onego.bench.ReplicaRun.PRIMARY;
import static cn.onego.bench.ReplicaRun.STANDBY;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.onego.bench.SideBySide.Latencies;

/**
 * What one phase of the {@link ReplicaRun} measured: the cases written, the reads timed by the server the platform
 * sent them to, the lag sampled, the transactions on the standby, and what happened meanwhile; and the report's
 * tables of them.
 */
record ReplicaPhase(String name, int seconds, long cases, Latencies reads, LagSamples lag, long standbyTransactions, String events) {

	/** How many reads the platform sent to the server ({@code standby} or {@code primary}). */
	long reads(String server) {
		return reads.byOperation.entrySet()
			.stream()
			.filter(e -> e.getKey().endsWith(server))
			.mapToLong(e -> e.getValue().size())
			.sum();
	}

	/** One line a phase: cases/s, reads/s, where the reads went, the lag. */
	static String table(List<ReplicaPhase> phases) {
		StringBuilder out = new StringBuilder("""
				| phase | cases/s | reads/s | reads sent to the standby | lag checks serving the standby | lag p50 / p99 / max, ms \
				| standby behind p50 / p99 / max, KB | transactions on the standby (pg_stat_database) |
				|---|---:|---:|---:|---:|---:|---:|---:|
				""");
		for (ReplicaPhase p : phases) {
			long standby = p.reads(STANDBY);
			long all = standby + p.reads(PRIMARY);
			out.append("| %s | %.1f | %.1f | %s | %d %% | %s | %s | %d |%n".formatted(p.name(), p.cases() / (double) p.seconds(),
					all / (double) p.seconds(), all == 0 ? "–" : Math.round(100.0 * standby / all) + " %", p.lag().servingShare(),
					p.lag().lag(), p.lag().kilobytesBehind(), p.standbyTransactions()));
		}
		return out.toString();
	}

	/** The reads' latencies, a line per phase, read and server. */
	static String latencies(List<ReplicaPhase> phases) {
		StringBuilder out = new StringBuilder("""
				Reads by the server the platform sent them to, ms:

				| phase | read · server | reads | p50 | p95 | p99 |
				|---|---|---:|---:|---:|---:|
				""");
		for (ReplicaPhase p : phases) {
			p.reads().percentiles().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
				long[] micros = e.getValue();
				out.append("| %s | %s | %d | %.1f | %.1f | %.1f |%n".formatted(p.name(), e.getKey(),
						p.reads().byOperation.get(e.getKey()).size(), micros[0] / 1000.0, micros[1] / 1000.0, micros[2] / 1000.0));
			});
		}
		return out.toString();
	}

	/** The lag as the platform measured it, where it sent the reads, and the bytes not replayed: sampled during a phase. */
	static final class LagSamples {

		private final List<Long> lagMillis = new ArrayList<>();
		private final List<Long> bytesBehind = new ArrayList<>();
		private int serving;
		private int count;

		synchronized void add(long lag, boolean servingNow, long bytes) {
			count++;
			serving += servingNow ? 1 : 0;
			if (lag >= 0) {
				lagMillis.add(lag);
			}
			if (bytes >= 0) {
				bytesBehind.add(bytes);
			}
		}

		synchronized String lag() {
			return quantiles(lagMillis, 1, "%d");
		}

		synchronized String kilobytesBehind() {
			return quantiles(bytesBehind, 1024, "%d");
		}

		synchronized int servingShare() {
			return count == 0 ? 0 : Math.round(100f * serving / count);
		}

		private static String quantiles(List<Long> values, long unit, String format) {
			if (values.isEmpty()) {
				return "–";
			}
			long[] sorted = values.stream().mapToLong(v -> v / unit).sorted().toArray();
			return String.join(" / ", format.formatted(at(sorted, 0.5)), format.formatted(at(sorted, 0.99)),
					format.formatted(sorted[sorted.length - 1]));
		}

		private static long at(long[] sorted, double q) {
			return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
		}
	}

}

package cn.onego.cases;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 容缺的补正期限: every night, the cases whose gaps are still open after their deadline are flagged and their
 * applicants told. Reads only the cases due (a partial index); each is read again and flagged in a transaction of
 * its own, so two nodes flagging at once flag each case once.
 */
@Component
class GapDeadlines {

	private static final Logger log = LoggerFactory.getLogger(GapDeadlines.class);

	private final Cases cases;
	private final CaseTransactions transactions;
	private final Clock clock;

	GapDeadlines(Cases cases, CaseTransactions transactions, Clock clock) {
		this.cases = cases;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Flags every case whose 容缺 materials are still missing after their deadline; returns how many. */
	int flagOverdueGaps(LocalDate today) {
		int flagged = 0;
		for (CaseId due : cases.gapsDueBefore(today)) {
			boolean done = transactions.run("办件", () -> {
				Changes changes = cases.toChange(due).orElseThrow();
				CaseFile c = changes.caseFile();
				if (c.terms().gapsOverdue() || c.terms().openGaps().isEmpty()) {
					return false;
				}
				changes.apply(c.flagOverdueGaps(new Act(Act.SYSTEM, clock.instant())));
				cases.save(changes);
				return true;
			});
			flagged += done ? 1 : 0;
		}
		return flagged;
	}

	@Scheduled(cron = "${onego.cases.gap-scan-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
	void scan() {
		int flagged = flagOverdueGaps(LocalDate.now(clock));
		if (flagged > 0) {
			log.info("Flagged {} cases with overdue 容缺 materials", flagged);
		}
	}
}

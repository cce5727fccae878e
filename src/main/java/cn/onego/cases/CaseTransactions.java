package cn.onego.cases;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one use case on one case in a transaction of its own, and runs it again when the case was saved by someone
 * else between its read and its save ({@link Cases.CaseChangedMeanwhile}): each run reads the case afresh, so the
 * second of two reviewers deciding different tasks at once decides on the case as the first left it. What the
 * caller sent (the version it read) is checked again on each run, so a real conflict still answers 409.
 */
@Component
class CaseTransactions {

	/** Runs before giving up: each lost race means another save of the same case went through. */
	static final int ATTEMPTS = 8;

	private final TransactionTemplate transactions;

	CaseTransactions(TransactionTemplate transactions) {
		this.transactions = transactions;
	}

	<T> T run(String what, Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return transactions.execute(status -> work.get());
			}
			catch (Cases.CaseChangedMeanwhile lost) {
				if (attempt == ATTEMPTS) {
					throw new ConcurrentChange(what);
				}
			}
		}
	}
}

package cn.onego.cases;

import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one use case on one case in a transaction of its own, and runs it again when the case was saved by someone
 * else between its read and its save ({@link Cases.CaseChangedMeanwhile}): each run after the first reads the case
 * afresh, so the second of two reviewers deciding different tasks at once decides on the case as the first left it.
 * What the caller sent (the version it read) is checked again on each run, so a real conflict still answers 409.
 * <p>
 * The first run may decide on the case as this node saved it last ({@link RememberedCases}); only its save, written
 * over the revision remembered, confirms that. If it refuses, for whatever reason, or answers without saving the case,
 * it is rolled back and runs again on the case as read, and that run's answer is the answer.
 */
@Component
class CaseTransactions {

	/** Runs before giving up: each lost race means another save of the same case went through. */
	static final int ATTEMPTS = 8;

	private final TransactionTemplate transactions;
	private final RememberedCases remembered;

	CaseTransactions(TransactionTemplate transactions, RememberedCases remembered) {
		this.transactions = transactions;
		this.remembered = remembered;
	}

	private record Answer<T>(T value) {
	}

	<T> T run(String what, Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			// a run inside a transaction already open reads afresh: rolling back its answer would roll back the caller's
			boolean mayRecall = attempt == 1 && !TransactionSynchronizationManager.isActualTransactionActive();
			try (RememberedCases.Attempt run = remembered.attempt(mayRecall)) {
				try {
					Answer<T> answer = transactions.execute(status -> {
						T result = work.get();
						if (!run.confirmed()) {
							status.setRollbackOnly();
							return null;
						}
						return new Answer<>(result);
					});
					if (answer != null) {
						return answer.value();
					}
					remembered.readAgain();
				}
				catch (Cases.CaseChangedMeanwhile lost) {
					if (attempt == ATTEMPTS) {
						throw new ConcurrentChange(what);
					}
					if (run.recalled()) {
						remembered.readAgain();
					}
				}
				catch (RuntimeException refused) {
					if (!run.recalled()) {
						throw refused;
					}
					remembered.readAgain();
				}
			}
		}
	}
}

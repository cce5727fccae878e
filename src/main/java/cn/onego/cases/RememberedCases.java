package cn.onego.cases;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The cases this node saved last, each as its save left it, so that the next change of the case on this node
 * decides without reading it again (ADR 0013). Nothing is ever written on a remembered case alone: its save is
 * written only over the revision remembered, and every write of a case or of its tasks moves that revision (the save,
 * {@link ProvisionalDueDays}, and a trigger for any other, V73). A case saved meanwhile by another node, a job or an
 * operator makes the save write nothing, and the use case runs again on the case as read ({@link CaseTransactions}).
 * A use case that refuses on a remembered case runs again on the case as read too: a refusal — not found, not yours,
 * someone changed it, not in that state — is never based on what this node remembers; nor is an answer without a
 * save of the case (nothing to do, done already): its transaction is rolled back and the use case runs again.
 * <p>
 * Only the first run of a use case ({@link #attempt}) recalls; reads to show a case ({@link CaseQueries}) never do.
 * A case is remembered once its transaction has committed, and forgotten as soon as a transaction saves it.
 */
@Component
class RememberedCases {

	/** The order in which {@link Cases} reads a case's tasks. */
	private static final Comparator<Task> READ_ORDER = Comparator
		.comparing((Task t) -> t.clock().startedOn(), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Task::item);

	private static final ThreadLocal<Attempt> ATTEMPT = new ThreadLocal<>();

	private record Remembered(CaseFile caseFile, List<Task> tasks) {
	}

	private final Cache<CaseId, Remembered> cases;
	private final Cache<TaskId, CaseId> caseOfTask;
	private final Counter recalled;
	private final Counter readAgain;

	RememberedCases(@Value("${onego.cases.remembered:10000}") int size, MeterRegistry meters) {
		cases = Caffeine.newBuilder().maximumSize(size).build();
		caseOfTask = Caffeine.newBuilder().maximumSize(size * 8L).build();
		recalled = Counter.builder("onego.cases.remembered.recalled")
			.description("Changes of a case decided on the case as this node saved it last, without reading it")
			.register(meters);
		readAgain = Counter.builder("onego.cases.remembered.read-again")
			.description("Runs of a use case again on the case as read, after one on the case as remembered refused or found it changed")
			.register(meters);
	}

	/** One run of a use case: whether it may recall a case, and whether it did. Closing it ends the run. */
	static final class Attempt implements AutoCloseable {

		private final Attempt outer;
		private final boolean mayRecall;
		private final java.util.Set<CaseId> recalled = new java.util.HashSet<>();
		private final java.util.Set<CaseId> saved = new java.util.HashSet<>();

		private Attempt(Attempt outer, boolean mayRecall) {
			this.outer = outer;
			this.mayRecall = mayRecall;
		}

		/** Whether the run decided on a remembered case. */
		boolean recalled() {
			return !recalled.isEmpty();
		}

		/**
		 * Whether every remembered case the run decided on was saved by it: its save, written only over the revision
		 * remembered, confirmed what was remembered. A run that answered without saving a case it recalled — nothing
		 * to do, done already — answered on the memory alone.
		 */
		boolean confirmed() {
			return saved.containsAll(recalled);
		}

		@Override
		public void close() {
			if (outer == null) {
				ATTEMPT.remove();
			}
			else {
				ATTEMPT.set(outer);
			}
		}
	}

	/** Starts a run of a use case on this thread; only a run started with {@code mayRecall} recalls cases. */
	Attempt attempt(boolean mayRecall) {
		Attempt attempt = new Attempt(ATTEMPT.get(), mayRecall);
		ATTEMPT.set(attempt);
		return attempt;
	}

	/** The case as this node saved it last, with its tasks, ready to be changed — if the run may recall it. */
	Optional<Changes> recall(CaseId id) {
		Attempt attempt = ATTEMPT.get();
		if (attempt == null || !attempt.mayRecall) {
			return Optional.empty();
		}
		Remembered r = cases.getIfPresent(id);
		if (r == null) {
			return Optional.empty();
		}
		attempt.recalled.add(id);
		recalled.increment();
		return Optional.of(Changes.of(r.caseFile(), r.tasks()));
	}

	/** The case of a task this node saved, as {@link #recall} does. */
	Optional<Changes> recallOfTask(TaskId task) {
		CaseId caseId = caseOfTask.getIfPresent(task);
		return caseId == null ? Optional.empty() : recall(caseId);
	}

	/**
	 * The case as the transaction saved it: forgotten now (the transaction itself reads it as it wrote it), and
	 * remembered once the transaction has committed — unless a later save of it is remembered by then.
	 */
	void saved(Changes saved) {
		CaseFile c = saved.caseFile();
		cases.invalidate(c.id());
		Attempt attempt = ATTEMPT.get();
		if (attempt != null) {
			attempt.saved.add(c.id());
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		Remembered r = new Remembered(c, saved.tasks().stream().sorted(READ_ORDER).toList());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				r.tasks().forEach(t -> caseOfTask.put(t.id(), c.id()));
				cases.asMap().merge(c.id(), r, (old, now) -> now.caseFile().revision() > old.caseFile().revision() ? now : old);
			}
		});
	}

	/** A run on a remembered case refused or found it changed: the use case runs again on the case as read. */
	void readAgain() {
		readAgain.increment();
	}

	/** The case was written other than by a save: whatever this node remembers of it is not to be recalled. */
	void forget(CaseId id) {
		cases.invalidate(id);
	}
}

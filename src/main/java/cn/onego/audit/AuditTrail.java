package cn.onego.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.identity.Actor;
import cn.onego.platform.StatementPart;

/**
 * Appends to the tamper-evident audit trail: every state change of a case, every decision and every read of
 * personal data, with actor, role, scope, action, target, time (the platform's clock), reason and request id.
 * <p>
 * Inside a transaction a record commits or rolls back with the change it describes: it is held until just
 * before the commit and then appended, with whatever else the transaction recorded, to one hash chain (see
 * {@link Ledger}) — the chain's head is locked only for those last statements. Outside a transaction (reads
 * outside one, scheduled jobs) a record is appended in a transaction of its own. A failure to append fails
 * the transaction: no change without its record.
 */
@Service
public class AuditTrail {

	private final Ledger ledger;
	private final ActorDescriptions actors;
	private final CurrentRequest requests;
	private final TransactionTemplate separately;

	AuditTrail(Ledger ledger, ActorDescriptions actors, CurrentRequest requests, PlatformTransactionManager transactions) {
		this.ledger = ledger;
		this.actors = actors;
		this.requests = requests;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records what the actor of a request did.
	 *
	 * @param action what was done, e.g. {@code case.ACCEPTED}, {@code read.application}, {@code export.volumes}
	 * @param target what it was done to, e.g. {@code case/<id>}, {@code application/<id>}
	 * @param reason why, or the detail of the step (ID and mobile numbers in it are masked)
	 */
	public void record(Actor actor, String action, String target, String reason) {
		ActorDescriptions.Description who = actors.of(actor);
		append(entry(who, action, target, reason));
	}

	/**
	 * Records what the user with this name did (the platform itself is {@code system}): their role and scope
	 * are looked up, as they are at this moment.
	 */
	public void record(String username, String action, String target, String reason) {
		append(entry(actors.of(username), action, target, reason));
	}

	/** One record, as {@link #record(String, String, String, String)} takes it. */
	public record Record(String username, String action, String target, String reason) {
	}

	/**
	 * Records appended by another module's own statement, saving the append its round trip (the case's save, ADR
	 * 0008): the statement takes {@link #parts}, and once it has run, {@link #finish} gets the count of the part
	 * {@link #written}. If the records were not written — another node wrote the chain last — they are appended
	 * then, under the chain's lock the statement took. The statement must fail the transaction if it fails.
	 */
	public interface InStatement {

		/** The parts to add to the statement, after the part named {@code after}, whose rows it locks first. */
		List<StatementPart> parts(String after);

		/** The name of the part whose count says how many records were written. */
		String written();

		/** After the statement: the count of {@link #written}. */
		void finish(long written);
	}

	/**
	 * The records for another module's statement in the current transaction, or empty where they are to be
	 * recorded the usual way ({@link #record(String, String, String, String)}): outside a writing transaction, or
	 * when this node has no head to expect on the chain drawn.
	 */
	public Optional<InStatement> inStatement(List<Record> records) {
		if (!(TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly())) {
			return Optional.empty();
		}
		return ledger.inStatement(records.stream().map(r -> entry(actors.of(r.username()), r.action(), r.target(), r.reason())).toList())
			.map(InStatement.class::cast);
	}

	private Entry entry(ActorDescriptions.Description who, String action, String target, String reason) {
		return new Entry(ledger.now(), who.username(), who.role(), who.scope(), action, target, Masking.masked(reason),
				requests.id());
	}

	private void append(Entry entry) {
		if (TransactionSynchronizationManager.isSynchronizationActive()
				&& TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			// the transaction's own synchronisations: an inner REQUIRES_NEW transaction has its own, and its records
			Pending pending = TransactionSynchronizationManager.getSynchronizations()
				.stream()
				.filter(Pending.class::isInstance)
				.map(Pending.class::cast)
				.findFirst()
				.orElse(null);
			if (pending == null) {
				pending = new Pending();
				TransactionSynchronizationManager.registerSynchronization(pending);
			}
			if (pending.appended) {
				// recorded by another synchronisation after this one appended: appended at once, still in the transaction
				ledger.append(List.of(entry));
			}
			else {
				pending.entries.add(entry);
			}
			return;
		}
		separately.executeWithoutResult(status -> ledger.append(List.of(entry)));
	}

	/** The records of one transaction, appended just before it commits. */
	private final class Pending implements TransactionSynchronization {

		private final List<Entry> entries = new ArrayList<>();
		private boolean appended;

		@Override
		public void beforeCommit(boolean readOnly) {
			ledger.append(entries);
			appended = true;
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}
}

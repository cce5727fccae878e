package cn.onego.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.onego.audit.AuditTrail;
import cn.onego.catalog.CatalogQueries;
import cn.onego.identity.Actor;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Text;
import cn.onego.platform.Text.Kind;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * 原件流转 for the halls: the paper originals of a cross-region case travel from the hall that accepted it to the
 * competent region's hall ({@link PaperTransfer}). The accepting hall's clerks list what they are to send and send
 * it; the receiving hall's clerks list what is coming and sign for it — they learn of the case through its transfer
 * only, by number, never by reading the case. Anybody else learns nothing (404). A parcel on its way longer than
 * {@code onego.transfers.overdue-working-days} (5) working days of the sending hall's region is flagged overdue.
 * Every step is in the audit trail.
 */
@Service
public class PaperTransfers {

	/** The most transfers a hall's list shows at once: a hall sends a few parcels a day. */
	static final int LIST_LIMIT = 500;

	/** A tracking number as couriers print them: letters, digits and '-', 4 to 40. */
	private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Za-z0-9-]{4,40}");

	private final Transfers transfers;
	private final Halls halls;
	private final CatalogQueries catalog;
	private final TaskClocks clocks;
	private final AuditTrail audit;
	private final Clock clock;
	private final int overdueWorkingDays;

	PaperTransfers(Transfers transfers, Halls halls, CatalogQueries catalog, TaskClocks clocks, AuditTrail audit, Clock clock,
			@Value("${onego.transfers.overdue-working-days:5}") int overdueWorkingDays) {
		this.transfers = transfers;
		this.halls = halls;
		this.catalog = catalog;
		this.clocks = clocks;
		this.audit = audit;
		this.clock = clock;
		this.overdueWorkingDays = overdueWorkingDays;
	}

	/** One material travelling as paper: its catalogue code and name, and how many originals. */
	public record Original(String material, Label name, int originals) {
	}

	/** A hall as a transfer names it: its code, to filter on, and its name, to show. */
	public record HallRef(String code, Label name) {
	}

	/**
	 * A transfer as the halls' lists and the case view show it. {@code overdue}: in transit longer than the working
	 * days allowed; {@code dispatchedBy}/{@code receivedBy}: the clerks' usernames, for staff only.
	 */
	public record TransferView(UUID id, UUID caseId, String caseNumber, HallRef from, HallRef to, List<Original> originals,
			TransferState state, Instant createdAt, String courier, String trackingNumber, Instant dispatchedAt,
			String dispatchedBy, Instant receivedAt, String receivedBy, String discrepancy, boolean overdue, int version) {
	}

	/** Which of a hall's transfers: those it sends, or those it is to receive. */
	public enum Direction {
		OUTGOING, INCOMING;

		/** {@code outgoing} or {@code incoming}, in any case; refused field by field otherwise. */
		public static Direction parse(String value) {
			if (value == null || value.isBlank()) {
				throw InvalidInput.of("direction", "required", Message.of("请选择寄出（outgoing）或接收（incoming）",
						"choose outgoing or incoming"));
			}
			try {
				return valueOf(value.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException e) {
				throw InvalidInput.of("direction", "one-of", Message.of("应为 outgoing（寄出）或 incoming（接收）",
						"is outgoing or incoming"));
			}
		}
	}

	/** The hall's transfers in one direction (and state), oldest first: for the clerks of that hall only. */
	@Transactional(readOnly = true)
	public List<TransferView> ofHall(Actor clerk, String hall, Direction direction, TransferState state) {
		if (hall == null || !clerk.clerkOf(hall)) {
			throw new CaseProblems.NotYours("大厅的原件流转");
		}
		return transfers.ofHall(HallCode.of(hall), direction == Direction.OUTGOING, state, LIST_LIMIT).stream()
			.map(t -> view(t, true))
			.toList();
	}

	/**
	 * 寄出: a clerk of the sending hall hands the parcel to a courier, over the version they read. The request is
	 * checked first (it says nothing about any transfer), then whose transfer it is: a clerk of the receiving hall is
	 * refused (403), anybody else finds nothing (404).
	 */
	@Transactional
	public TransferView dispatch(Actor clerk, UUID id, String courier, String trackingNumber, int version) {
		List<FieldProblem> problems = new ArrayList<>();
		String by = required(problems, "courier", Text.check(problems, "courier", courier, Kind.LINE, Text.NAME), courier,
				"请填写快递公司", "name the courier");
		String number = required(problems, "trackingNumber",
				Text.check(problems, "trackingNumber", trackingNumber, Kind.LINE, 40), trackingNumber, "请填写运单号",
				"give the tracking number");
		if (number != null && !TRACKING_NUMBER.matcher(number).matches()) {
			problems.add(new FieldProblem("trackingNumber", "tracking-number",
					Message.of("运单号应为4至40位字母、数字或连字符", "a tracking number has 4 to 40 letters, digits or '-'")));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		PaperTransfer t = reachable(clerk, id);
		if (!clerk.clerkOf(t.from().value())) {
			throw new CaseProblems.NotYours("原件流转（由受理大厅寄出）");
		}
		PaperTransfer sent = saved(t.version() == version ? t.dispatch(by, number, act(clerk)) : stale(version), version);
		audit.record(clerk, "transfer.dispatched", target(sent),
				"case " + sent.caseNumber() + ": originals sent to " + sent.to().value() + " by " + by + ", tracking number " + number);
		return view(sent, true);
	}

	/**
	 * 签收: a clerk of the receiving hall signs for the parcel, noting what was missing or different, over the version
	 * they read. A clerk of the sending hall is refused (403), anybody else finds nothing (404).
	 */
	@Transactional
	public TransferView receive(Actor clerk, UUID id, String note, int version) {
		String discrepancy = Text.require("note", note, Kind.FREE_TEXT, Text.REASON);
		discrepancy = discrepancy == null || discrepancy.isEmpty() ? null : discrepancy;
		PaperTransfer t = reachable(clerk, id);
		if (!clerk.clerkOf(t.to().value())) {
			throw new CaseProblems.NotYours("原件流转（由办理地大厅签收）");
		}
		PaperTransfer received = saved(t.version() == version ? t.receive(discrepancy, act(clerk)) : stale(version), version);
		audit.record(clerk, "transfer.received", target(received), "case " + received.caseNumber() + ": originals received from "
				+ received.from().value() + (discrepancy == null ? ", as listed" : ", with a discrepancy noted: " + discrepancy));
		return view(received, true);
	}

	/** The case's transfer as its readers see it (who may read the case was checked); staff see who did each step. */
	Optional<TransferView> ofCase(CaseId caseId, boolean staff) {
		return transfers.ofCase(caseId).map(t -> view(t, staff));
	}

	/** A transfer the clerk is a side of (sending or receiving hall); anybody else learns nothing about it. */
	private PaperTransfer reachable(Actor clerk, UUID id) {
		return transfers.find(id)
			.filter(t -> clerk.clerkOf(t.from().value()) || clerk.clerkOf(t.to().value()))
			.orElseThrow(() -> new NotFound("原件流转", "Paper transfer", id.toString()));
	}

	private PaperTransfer saved(PaperTransfer after, int version) {
		if (!transfers.save(after)) {
			throw new ConcurrentChange("原件流转", version);
		}
		return after;
	}

	private static PaperTransfer stale(int version) {
		throw new ConcurrentChange("原件流转", version);
	}

	private Act act(Actor clerk) {
		return new Act(clerk.username(), clock.instant());
	}

	private static String target(PaperTransfer t) {
		return "case/" + t.caseId() + "/transfer/" + t.id();
	}

	private static String required(List<FieldProblem> problems, String field, String checked, String raw, String zh, String en) {
		if (raw == null || (checked != null && checked.isEmpty())) {
			problems.add(new FieldProblem(field, "required", Message.of(zh, en)));
			return null;
		}
		return checked;
	}

	private TransferView view(PaperTransfer t, boolean staff) {
		var catalogue = catalog.catalogue();
		Halls.HallView from = halls.view(t.from(), catalogue);
		Halls.HallView to = halls.view(t.to(), catalogue);
		boolean overdue = from.region() != null
				&& t.overdue(clocks.today(), clock.getZone(), clocks.calendar(RegionCode.of(from.region())), overdueWorkingDays);
		return new TransferView(t.id(), t.caseId().value(), t.caseNumber(), new HallRef(t.from().value(), from.name()),
				new HallRef(t.to().value(), to.name()), t.originals(), t.state(), t.createdAt(), t.courier(), t.trackingNumber(),
				t.dispatched() == null ? null : t.dispatched().at(), staff && t.dispatched() != null ? t.dispatched().by() : null,
				t.received() == null ? null : t.received().at(), staff && t.received() != null ? t.received().by() : null,
				t.discrepancy(), overdue, t.version());
	}
}

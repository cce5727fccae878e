package cn.onego.delivery;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.Halls;
import cn.onego.delivery.DeliveryViews.CaseDelivery;
import cn.onego.delivery.DeliveryViews.FailedMessage;
import cn.onego.delivery.DeliveryViews.HallProblems;
import cn.onego.delivery.DeliveryViews.ItemResult;
import cn.onego.delivery.DeliveryViews.PickUpView;
import cn.onego.delivery.DeliveryViews.Place;
import cn.onego.delivery.DeliveryViews.RegionTotal;
import cn.onego.delivery.DeliveryViews.ShipmentView;
import cn.onego.delivery.DeliveryViews.Statistics;
import cn.onego.delivery.DeliveryViews.StuckShipment;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.licences.ELicence;
import cn.onego.licences.ELicences;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.sms.SmsReceipts;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * What the applicant, the hall's staff and the supervisors see of the results' way: a case's results and their
 * delivery (for whoever may read the case — its access rules decide, 404 for others), the hall's failed messages
 * and stuck parcels, and the cost of free mail per region and month.
 */
@Service
public class DeliveryQueries {

	private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

	private final CaseQueries cases;
	private final ELicences licences;
	private final Shipments shipments;
	private final PickUps pickUps;
	private final Halls halls;
	private final SmsReceipts receipts;
	private final CourierSettings settings;
	private final Clock clock;

	DeliveryQueries(CaseQueries cases, ELicences licences, Shipments shipments, PickUps pickUps, Halls halls, SmsReceipts receipts,
			CourierSettings settings, Clock clock) {
		this.cases = cases;
		this.licences = licences;
		this.shipments = shipments;
		this.pickUps = pickUps;
		this.halls = halls;
		this.receipts = receipts;
		this.settings = settings;
		this.clock = clock;
	}

	/** The case's results and how they come to the applicant; the pick-up code for the applicant only. */
	public CaseDelivery ofCase(Actor actor, CaseId caseId) {
		CaseQueries.CaseView view = cases.view(actor, caseId);
		CaseFile c = view.caseFile();
		List<ELicence> issued = c.state().name().equals("ISSUED") ? licences.all(c.applicant().id()) : List.of();
		List<ItemResult> results = new ArrayList<>();
		for (CaseQueries.TaskView t : view.tasks()) {
			var result = t.task().outcome().result();
			String state = t.task().state().name();
			if (!state.equals("APPROVED") && !state.equals("REFUSED") && !state.equals("REVOKED")) {
				continue;
			}
			Optional<ELicence> licence = result == null || result.number() == null ? Optional.empty()
					: issued.stream().filter(l -> l.number().equals(result.number()) && !l.revoked()).findFirst();
			results.add(new ItemResult(t.task().item(), t.itemName(), state, result == null ? null : result.kind().name(),
					result == null ? null : result.name(), result == null ? null : result.number(),
					licence.map(ELicence::validUntil).orElse(null), licence.map(ELicence::id).orElse(null), t.task().id().value(),
					result == null ? null : t.resultName()));
		}
		boolean mailed = c.delivery() != null && c.delivery().method() == Delivery.Method.FREE_MAIL;
		Place hall = place(c.place().hall().toString());
		PickUpView pickUp = mailed ? null
				: pickUps.ofCase(c.id().value())
					.map(p -> new PickUpView(hall, p.state(), actor.isPerson(c.applicant().id()) ? p.code() : null, p.readyAt(),
							p.handedOverAt()))
					.orElse(null);
		ShipmentView shipment = mailed ? shipments.ofCase(c.id().value())
			.map(s -> new ShipmentView(Label.of(settings.name(), settings.nameEn()), s.trackingNumber(), s.state().name(), s.costYuan(),
					hall, s.requestedAt(), shipments.events(s.id())))
			.orElse(null) : null;
		return new CaseDelivery(c.id().value(), c.number().value(), c.state().name(), mailed ? "FREE_MAIL" : "WINDOW_PICKUP", results,
				pickUp, shipment);
	}

	/** A window clerk's hall: messages of its cases that could not be delivered, parcels not signed for in time. */
	public HallProblems problems(Actor clerk) {
		if (!clerk.has(Role.WINDOW_CLERK) || clerk.hall() == null) {
			throw new NotFound("大厅", "Hall", "-");
		}
		List<FailedMessage> failed = new ArrayList<>();
		for (SmsReceipts.FailedSms sms : receipts.failed("case:", 500)) {
			try {
				CaseFile c = cases.caseFile(new CaseId(UUID.fromString(sms.reference().substring("case:".length()))));
				if (clerk.clerkOf(c.place().hall().toString())) {
					failed.add(new FailedMessage(c.id().value(), c.number().value(), sms.mobile(), sms.attempts(), sms.lastError(),
							sms.failedAt()));
				}
			}
			catch (IllegalArgumentException | NotFound e) {
				// a reference that names no case of ours is nobody's problem here
			}
		}
		Instant before = clock.instant().minus(Duration.ofDays(settings.stuckAfterDays()));
		List<StuckShipment> stuck = shipments.openOf(clerk.hall(), before, 500)
			.stream()
			.map(s -> new StuckShipment(s.caseId(), s.caseNumber(), s.trackingNumber(), s.state().name(), s.requestedAt(), s.attempts(),
					s.lastError()))
			.toList();
		return new DeliveryViews.HallProblems(settings.stuckAfterDays(), failed, stuck);
	}

	/** The supervisor's region and below, one month ({@code 2026-03}, China time). */
	public Statistics statistics(Actor supervisor, String month) {
		YearMonth m;
		try {
			m = month == null || month.isBlank() ? YearMonth.now(clock.withZone(CHINA)) : YearMonth.parse(month);
		}
		catch (DateTimeParseException e) {
			throw InvalidInput.of("month", "invalid", Message.of("月份格式为 2026-03", "the month is written 2026-03"));
		}
		if (!supervisor.has(Role.SUPERVISOR) || supervisor.region() == null) {
			throw new NotFound("辖区", "Region", "-");
		}
		String prefix = RegionCode.of(supervisor.region()).prefix();
		List<RegionTotal> regions = shipments
			.totals(prefix, m.atDay(1).atStartOfDay(CHINA).toInstant(), m.plusMonths(1).atDay(1).atStartOfDay(CHINA).toInstant())
			.stream()
			.map(t -> new RegionTotal(t.region(), t.shipments(), t.costYuan()))
			.toList();
		return new Statistics(m.toString(), supervisor.region(), regions.stream().mapToLong(RegionTotal::shipments).sum(),
				regions.stream().map(RegionTotal::costYuan).reduce(BigDecimal.ZERO, BigDecimal::add), regions);
	}

	private Place place(String code) {
		return halls.hall(code)
			.map(h -> new Place(Label.of(h.name(), h.nameEn()), Label.of(nz(h.address()), h.addressEn()), h.phone(),
					Label.of(nz(h.hours()), h.hoursEn())))
			.orElse(new Place(Label.of("办事大厅", "Service hall"), Label.of("", null), null, Label.of("", null)));
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}

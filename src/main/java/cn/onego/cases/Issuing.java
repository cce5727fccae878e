package cn.onego.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.onego.application.ApplicationInput.Delivery;
import cn.onego.cases.CaseFile.Issue;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.catalog.Enums.ResultKind;
import cn.onego.identity.Actor;
import cn.onego.licences.ELicence;
import cn.onego.licences.ELicences;
import cn.onego.licences.LicenceType;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Text;
import cn.onego.platform.Text.Kind;

/**
 * 统一出件: a clerk of the case's hall hands over the result bundle of a ready case, or mails it free of charge
 * (with its tracking number); every licence among the results is issued as an e-licence of the applicant, signed by
 * the department that approved it, valid for its type's usual term.
 */
@Component
class Issuing {

	private final Cases cases;
	private final CaseTransactions transactions;
	private final CaseAccess access;
	private final CatalogQueries catalog;
	private final ELicences licences;
	private final TaskClocks clocks;
	private final Clock clock;

	Issuing(Cases cases, CaseTransactions transactions, CaseAccess access, CatalogQueries catalog, ELicences licences,
			TaskClocks clocks, Clock clock) {
		this.cases = cases;
		this.transactions = transactions;
		this.access = access;
		this.catalog = catalog;
		this.licences = licences;
		this.clocks = clocks;
		this.clock = clock;
	}

	CaseFile issue(Actor clerk, CaseId caseId, int version, String trackingNumber) {
		return transactions.run("办件", () -> {
			Changes changes = access.atWindow(clerk, caseId, version);
			Text.require("trackingNumber", trackingNumber, Kind.LINE, Text.CODE);
			CaseFile c = changes.caseFile();
			c.state().after(CaseState.Action.ISSUE);
			Delivery.Method method = c.deliveryMethod();
			String tracking = trackingNumber == null || trackingNumber.isBlank() ? null : trackingNumber.trim();
			if (method == Delivery.Method.FREE_MAIL && tracking == null) {
				throw InvalidInput.of("trackingNumber", "required", Message.of("免费邮寄须填写快递单号", "free mail needs the tracking number"));
			}
			Act act = new Act(clerk.username(), clock.instant());
			Catalogue catalogue = catalog.catalogue();
			for (Task t : changes.tasks()) {
				var result = t.outcome().result();
				if (t.state() == TaskState.APPROVED && result != null && result.kind() == ResultKind.LICENCE) {
					String issuer = catalogue.department(t.department()).map(Department::name).orElse(t.department());
					LocalDate issuedOn = clocks.day(act.at());
					licences.issue(new ELicences.Issue(c.applicant().id(), result.licenceType(), result.number(), result.name(), issuer,
							t.department(), c.place().region().toString(), issuedOn, LicenceType.of(result.licenceType()).validUntil(issuedOn),
							dataOn(c)));
				}
			}
			changes.apply(c.issue(new Issue(method, trackingNumber == null ? null : trackingNumber.trim(), clerk.username(), act.at()), act));
			return cases.save(changes).caseFile();
		});
	}

	/**
	 * 代收代办: the results of a case a partner platform's hall received are issued there, to the applicant who applied
	 * there; here the ready case is closed as handed over to it. Closing twice closes once.
	 */
	CaseFile handOver(CaseId caseId, String partnerName) {
		return transactions.run("办件", () -> {
			Changes changes = cases.toChange(caseId).orElseThrow(() -> new NotFound("办件", "Case", caseId.toString()));
			CaseFile c = changes.caseFile();
			if (c.state() != CaseState.READY) {
				return c;
			}
			Act act = new Act(Act.SYSTEM, clock.instant());
			changes.apply(c.handOver(new Issue(Delivery.Method.WINDOW_PICKUP, null, Act.SYSTEM, act.at()), partnerName, act));
			return cases.save(changes).caseFile();
		});
	}

	/** The data printed on a licence of the case: who holds it and the case it was decided in. */
	private static Map<String, String> dataOn(CaseFile c) {
		Map<String, String> data = new LinkedHashMap<>();
		if (c.applicant().name() != null && !c.applicant().name().isBlank()) {
			data.put(ELicence.HOLDER_NAME, c.applicant().name());
		}
		data.put("办件编号", c.number().value());
		return data;
	}
}

package cn.onego.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.onego.application.ApplicationRecord;
import cn.onego.application.ApplicationSubmitted;
import cn.onego.application.Submissions;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Matter;
import cn.onego.identity.Actors;
import cn.onego.shared.RegionCode;

/**
 * 一事一号: a submitted application becomes a case with one number, in the queue of the hall competent for its
 * matter and the applicant's region. Opening is idempotent — one case per application, however often the event is
 * delivered (the outbox redelivers it after a restart) and however many nodes deliver it at once.
 */
@Component
class CaseOpening {

	private final Cases cases;
	private final Submissions submissions;
	private final CatalogQueries catalog;
	private final Halls halls;
	private final Actors actors;
	private final TransactionTemplate transactions;
	private final Clock clock;

	CaseOpening(Cases cases, Submissions submissions, CatalogQueries catalog, Halls halls, Actors actors,
			TransactionTemplate transactions, Clock clock) {
		this.cases = cases;
		this.submissions = submissions;
		this.catalog = catalog;
		this.halls = halls;
		this.actors = actors;
		this.transactions = transactions;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ApplicationSubmitted submitted) {
		open(submitted.application());
	}

	/** Opens the case of a submitted application in the competent hall's queue; opening twice opens one. */
	CaseFile open(UUID applicationId) {
		return open(applicationId, null);
	}

	/**
	 * Opens the case of an application a partner platform's hall received in {@code receivedIn} (异地收件) and
	 * forwarded here: in the competent hall's queue, which accepts it for handling here (属地办理).
	 */
	CaseFile openReceived(UUID applicationId, RegionCode receivedIn) {
		return open(applicationId, receivedIn);
	}

	private CaseFile open(UUID applicationId, RegionCode receivedIn) {
		return transactions.execute(status -> {
			Optional<CaseFile> existing = cases.byApplication(applicationId);
			if (existing.isPresent()) {
				return existing.get();
			}
			ApplicationRecord application = submissions.submitted(applicationId);
			Catalogue catalogue = catalog.catalogue();
			Matter matter = catalogue.matter(application.matter()).orElseThrow();
			RegionCode region = RegionCode.of(application.region());
			CaseNumber number = CaseNumber.of(region, LocalDate.ofInstant(application.submittedAt(), clock.getZone()),
					cases.nextSerial());
			Transition<CaseFile> opened = CaseFile.open(CaseId.next(), number, applicationId, matter.code(),
					new CaseFile.Applicant(application.applicant().id(), application.applicant().name(), recipientOf(application)),
					receivedIn != null
							? new CaseFile.Place(region, halls.competentHall(catalogue, matter, region), application.channel(), receivedIn)
							: place(application, catalogue, matter, region),
					application.delivery(), application.submittedAt(), new Act(application.createdBy(), clock.instant()));
			return cases.open(Changes.opening(opened)).or(() -> cases.byApplication(applicationId)).orElseThrow();
		});
	}

	/**
	 * The competent region's hall, or the hall the applicant chose to hand in and collect at (异地收件) — its 通办范围
	 * was checked when the application was submitted. A hall closed since then leaves the case to the competent hall.
	 * A hall on one line with the competent region (the city's hall for one of its counties) is a local hall: the case
	 * is received there, but not across regions.
	 */
	private CaseFile.Place place(ApplicationRecord application, Catalogue catalogue, Matter matter, RegionCode region) {
		return halls.hall(application.acceptingHall())
			.filter(Halls.Hall::open)
			.map(h -> new CaseFile.Place(region, HallCode.of(h.code()), application.channel(),
					h.region().onOneLine(region) ? region : h.region()))
			.orElseGet(() -> new CaseFile.Place(region, halls.competentHall(catalogue, matter, region), application.channel()));
	}

	/**
	 * Who hears of the case: whoever applied — the applicant, or a relative or handler acting for them — but
	 * for an application 帮代办 staff entered at the window, the applicant: their account if they have one,
	 * otherwise an SMS to the contact mobile on the form — named {@code SMS:<application id>}, so that the number
	 * itself is read from the (sealed) application when the message is sent and copied nowhere.
	 */
	private String recipientOf(ApplicationRecord application) {
		if (application.agent() == null || !"ASSISTANT".equals(application.agent().capacity())) {
			return application.createdBy();
		}
		return actors.accountOf(application.applicant().id())
			.or(() -> application.form().entrySet().stream()
				.filter(e -> e.getKey().contains("MOBILE") && e.getValue().value() != null)
				.map(e -> SMS_TO_FORM + application.id())
				.findFirst())
			.orElse(application.createdBy());
	}

	/** The recipient of messages by SMS to the contact mobile of an application's form, followed by its id. */
	static final String SMS_TO_FORM = "SMS:";
}

package cn.onego.reform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import cn.onego.cases.HallCode;
import cn.onego.cases.Halls;
import cn.onego.cases.HandledCases;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.CatalogueChange;
import cn.onego.catalog.Matter;
import cn.onego.clock.Calendars;
import cn.onego.identity.Actor;
import cn.onego.identity.Role;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.platform.Text;
import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * The reform office's what-if simulator (改革模拟): drafts of catalogue changes, kept per region, and their comparison
 * with the catalogue in force — metrics per matter, departments and halls affected, and the replay of the region's
 * cases of the last months — as figures and as a report to sign off. A supervisor works in their region and below it
 * (another region's drafts do not exist for them); a catalogue administrator in any region. Nothing here changes the
 * catalogue in force.
 */
@Service
public class ReformOffice {

	/** Months replayed when none are asked for. */
	public static final int DEFAULT_MONTHS = 6;

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	/** A draft as the reform office hands it in. */
	public record NewDraft(String name, String region, List<Operation> operations) {
	}

	/** A draft with its operations in words, for lists and pages. */
	public record DraftView(Draft draft, List<Label> described) {
	}

	private final Drafts drafts;
	private final CatalogQueries catalog;
	private final HandledCases cases;
	private final Halls halls;
	private final Calendars calendars;
	private final Clock clock;

	ReformOffice(Drafts drafts, CatalogQueries catalog, HandledCases cases, Halls halls, Calendars calendars, Clock clock) {
		this.drafts = drafts;
		this.catalog = catalog;
		this.cases = cases;
		this.halls = halls;
		this.calendars = calendars;
		this.clock = clock;
	}

	/** Checks the draft field by field against the catalogue in force and keeps it. */
	public DraftView create(Actor actor, NewDraft input) {
		List<FieldProblem> problems = new ArrayList<>();
		// the platform's text rules (length, control characters, NUL) as for every other typed line
		String name = Text.check(problems, "name", input.name(), Text.Kind.LINE, Text.ORGANISATION);
		if ((name == null || name.isBlank()) && problems.stream().noneMatch(p -> p.field().equals("name"))) {
			problems.add(new FieldProblem("name", "required", Message.of("请填写草案名称", "name the draft")));
		}
		name = name == null ? "" : name.strip();
		Catalogue catalogue = catalog.catalogue();
		String region = input.region() == null || input.region().isBlank() ? actor.region() : input.region().strip();
		if (region == null || !RegionCode.isWellFormed(region) || catalogue.region(RegionCode.of(region)).isEmpty()) {
			problems.add(new FieldProblem("region", "unknown-region", Message.of("没有这个行政区划", "no such region")));
		}
		else if (!mayWorkIn(actor, region)) {
			problems.add(new FieldProblem("region", "not-yours", Message.of("只能为本辖区起草", "you may draft only for your own region")));
		}
		CatalogueChange change = Operation.change(input.operations(), problems);
		if (problems.isEmpty() && change.applyTo(catalogue) instanceof CatalogueChange.Refused refused) {
			refused.problems().forEach(p -> problems.add(asEntered(p)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		Draft draft = new Draft(UUID.randomUUID(), name, region, actor.username(), input.operations(), clock.instant());
		drafts.save(draft);
		return view(draft, catalogue);
	}

	/** The latest drafts the actor may see. */
	public List<DraftView> drafts(Actor actor) {
		Catalogue catalogue = catalog.catalogue();
		RegionCode scope = actor.has(Role.CATALOGUE_ADMIN) ? null : RegionCode.of(actor.region());
		return drafts.within(scope, 100).stream().map(d -> view(d, catalogue)).toList();
	}

	public DraftView draft(Actor actor, UUID id) {
		return view(visible(actor, id), catalog.catalogue());
	}

	/**
	 * The draft compared with the catalogue in force, replaying the cases accepted in the last {@code months} months
	 * (1 to 24).
	 */
	public Comparison compare(Actor actor, UUID id, Integer months) {
		Draft draft = visible(actor, id);
		int replayed = months == null ? DEFAULT_MONTHS : months;
		if (replayed < 1 || replayed > 24) {
			throw InvalidInput.of("months", "out-of-range", Message.of("回放月数为 1 至 24", "replay 1 to 24 months"));
		}
		Catalogue inForce = catalog.catalogue();
		List<FieldProblem> problems = new ArrayList<>();
		CatalogueChange change = Operation.change(draft.operations(), problems);
		CatalogueChange.Outcome outcome = change.applyTo(inForce);
		if (outcome instanceof CatalogueChange.Refused refused) {
			// the catalogue in force changed since the draft was written: say what no longer fits
			throw new InvalidInput(refused.problems().stream().map(ReformOffice::asEntered).toList());
		}
		Catalogue changed = ((CatalogueChange.Changed) outcome).catalogue();
		RegionCode region = RegionCode.of(draft.region());
		LocalDate to = LocalDate.now(clock.withZone(CHINA));
		LocalDate from = to.minusMonths(replayed);
		List<Matter> offered = inForce.mattersOfferedIn(region);
		Set<String> matterCodes = new LinkedHashSet<>();
		offered.forEach(m -> matterCodes.add(m.code()));
		List<Comparison.HallName> hallNames = halls.all()
			.stream()
			.filter(Halls.Hall::open)
			.filter(h -> inForce.isWithin(h.region(), region))
			.map(h -> {
				Set<String> accepted = new LinkedHashSet<>();
				offered.stream().filter(m -> halls.accepts(HallCode.of(h.code()), m)).forEach(m -> accepted.add(m.code()));
				return new Comparison.HallName(Label.of(h.name(), h.nameEn() == null ? h.name() : h.nameEn()), accepted);
			})
			.toList();
		return Comparison.of(new Comparison.Inputs(draft, region, inForce, changed, change,
				cases.acceptedIn(region, matterCodes, from, to), calendars.of(region).provisional(), replayed, from, to, hallNames));
	}

	/** The comparison as a PDF to sign off. */
	public byte[] pdf(Actor actor, UUID id, Integer months) {
		return ReformReport.pdf(report(actor, id, months));
	}

	/** The comparison as an Excel workbook to sign off. */
	public byte[] xlsx(Actor actor, UUID id, Integer months) {
		return ReformReport.xlsx(report(actor, id, months));
	}

	private ReformReport report(Actor actor, UUID id, Integer months) {
		Comparison comparison = compare(actor, id, months);
		return new ReformReport(comparison, view(comparison.draft(), catalog.catalogue()).described(), LocalDate.now(clock.withZone(CHINA)));
	}

	private Draft visible(Actor actor, UUID id) {
		return drafts.find(id)
			.filter(d -> mayWorkIn(actor, d.region()))
			.orElseThrow(() -> new NotFound("改革方案草案", "Draft", String.valueOf(id)));
	}

	private static boolean mayWorkIn(Actor actor, String region) {
		return actor.has(Role.CATALOGUE_ADMIN) || actor.supervises(region);
	}

	/** A merge's problem located at the fields the office fills in: the kept item is {@code item}, the other {@code otherItem}. */
	private static FieldProblem asEntered(FieldProblem p) {
		String field = p.field().endsWith(".kept") ? p.field().replace(".kept", ".item")
				: p.field().endsWith(".absorbed") ? p.field().replace(".absorbed", ".otherItem") : p.field();
		return new FieldProblem(field, p.code(), p.message());
	}

	private static DraftView view(Draft draft, Catalogue catalogue) {
		return new DraftView(draft, draft.operations().stream().map(o -> o.describe(catalogue)).toList());
	}
}

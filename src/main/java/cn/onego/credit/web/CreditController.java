package cn.onego.credit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.credit.CreditListings;
import cn.onego.credit.CreditListings.Viewed;
import cn.onego.credit.ListingState;
import cn.onego.credit.ListingStep;
import cn.onego.identity.ActingFor;
import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.NotFound;
import cn.onego.shared.CreditCode;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Credit 诚信评价", description = "Credit listings (失信记录): the subject's own and their appeal; a region's credit administrators add, decide appeals and lift (信用修复)")
class CreditController {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final CreditListings listings;
	private final Actors actors;
	private final ObjectProvider<ActingFor> actingFor;

	CreditController(CreditListings listings, Actors actors, ObjectProvider<ActingFor> actingFor) {
		this.actingFor = actingFor;
		this.listings = listings;
		this.actors = actors;
	}

	/** A listing as a credit administrator sees it, with its whole history. */
	record ListingView(UUID id, String subject, String region, String reason, UUID evidenceCase, String evidenceNumber,
			String listedBy, Instant listedAt, LocalDate until, boolean lifetime, ListingState state, Set<ListingState.Action> allowed,
			List<ListingStep> history) {

		static ListingView of(Viewed v) {
			var l = v.listing();
			return new ListingView(l.id(), l.subject(), l.region(), l.reason(), l.evidence().caseId(), l.evidence().number(),
					l.listedBy(), l.listedAt(), l.until(), l.until() == null, v.state(), v.state().allowed(), v.history());
		}
	}

	/** A listing as its subject sees it: no staff names, and whether they may appeal now. */
	record MyListing(UUID id, String reason, String evidenceNumber, String region, LocalDate listedOn, LocalDate until,
			ListingState state, boolean inEffect, boolean mayAppeal, List<MyStep> history) {

		static MyListing of(Viewed v) {
			var l = v.listing();
			return new MyListing(l.id(), l.reason(), l.evidence().number(), l.region(), l.listedAt().atZone(CHINA).toLocalDate(), l.until(),
					v.state(), v.state().inEffect(), v.state().allowed().contains(ListingState.Action.APPEAL),
					v.history().stream().map(s -> new MyStep(s.at(), s.action(), s.to(), s.detail())).toList());
		}
	}

	/** A step of the subject's listing: when, what (the page words it), the state after, the statement or reason. */
	record MyStep(Instant at, String action, ListingState state, String detail) {
	}

	record AppealRequest(String statement) {
	}

	record ReasonRequest(String reason) {
	}

	record AppealDecision(Boolean founded, String reason) {
	}

	@GetMapping("/my/credit")
	@Operation(summary = "My credit listings 我的信用记录", description = "The signed-in person's listings, in effect or not, with their history and whether each may be appealed; with subject=a credit code, those of an enterprise the person represents.")
	@Refuses(status = 404, code = "not-found", when = "the person does not act for the enterprise named")
	List<MyListing> myCredit(@RequestParam(required = false) String subject) {
		Actor actor = actors.current();
		if (actor.idNumber() == null && (subject == null || subject.isBlank())) {
			return List.of();
		}
		return listings.of(subjectFor(actor, subject)).stream().map(MyListing::of).toList();
	}

	@PostMapping("/my/credit/{id}/appeal")
	@Operation(summary = "Appeal my listing 异议申诉", description = "The subject disputes their listing with a statement; it stays in effect until a credit administrator decides.")
	@Refuses(status = 409, code = "illegal-transition", when = "the listing is under appeal already, lifted or expired")
	@Refuses(status = 409, code = "concurrent-change", when = "the listing was changed at the same moment")
	@Refuses(status = 404, code = "not-found", when = "no such listing of the person, or of an enterprise they act for")
	MyListing appealMyListing(@PathVariable UUID id, @RequestParam(required = false) String subject,
			@RequestBody AppealRequest request) {
		Actor actor = actors.current();
		return MyListing.of(listings.appeal(actor, subjectFor(actor, subject), id,
				request == null ? null : request.statement()));
	}

	@GetMapping("/credit/listings")
	@Operation(summary = "Find a subject's listings 查询失信记录", description = "The listings of the subject (ID number or credit code) made in the credit administrator's region or below; the search is audited.")
	List<ListingView> searchCreditListings(@RequestParam(required = false) String subject) {
		return listings.search(actors.current(), subject).stream().map(ListingView::of).toList();
	}

	@GetMapping("/credit/listings/{id}")
	@Operation(summary = "A listing with its history 失信记录详情")
	ListingView creditListing(@PathVariable UUID id) {
		return ListingView.of(listings.view(actors.current(), id));
	}

	@PostMapping("/credit/listings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "List a subject 列入失信记录", description = "On the evidence of a case of the administrator's region whose applicant the subject is; until a last day (at most 10 years) or for life.")
	ListingView addCreditListing(@RequestBody(required = false) CreditListings.NewListing request) {
		return ListingView.of(listings.add(actors.current(), request));
	}

	@PostMapping("/credit/listings/{id}/lifting")
	@Operation(summary = "Lift a listing 信用修复", description = "With the reason: what the subject did to repair their credit.")
	@Refuses(status = 409, code = "illegal-transition", when = "the listing is lifted or expired already")
	@Refuses(status = 409, code = "concurrent-change", when = "the listing was changed at the same moment")
	ListingView liftCreditListing(@PathVariable UUID id, @RequestBody(required = false) ReasonRequest request) {
		return ListingView.of(listings.lift(actors.current(), id, request == null ? null : request.reason()));
	}

	@PostMapping("/credit/listings/{id}/appeal-decision")
	@Operation(summary = "Decide an appeal 申诉处理", description = "Founded: the listing is lifted. Not founded: it stays in effect.")
	@Refuses(status = 409, code = "illegal-transition", when = "the listing is not under appeal")
	@Refuses(status = 409, code = "concurrent-change", when = "the listing was changed at the same moment")
	ListingView decideCreditAppeal(@PathVariable UUID id, @RequestBody(required = false) AppealDecision request) {
		if (request == null) {
			throw InvalidInput.of("founded", "required", Message.of("请选择申诉是否成立", "say whether the appeal is founded"));
		}
		return ListingView.of(listings.decideAppeal(actors.current(), id, request.founded(), request.reason()));
	}

	/**
	 * The person's own listings, or an enterprise's they act for (its legal representative or authorised handler);
	 * anybody else finds nothing, as in the wallet.
	 */
	private String subjectFor(Actor actor, String subject) {
		if (subject == null || subject.isBlank() || subject.trim().equalsIgnoreCase(actor.idNumber())) {
			if (actor.idNumber() == null) {
				throw new NotFound("申请人身份", "Applicant identity of the signed-in user", actor.username());
			}
			return actor.idNumber();
		}
		String s = subject.trim();
		if (!CreditCode.isValid(s)) {
			throw InvalidInput.of("subject", "credit-code", Message.of("应为有效的统一社会信用代码", "a valid unified social credit code"));
		}
		ActingFor answer = actingFor.getIfAvailable();
		if (answer == null || !answer.mayActFor(actor, s)) {
			throw new NotFound("企业", "Enterprise", s);
		}
		return s;
	}
}

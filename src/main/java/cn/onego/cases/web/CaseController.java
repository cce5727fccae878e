package cn.onego.cases.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.application.ApplicationRecord;
import cn.onego.cases.CaseFile;
import cn.onego.cases.CaseHandling;
import cn.onego.cases.CaseId;
import cn.onego.cases.CaseProgressLookup;
import cn.onego.cases.CaseQueries;
import cn.onego.cases.CaseState;
import cn.onego.cases.CaseSummary;
import cn.onego.cases.Notifications;
import cn.onego.cases.SupplementRequest;
import cn.onego.cases.Task;
import cn.onego.cases.TaskId;
import cn.onego.cases.TaskState;
import cn.onego.identity.Actors;
import cn.onego.platform.RequestValues;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Cases 办件", description = "The window (受理, 补正, 容缺, 告知承诺, 出件), the departments (领取, 准予, 不予, 补正, 特别程序) and the applicant's view")
class CaseController {

	private final CaseHandling handling;
	private final CaseQueries queries;
	private final CaseProgressLookup progress;
	private final Actors actors;

	CaseController(CaseHandling handling, CaseQueries queries, CaseProgressLookup progress, Actors actors) {
		this.handling = handling;
		this.queries = queries;
		this.progress = progress;
		this.actors = actors;
	}

	@GetMapping("/progress")
	@Operation(summary = "Progress of a case without signing in 办件进度查询",
			description = "With the case number and the query code of the receipt, or the last four digits of the mobile number given for the result. Stage, dates and departments only, nothing personal. Rate-limited per address and per case number (429 with Retry-After).")
	@Refuses(status = 429, code = "too-many-requests", when = "more look-ups come from the address, or ask for the case number, than the limits progress-per-address and progress-per-case allow")
	CaseProgressLookup.Progress progress(@RequestParam String number, @RequestParam(required = false) String code,
			@RequestParam(required = false) String mobileLast4, jakarta.servlet.http.HttpServletRequest request) {
		return progress.find(request.getRemoteAddr(), number, code, mobileLast4);
	}

	// ------------------------------------------------------------------ reading

	@GetMapping("/cases/{id}")
	@Operation(summary = "A case with its tasks, history and verifications 办件详情")
	CaseQueries.CaseView view(@PathVariable UUID id) {
		return queries.view(actors.current(), CaseId.of(id));
	}

	@GetMapping(path = "/cases", params = "number")
	@Operation(summary = "Find a case by its unified number 按受理编号查询")
	CaseQueries.CaseView byNumber(@RequestParam String number) {
		return queries.byNumber(actors.current(), RequestValues.code("number", number));
	}

	@GetMapping(path = "/cases", params = "application")
	@Operation(summary = "The case of a submitted application 按申请查询办件", description = "404 until the case is opened (moments after submission).")
	CaseQueries.CaseView byApplication(@RequestParam UUID application) {
		return queries.byApplication(actors.current(), application);
	}

	@GetMapping("/cases/{id}/application")
	@Operation(summary = "What was submitted for the case 申请内容", description = "The form and the materials, for the applicant, the hall's windows and the departments handling the case.", operationId = "caseApplication")
	ApplicationRecord application(@PathVariable UUID id) {
		return queries.application(actors.current(), CaseId.of(id));
	}

	@GetMapping("/cases/{id}/receipt")
	@Operation(summary = "The acceptance receipt 受理回执")
	CaseQueries.Receipt receipt(@PathVariable UUID id) {
		return queries.receipt(actors.current(), CaseId.of(id));
	}

	@GetMapping("/my/cases")
	@Operation(summary = "My cases 我的办件", operationId = "myCases")
	List<CaseSummary> mine() {
		return queries.mine(actors.current());
	}

	@GetMapping("/my/notifications")
	@Operation(summary = "My messages 我的消息 (the SMS/站内信 outbox)")
	List<Notifications.Notice> notifications() {
		return queries.notifications(actors.current());
	}

	@GetMapping("/window/cases")
	@Operation(summary = "My hall's queue 大厅队列", description = "Online applications land here for pre-review; oldest first.")
	List<CaseSummary> hallQueue(@RequestParam(required = false) CaseState state) {
		return queries.hallQueue(actors.current(), state);
	}

	@GetMapping("/departments/{department}/tasks")
	@Operation(summary = "A department's queue 部门待办", description = "Oldest due first; filter by state, latest due date and matter.")
	List<CaseQueries.QueueEntry> departmentQueue(@PathVariable String department, @RequestParam(required = false) TaskState state,
			@RequestParam(required = false) LocalDate dueBy, @RequestParam(required = false) String matter) {
		return queries.departmentQueue(actors.current(), RequestValues.code("department", department), state, dueBy,
				RequestValues.code("matter", matter));
	}

	@GetMapping("/departments/{department}/verifications")
	@Operation(summary = "A department's post-verifications of commitments 事后核查")
	List<CaseQueries.Verification> verifications(@PathVariable String department) {
		return queries.verifications(actors.current(), RequestValues.code("department", department));
	}

	// ------------------------------------------------------------------ the window

	record AcceptanceRequest(int version, List<String> gaps, Integer gapWorkingDays, List<String> commitments) {
	}

	record RefusalRequest(int version, String reason, String legalBasis) {
	}

	record SupplementRequestBody(int version, List<SupplementRequest> requests) {
	}

	record SupplyRequest(Map<String, String> attachments, String note) {
	}

	record IssueRequest(int version, String trackingNumber) {
	}

	record WithdrawalRequest(String reason) {
	}

	@PostMapping("/cases/{id}/acceptance")
	@Operation(summary = "Accept 受理", description = "Standard, with gaps (容缺: gaps + gapWorkingDays) or on commitment (告知承诺: commitments). Dispatches the tasks.")
	@Refuses(status = 422, code = "green-channel-closed", when = "the applicant is on the blacklist: no 容缺 or 告知承诺")
	@Refuses(status = 422, code = "no-competent-department", when = "the catalogue places no department for an item where the case is handled")
	CaseFile accept(@PathVariable UUID id, @RequestBody AcceptanceRequest request) {
		return handling.accept(actors.current(), CaseId.of(id), request.version(),
				new CaseHandling.Acceptance(request.gaps(), request.gapWorkingDays(), request.commitments()));
	}

	@PostMapping("/cases/{id}/refusal")
	@Operation(summary = "Refuse to accept 不予受理")
	CaseFile refuseToAccept(@PathVariable UUID id, @RequestBody RefusalRequest request) {
		return handling.refuseToAccept(actors.current(), CaseId.of(id), request.version(), request.reason(), request.legalBasis());
	}

	@PostMapping("/cases/{id}/supplement-request")
	@Operation(summary = "Ask once for everything missing 一次性告知补正")
	CaseFile askForSupplement(@PathVariable UUID id, @RequestBody SupplementRequestBody request) {
		return handling.askForSupplement(actors.current(), CaseId.of(id), request.version(), request.requests());
	}

	@PostMapping("/cases/{id}/supplement")
	@Operation(summary = "Supply what was asked 提交补正材料", description = "By the applicant, or at the window for them.")
	@Refuses(status = 409, code = "illegal-transition", when = "the case is not waiting for a supplement")
	CaseFile supply(@PathVariable UUID id, @RequestBody SupplyRequest request) {
		return handling.supplement(actors.current(), CaseId.of(id), request.attachments(), request.note());
	}

	@PostMapping("/cases/{id}/withdrawal")
	@Operation(summary = "Withdraw my application 撤回申请", operationId = "withdrawCase", description = "By the applicant or their agent, while the case waits for acceptance or for a supplement asked before it; the reason is optional.")
	@Refuses(status = 409, code = "too-late-to-withdraw", when = "the case was accepted or has ended: the answer names the hall to contact")
	@Refuses(status = 409, code = "illegal-transition", when = "the case is withdrawn already")
	CaseFile withdraw(@PathVariable UUID id, @RequestBody(required = false) WithdrawalRequest request) {
		return handling.withdraw(actors.current(), CaseId.of(id), request == null ? null : request.reason());
	}

	@PostMapping("/cases/{id}/issue")
	@Operation(summary = "Issue the result bundle 统一出件", description = "Free mail needs the tracking number.")
	CaseFile issue(@PathVariable UUID id, @RequestBody IssueRequest request) {
		return handling.issue(actors.current(), CaseId.of(id), request.version(), request.trackingNumber());
	}

	// ------------------------------------------------------------------ the departments

	record VersionRequest(int version) {
	}

	record ApprovalRequest(int version, String number, String notice) {
	}

	record SuspensionRequest(int version, String procedure, String reason, Integer maxWorkingDays) {
	}

	record VerificationRequest(boolean passed, String finding) {
	}

	@PostMapping("/tasks/{id}/claim")
	@Operation(summary = "Claim a task 领取")
	Task claim(@PathVariable UUID id, @RequestBody VersionRequest request) {
		return handling.claim(actors.current(), TaskId.of(id), request.version());
	}

	@PostMapping("/tasks/{id}/release")
	@Operation(summary = "Put a claimed task back in the queue")
	Task release(@PathVariable UUID id, @RequestBody VersionRequest request) {
		return handling.release(actors.current(), TaskId.of(id), request.version());
	}

	@PostMapping("/tasks/{id}/approval")
	@Operation(summary = "Approve with the result 准予", description = "A licence result needs its number.")
	Task approve(@PathVariable UUID id, @RequestBody ApprovalRequest request) {
		return handling.approve(actors.current(), TaskId.of(id), request.version(), request.number(), request.notice());
	}

	/** A department's refusal; {@code falseMaterials} true says the applicant gave false materials (提供虚假材料). */
	record TaskRefusalRequest(int version, String reason, String legalBasis, Boolean falseMaterials) {
	}

	@PostMapping("/tasks/{id}/refusal")
	@Operation(summary = "Refuse with reason and legal basis 不予许可", description = "With falseMaterials true the reviewer found the applicant's materials false: the applicant is also listed in credit (失信记录) with the case as evidence, and gets neither 容缺 nor 告知承诺 while the listing has effect.")
	Task refuseTask(@PathVariable UUID id, @RequestBody TaskRefusalRequest request) {
		return handling.refuse(actors.current(), TaskId.of(id), request.version(), request.reason(), request.legalBasis(),
				Boolean.TRUE.equals(request.falseMaterials()));
	}

	@PostMapping("/tasks/{id}/supplement-request")
	@Operation(summary = "Ask the applicant for a supplement through the window 要求补正")
	Task askForTaskSupplement(@PathVariable UUID id, @RequestBody SupplementRequestBody request) {
		return handling.askForTaskSupplement(actors.current(), TaskId.of(id), request.version(), request.requests());
	}

	@PostMapping("/tasks/{id}/suspension")
	@Operation(summary = "Suspend for a special procedure 特别程序", description = "EXPERT_REVIEW, PUBLIC_NOTICE, ON_SITE_INSPECTION, HEARING or TESTING, with reason and longest duration.")
	Task suspend(@PathVariable UUID id, @RequestBody SuspensionRequest request) {
		return handling.suspend(actors.current(), TaskId.of(id), request.version(), request.procedure(), request.reason(),
				request.maxWorkingDays());
	}

	@PostMapping("/tasks/{id}/resumption")
	@Operation(summary = "Resume after a special procedure")
	Task resume(@PathVariable UUID id, @RequestBody VersionRequest request) {
		return handling.resume(actors.current(), TaskId.of(id), request.version());
	}

	@PostMapping("/verifications/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Record a post-verification 事后核查结论", description = "A failed one revokes the result and blacklists the applicant.", operationId = "recordVerification")
	@Refuses(status = 409, code = "illegal-transition", when = "the post-verification is recorded already")
	void verify(@PathVariable UUID id, @RequestBody VerificationRequest request) {
		handling.verify(actors.current(), id, request.passed(), request.finding());
	}
}

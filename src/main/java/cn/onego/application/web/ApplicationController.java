package cn.onego.application.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.onego.application.ApplicationInput;
import cn.onego.application.ApplicationRecord;
import cn.onego.application.Attachments;
import cn.onego.application.HallOption;
import cn.onego.application.Submissions;
import cn.onego.identity.Actors;
import cn.onego.platform.web.RateLimited;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Applications 申请", description = "Drafts, prefill after consent, attachments and idempotent submission")
class ApplicationController {

	private final Submissions submissions;
	private final Attachments attachments;
	private final Actors actors;

	ApplicationController(Submissions submissions, Attachments attachments, Actors actors) {
		this.submissions = submissions;
		this.attachments = attachments;
		this.actors = actors;
	}

	@PostMapping("/drafts")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start a draft 保存草稿", description = "Any part may be missing; nothing is validated until submission except who may act for the applicant and reasons for changed prefilled values.")
	ApplicationRecord createDraft(@RequestBody ApplicationInput input) {
		return submissions.createDraft(actors.current(), input);
	}

	@PutMapping("/drafts/{id}")
	@Operation(summary = "Save a draft 更新草稿", description = "Send the version you read; a draft changed in between answers 409.")
	ApplicationRecord updateDraft(@PathVariable UUID id, @RequestParam int version, @RequestBody ApplicationInput input) {
		return submissions.updateDraft(actors.current(), id, version, input);
	}

	@PostMapping("/drafts/{id}/prefill")
	@Operation(summary = "Prefill from shared registries 预填", description = "Under the draft's consent; every read is logged, refused ones too.")
	ApplicationRecord prefill(@PathVariable UUID id, @RequestParam int version) {
		return submissions.prefill(actors.current(), id, version);
	}

	@DeleteMapping("/drafts/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Discard a draft")
	@Refuses(status = 409, code = "already-submitted", when = "the draft was submitted already")
	void deleteDraft(@PathVariable UUID id) {
		submissions.deleteDraft(actors.current(), id);
	}

	@PostMapping("/drafts/{id}/submission")
	@RateLimited(perAccount = "submissions-per-account", perAddress = "submissions-per-address")
	@Operation(summary = "Submit a draft 提交", description = "Idempotent under the Idempotency-Key header.")
	@Refuses(status = 409, code = "already-submitted", when = "the draft was submitted already")
	@Refuses(status = 409, code = "stale-version", when = "the draft changed while it was submitted")
	@Refuses(status = 422, code = "not-offered-across-regions", when = "an item's 通办范围 does not reach the chosen acceptingHall; the problem's halls lists where it can be handed in")
	@Refuses(status = 422, code = "idempotency-key-reused", when = "the Idempotency-Key was used before for a different request")
	ResponseEntity<ApplicationRecord> submitDraft(@PathVariable UUID id,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody(required = false) ApplicationInput input) {
		return answer(submissions.submit(actors.current(), key, id, input));
	}

	@PostMapping("/applications")
	@RateLimited(perAccount = "submissions-per-account", perAddress = "submissions-per-address")
	@Operation(summary = "Submit an application 提交申请", description = "Validated as a whole: every problem is listed by field and nothing is stored. The same Idempotency-Key returns the same application (200); a different body under the same key is refused (422).")
	@Refuses(status = 422, code = "not-offered-across-regions", when = "an item's 通办范围 does not reach the chosen acceptingHall; the problem's halls lists where it can be handed in")
	@Refuses(status = 422, code = "idempotency-key-reused", when = "the Idempotency-Key was used before for a different request")
	ResponseEntity<ApplicationRecord> submit(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody ApplicationInput input) {
		return answer(submissions.submit(actors.current(), key, null, input));
	}

	@GetMapping("/applications/{id}")
	@Operation(summary = "An application or draft", operationId = "applicationOrDraft")
	ApplicationRecord application(@PathVariable UUID id) {
		return submissions.find(actors.current(), id);
	}

	@GetMapping("/applications/{id}/accepting-halls")
	@Operation(summary = "Where it may be handed in 可递交和领取的大厅", operationId = "acceptingHalls",
			description = "The halls where the application may be handed in and its result collected (异地收件、属地办理): the competent region's own hall first (local: true), then every open hall whose region the 通办范围 of every item the answers make applicable reaches. Send a hall's code as acceptingHall. Only the application's applicant, or whoever filed it or acts for them; anybody else gets 404.")
	List<HallOption> acceptingHalls(@PathVariable UUID id) {
		return submissions.acceptingHalls(actors.current(), id);
	}

	@GetMapping("/applications")
	@Operation(summary = "My applications and drafts 我的申请", operationId = "myApplications")
	List<ApplicationRecord> mine(@RequestParam(required = false) ApplicationRecord.Status status) {
		return submissions.mine(actors.current(), status);
	}

	@PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Upload a material 上传材料", description = "PDF, OFD, JPEG or PNG, at most 20 MB; the content must match the declared type. Stored once by SHA-256; the upload belongs to the signed-in user, who alone may refer to it (in an application, a draft, a supplement or an authorisation). At most 200 files and 200 MB in 24 hours; uploads nobody refers to are deleted after 7 days.")
	@Refuses(status = 429, code = "upload-quota", when = "the uploader's 24-hour quota is used up")
	Attachments.Attachment upload(@RequestPart("file") MultipartFile file) throws IOException {
		String owner = actors.current().username();
		return attachments.store(owner, file.getOriginalFilename(), file.getBytes(), file.getContentType());
	}

	private static ResponseEntity<ApplicationRecord> answer(Submissions.Submitted submitted) {
		return ResponseEntity.status(submitted.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(submitted.application());
	}
}

package cn.onego.reform.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.audit.AuditTrail;
import cn.onego.identity.Actors;
import cn.onego.reform.Comparison;
import cn.onego.reform.ReformOffice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/reform/drafts")
@Tag(name = "Reform office 改革模拟", description = "What-if drafts of catalogue changes, their comparison with the catalogue in force and the replay of real cases; for supervisors (their region) and catalogue administrators")
class ReformController {

	private final ReformOffice office;
	private final Actors actors;
	private final AuditTrail audit;

	ReformController(ReformOffice office, Actors actors, AuditTrail audit) {
		this.office = office;
		this.actors = actors;
		this.audit = audit;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write a draft 起草改革方案", description = "A named list of operations on the catalogue in force (MERGE_ITEMS, E_LICENCE, FROM_REGISTRY, ALLOW_GAP, ALLOW_COMMITMENT, SHORTEN_LIMIT, CONNECT_REGISTRY, AUTO_APPROVE), checked field by field against the catalogue (unknown item or material: 400 with the operation's field); nothing is published.")
	ReformOffice.DraftView create(@RequestBody ReformOffice.NewDraft draft) {
		return office.create(actors.current(), draft);
	}

	@GetMapping
	@Operation(summary = "The drafts 草案列表", description = "The latest 100 drafts of the supervisor's region and below it; every region's for a catalogue administrator.")
	List<ReformOffice.DraftView> drafts() {
		return office.drafts(actors.current());
	}

	@GetMapping("/{id}")
	@Operation(summary = "One draft 草案", description = "404 for a draft of another region.")
	ReformOffice.DraftView draft(@PathVariable UUID id) {
		return office.draft(actors.current(), id);
	}

	@GetMapping("/{id}/comparison")
	@Operation(summary = "Run the draft 模拟对比", description = "Metrics per matter affected in force and under the draft, departments and halls affected, and the replay of the region's cases accepted in the last `months` months (1–24, default 6): totals, the cases that change, tasks per department per ISO week.")
	Comparison comparison(@PathVariable UUID id, @RequestParam(required = false) Integer months) {
		return office.compare(actors.current(), id, months);
	}

	@GetMapping("/{id}/report")
	@Operation(summary = "The report to sign off 模拟报告", description = "The comparison as format=pdf or format=xlsx, with the operations in words and a signature line.")
	ResponseEntity<byte[]> report(@PathVariable UUID id, @RequestParam(defaultValue = "pdf") String format,
			@RequestParam(required = false) Integer months) {
		boolean excel = "xlsx".equalsIgnoreCase(format);
		if (!excel && !"pdf".equalsIgnoreCase(format)) {
			throw cn.onego.platform.InvalidInput.of("format", "unknown",
					cn.onego.platform.Message.of("报告格式为 pdf 或 xlsx", "the format is pdf or xlsx"));
		}
		cn.onego.identity.Actor actor = actors.current();
		byte[] body = excel ? office.xlsx(actor, id, months) : office.pdf(actor, id, months);
		// a report leaves the platform with case numbers in it: who took which draft's report goes into the audit trail
		audit.record(actor, "export.reform.report", "reform/" + id, (excel ? "xlsx" : "pdf") + ", months " + (months == null ? "default" : months));
		return ResponseEntity.ok()
			.contentType(excel ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
					: MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("onego-reform-" + id + (excel ? ".xlsx" : ".pdf")).build().toString())
			.body(body);
	}
}

package cn.onego.documents.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.documents.ServiceGuide;
import cn.onego.documents.ServiceGuides;
import cn.onego.platform.RequestValues;
import cn.onego.platform.web.RateLimited;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Service guides 办事指南", description = "What to know before applying for a matter: departments, limits, fees, legal basis, materials, halls and channels")
class GuideController {

	private final ServiceGuides guides;

	GuideController(ServiceGuides guides) {
		this.guides = guides;
	}

	@GetMapping("/matters/{code}/guide")
	@Operation(summary = "The service guide of a matter 办事指南", operationId = "matterGuide",
			description = "Built from the catalogue and the hall directory. With region (six digits), the competent departments and halls of that region, the competent hall first; without, the kinds of department and every open hall that handles the matter.")
	ServiceGuide guide(@PathVariable String code, @RequestParam(required = false) String region) {
		return guides.guide(RequestValues.code("code", code), region);
	}

	@GetMapping(path = "/matters/{code}/guide.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@RateLimited(perAddress = "guide-pdfs-per-address")
	@Operation(summary = "The service guide as an A4 PDF 下载办事指南", operationId = "matterGuidePdf",
			description = "The same guide, in Chinese, to print or keep. Rate-limited per address (429 with Retry-After).")
	@Refuses(status = 429, code = "too-many-requests", when = "more guides are asked for from the address than the limit guide-pdfs-per-address allows")
	@Refuses(status = 503, code = "pdf-font-missing", when = "the server lacks the Chinese font for PDFs")
	ResponseEntity<byte[]> pdf(@PathVariable String code, @RequestParam(required = false) String region) {
		String matter = RequestValues.code("code", code);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("guide-" + matter + ".pdf").build().toString())
			.body(guides.pdf(matter, region));
	}
}

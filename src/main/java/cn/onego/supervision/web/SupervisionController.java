package cn.onego.supervision.web;

import java.time.LocalDate;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.audit.AuditTrail;
import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import cn.onego.identity.Role;
import cn.onego.platform.InvalidInput;
import cn.onego.platform.Message;
import cn.onego.platform.RequestValues;
import cn.onego.platform.Tables;
import cn.onego.supervision.Dashboard;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision 行政效能电子监管", description = "Dashboard figures and exports for supervisors")
class SupervisionController {

	private final Dashboard dashboard;
	private final Actors actors;
	private final java.time.Clock clock;
	private final AuditTrail audit;

	SupervisionController(Dashboard dashboard, Actors actors, java.time.Clock clock, AuditTrail audit) {
		this.clock = clock;
		this.audit = audit;
		this.dashboard = dashboard;
		this.actors = actors;
	}

	@GetMapping("/dashboard")
	@Operation(summary = "The dashboard 监管看板", description = "Volumes by day, on-time rate, yellow and red tasks, handling time against limits, bottleneck departments, reduction metrics, satisfaction and 跨域通办 (cases the region's halls received for other regions, and those other regions' halls received for it, with the top partner regions by name); every filter optional; the period defaults to the last 30 days.")
	Dashboard.Overview dashboard(@RequestParam(required = false) String region, @RequestParam(required = false) String hall,
			@RequestParam(required = false) String department, @RequestParam(required = false) String matter,
			@RequestParam(required = false) String channel, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		Actor actor = actors.current();
		return dashboard.overview(actor, filter(actor, region, hall, department, matter, channel, from, to));
	}

	@GetMapping("/export/{table}")
	@Operation(summary = "Export a dashboard table 导出", description = "volumes, departments, warnings or cross-region (every partner region of both directions), as format=csv or format=xlsx.")
	ResponseEntity<byte[]> export(@PathVariable String table, @RequestParam(defaultValue = "csv") String format,
			@RequestParam(required = false) String region, @RequestParam(required = false) String hall,
			@RequestParam(required = false) String department, @RequestParam(required = false) String matter,
			@RequestParam(required = false) String channel, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		Actor actor = actors.current();
		Dashboard.Table rows = dashboard.table(actor, table, filter(actor, region, hall, department, matter, channel, from, to));
		boolean excel = "xlsx".equalsIgnoreCase(format);
		if (!excel && !"csv".equalsIgnoreCase(format)) {
			throw InvalidInput.of("format", "unknown", Message.of("导出格式为 csv 或 xlsx", "the format is csv or xlsx"));
		}
		byte[] body = excel ? Tables.xlsx(table, rows.columns(), rows.rows()) : Tables.csv(rows.columns(), rows.rows());
		// an export leaves the platform: who took which table of which scope goes into the audit trail
		audit.record(actor, "export.supervision." + table, "supervision/" + table, (excel ? "xlsx" : "csv") + ", "
				+ rows.rows().size() + " rows, filter " + filterText(region, hall, department, matter, channel, from, to));
		return ResponseEntity.ok()
			.contentType(excel ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
					: new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("onego-" + table + (excel ? ".xlsx" : ".csv")).build().toString())
			.body(body);
	}

	private static String filterText(String region, String hall, String department, String matter, String channel,
			LocalDate from, LocalDate to) {
		java.util.StringJoiner text = new java.util.StringJoiner(" ");
		String[][] given = { { "region", region }, { "hall", hall }, { "department", department }, { "matter", matter },
				{ "channel", channel }, { "from", from == null ? null : from.toString() }, { "to", to == null ? null : to.toString() } };
		for (String[] g : given) {
			if (g[1] != null) {
				text.add(g[0] + "=" + g[1]);
			}
		}
		return text.length() == 0 ? "default" : text.toString();
	}

	/** The filter asked for; the period defaults to the last 30 days, the region to the supervisor's own. */
	private Dashboard.Filter filter(Actor actor, String region, String hall, String department, String matter, String channel,
			LocalDate from, LocalDate to) {
		String scope = region != null ? RequestValues.regionCode("region", region).value() : actor.region();
		LocalDate end = to != null ? to : LocalDate.now(clock);
		LocalDate start = from != null ? from : end.minusDays(29);
		if (start.isAfter(end)) {
			throw InvalidInput.of("from", "range", Message.of("开始日期晚于结束日期", "from is after to"));
		}
		return new Dashboard.Filter(scope, RequestValues.code("hall", hall), RequestValues.code("department", department),
				RequestValues.code("matter", matter), RequestValues.code("channel", channel), start, end);
	}
}

package cn.onego.evaluation.web;

import java.time.LocalDate;
import java.util.List;
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

import cn.onego.evaluation.RatingStatistics;
import cn.onego.evaluation.Ratings;
import cn.onego.evaluation.Rectifications;
import cn.onego.identity.Actor;
import cn.onego.identity.Actors;
import cn.onego.identity.Role;
import cn.onego.platform.NotFound;
import cn.onego.platform.RequestValues;
import cn.onego.shared.RegionCode;
import cn.onego.platform.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "好差评 Ratings", description = "One rating per case, rectification of bad ratings, statistics")
class EvaluationController {

	private final Ratings ratings;
	private final Rectifications rectifications;
	private final Actors actors;

	EvaluationController(Ratings ratings, Rectifications rectifications, Actors actors) {
		this.ratings = ratings;
		this.rectifications = rectifications;
		this.actors = actors;
	}

	@PostMapping("/cases/{id}/rating")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Rate a closed case 评价", description = "Once, by its applicant, within the window after closing; level 1 非常满意 … 5 非常不满意. A bad rating needs a comment and opens a rectification.")
	@Refuses(status = 409, code = "already-rated", when = "the case is rated already")
	@Refuses(status = 409, code = "rating-window", when = "the case is not in its rating window")
	Ratings.Rating rate(@PathVariable UUID id, @RequestBody Ratings.NewRating rating) {
		return ratings.rate(actors.current(), id, rating);
	}

	@GetMapping("/cases/{id}/rating")
	@Operation(summary = "A case's rating")
	Ratings.Rating rating(@PathVariable UUID id) {
		return ratings.find(actors.current(), id);
	}

	@GetMapping("/rectifications")
	@Operation(summary = "Rectifications of a department or hall 差评整改", description = "Overdue ones carry colour RED.")
	List<Rectifications.Rectification> rectifications(@RequestParam String responsible,
			@RequestParam(required = false) Rectifications.State state) {
		String code = RequestValues.code("responsible", responsible);
		if (code == null) {
			throw cn.onego.platform.InvalidInput.of("responsible", "required", cn.onego.platform.Message.of(
					"请填写负责的部门或大厅编码", "give the responsible department's or hall's code"));
		}
		return rectifications.of(actors.current(), code, state);
	}

	record VerifyRequest(int version, String finding, boolean justified) {
	}

	record RectifyRequest(int version, String measures) {
	}

	record CallbackRequest(int version, Rectifications.Callback result, String note) {
	}

	@PostMapping("/rectifications/{id}/verification")
	@Operation(summary = "Verify a bad rating 核实", operationId = "verifyRating")
	Rectifications.Rectification verify(@PathVariable UUID id, @RequestBody VerifyRequest request) {
		return rectifications.verify(actors.current(), id, request.version(), request.finding(), request.justified());
	}

	@PostMapping("/rectifications/{id}/rectification")
	@Operation(summary = "Record the rectification 整改")
	Rectifications.Rectification rectify(@PathVariable UUID id, @RequestBody RectifyRequest request) {
		return rectifications.rectify(actors.current(), id, request.version(), request.measures());
	}

	@PostMapping("/rectifications/{id}/callback")
	@Operation(summary = "Record the callback to the applicant 回访")
	Rectifications.Rectification callBack(@PathVariable UUID id, @RequestBody CallbackRequest request) {
		return rectifications.callBack(actors.current(), id, request.version(), request.result(), request.note());
	}

	@GetMapping("/evaluation/statistics")
	@Operation(summary = "好差评 statistics 评价统计", description = "Per DEPARTMENT, HALL, MATTER or REGION for ratings in [from, to): counts per level, 满意率, 好评率, 差评率, 整改率. Supervisors, for their region and below.")
	List<RatingStatistics> statistics(@RequestParam(defaultValue = "DEPARTMENT") Ratings.GroupBy groupBy,
			@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(required = false) String region) {
		return ratings.statistics(actors.current(), groupBy, from, to, region);
	}
}

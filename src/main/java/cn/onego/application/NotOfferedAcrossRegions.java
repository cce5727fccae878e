package cn.onego.application;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/**
 * The application was to be handed in at a hall whose region the 通办范围 of one or more of its items does not reach:
 * refused, nothing stored, with every other problem of the submission and, as the problem's {@code halls}, the halls
 * where it can be handed in — the competent region's own first.
 */
public class NotOfferedAcrossRegions extends Problem {

	static final String CODE = "not-offered-across-regions";

	private final List<HallOption> halls;

	NotOfferedAcrossRegions(List<FieldProblem> errors, List<HallOption> halls) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, CODE, Message.of("所选大厅不能受理", "Not accepted at the chosen hall"),
				errors.stream().filter(e -> CODE.equals(e.code())).findFirst().map(FieldProblem::message).orElseThrow(),
				errors);
		this.halls = List.copyOf(halls);
		property("halls", this.halls);
	}

	/** The halls where the application can be handed in, the competent region's own first. */
	public List<HallOption> halls() {
		return halls;
	}
}

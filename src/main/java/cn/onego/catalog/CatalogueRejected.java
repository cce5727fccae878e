package cn.onego.catalog;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/** A catalogue with errors was refused as a whole; the catalogue in force did not change. */
public class CatalogueRejected extends Problem {

	private final List<CatalogueError> catalogueErrors;

	public CatalogueRejected(List<CatalogueError> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "catalogue-rejected", Message.of("目录未通过校验", "Catalogue rejected"),
				Message.of("目录有 " + errors.size() + " 处错误，已整体拒绝，现行目录未改变。",
						"The catalogue has " + errors.size() + " error(s) and was rejected as a whole; "
								+ "the catalogue in force is unchanged."),
				errors.stream().map(e -> new FieldProblem(e.where(), "catalogue", e.message())).toList());
		this.catalogueErrors = List.copyOf(errors);
	}

	public List<CatalogueError> catalogueErrors() {
		return catalogueErrors;
	}
}

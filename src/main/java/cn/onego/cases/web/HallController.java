package cn.onego.cases.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.onego.catalog.Enums.Theme;
import cn.onego.cases.HallAdministration;
import cn.onego.cases.Halls;
import cn.onego.identity.Actors;
import cn.onego.platform.RequestValues;
import cn.onego.platform.web.Refuses;
import cn.onego.shared.Label;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Halls 政务大厅", description = "The service halls, their windows and the window categories: read by anyone, kept by catalogue administrators")
class HallController {

	private final Halls halls;
	private final HallAdministration administration;
	private final Actors actors;

	HallController(Halls halls, HallAdministration administration, Actors actors) {
		this.halls = halls;
		this.administration = administration;
		this.actors = actors;
	}

	/** A window category as the public reads it: its name and the themes of the matters it accepts. */
	record CategoryView(String code, Label name, List<Theme> themes, int version) {

		static CategoryView of(Halls.WindowCategory c) {
			return new CategoryView(c.code(), c.label(), c.themes(), c.version());
		}
	}

	// ------------------------------------------------------------------ public

	@GetMapping("/halls")
	@Operation(summary = "The open service halls 政务服务大厅", description = "Name, address, telephone, opening hours, windows and the categories they accept, as names; with region, the halls of that region and below.")
	List<Halls.HallView> openHalls(@RequestParam(required = false) String region) {
		return halls.openHalls(RequestValues.regionCode("region", region));
	}

	@GetMapping("/window-categories")
	@Operation(summary = "The categories of comprehensive window 综合窗口类别", description = "Each with the matter themes whose matters it accepts.", operationId = "windowCategories")
	List<CategoryView> categories() {
		return halls.categories().stream().map(CategoryView::of).toList();
	}

	// ------------------------------------------------------------------ administration

	@GetMapping("/admin/halls")
	@Operation(summary = "The halls an administrator keeps 大厅管理", description = "Closed ones too; a city's administrator sees the halls of the city.")
	List<Halls.Hall> adminHalls() {
		return administration.halls(actors.current());
	}

	@PostMapping("/admin/halls")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a hall 新增大厅", description = "Code unique, region of the catalogue and within the administrator's, telephone as halls publish it.", operationId = "createHall")
	@Refuses(status = 403, code = "outside-your-region", when = "the hall's region is not within the administrator's")
	Halls.Hall create(@RequestBody HallAdministration.HallDefinition definition) {
		return administration.create(actors.current(), definition);
	}

	@PutMapping("/admin/halls/{code}")
	@Operation(summary = "Change a hall, its windows and categories 修改大厅", description = "Over the version read; the code never changes.", operationId = "changeHall")
	@Refuses(status = 403, code = "outside-your-region", when = "the hall, or the region it would move to, is not within the administrator's")
	@Refuses(status = 409, code = "concurrent-change", when = "someone changed the hall since it was read")
	Halls.Hall update(@PathVariable String code, @RequestBody HallAdministration.HallDefinition definition) {
		return administration.update(actors.current(), RequestValues.code("code", code), definition);
	}

	@PutMapping("/admin/halls/{code}/closed")
	@Operation(summary = "Close or reopen a hall 关闭或重新开放大厅", description = "A closed hall keeps its cases; new cases go to the next competent hall.", operationId = "closeHall")
	@Refuses(status = 403, code = "outside-your-region", when = "the hall is not within the administrator's region")
	@Refuses(status = 409, code = "concurrent-change", when = "someone changed the hall since it was read")
	Halls.Hall close(@PathVariable String code, @RequestBody HallAdministration.Closure closure) {
		return administration.close(actors.current(), RequestValues.code("code", code), closure);
	}

	@PostMapping("/admin/window-categories")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a window category 新增窗口类别", description = "The themes named move into it. A province's administrators only.")
	@Refuses(status = 403, code = "outside-your-region", when = "the administrator's region is not a whole province")
	CategoryView createCategory(@RequestBody HallAdministration.CategoryDefinition definition) {
		return CategoryView.of(administration.createCategory(actors.current(), definition));
	}

	@PutMapping("/admin/window-categories/{code}")
	@Operation(summary = "Rename a window category or move themes into it 修改窗口类别", description = "A theme leaves a category only by joining another. A province's administrators only.")
	@Refuses(status = 403, code = "outside-your-region", when = "the administrator's region is not a whole province")
	@Refuses(status = 409, code = "concurrent-change", when = "someone changed the category since it was read")
	CategoryView updateCategory(@PathVariable String code, @RequestBody HallAdministration.CategoryDefinition definition) {
		return CategoryView.of(administration.updateCategory(actors.current(), RequestValues.code("code", code), definition));
	}

	@GetMapping("/admin/halls/changes")
	@Operation(summary = "The log of changes to halls and categories 变更记录", operationId = "hallChanges")
	List<HallAdministration.Change> changes(@RequestParam(defaultValue = "100") int limit) {
		return administration.changes(actors.current(), limit);
	}
}

package cn.onego.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Department;
import cn.onego.identity.StaffScopes;
import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.shared.RegionCode;

/**
 * The places staff work in, for the staff accounts administrators create: the region must be one of the
 * catalogue in force; a hall one of {@link Halls} (or a province's fallback hall, where cases of a province
 * without configured halls land); a department one of the catalogue, in the region or below it.
 */
@Component
class Workplaces implements StaffScopes {

	private final CatalogQueries catalog;
	private final Halls halls;

	Workplaces(CatalogQueries catalog, Halls halls) {
		this.catalog = catalog;
		this.halls = halls;
	}

	@Override
	public List<FieldProblem> problemsOf(String region, String hall, String department) {
		Catalogue catalogue = catalog.catalogue();
		List<FieldProblem> problems = new ArrayList<>();
		Optional<RegionCode> code = RegionCode.parse(region).filter(r -> catalogue.region(r).isPresent());
		if (code.isEmpty()) {
			problems.add(new FieldProblem("region", "unknown", Message.of("行政区划不存在：" + region, "unknown region: " + region)));
		}
		if (hall != null && !hall.isBlank() && halls.hall(hall).isEmpty() && !provinceHall(catalogue, hall)) {
			problems.add(new FieldProblem("hall", "unknown", Message.of("政务大厅不存在", "no such hall")));
		}
		if (department != null && !department.isBlank()) {
			Optional<Department> found = catalogue.department(department);
			if (found.isEmpty()) {
				problems.add(new FieldProblem("department", "unknown", Message.of("部门不存在", "no such department")));
			}
			else if (code.isPresent() && !catalogue.isWithin(found.get().region(), code.get())) {
				problems.add(new FieldProblem("department", "not-in-region", Message.of("部门不属于所填的行政区划",
						"the department is not in the region given")));
			}
		}
		return problems;
	}

	/** {@code <province>-HALL}: where {@link Halls#competentHall} sends a province's cases when none is configured. */
	private static boolean provinceHall(Catalogue catalogue, String hall) {
		if (!hall.matches("\\d{6}-HALL")) {
			return false;
		}
		RegionCode province = RegionCode.of(hall.substring(0, 6));
		return province.equals(province.province()) && catalogue.region(province).isPresent();
	}
}

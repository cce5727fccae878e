package cn.onego.cases;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.onego.application.AcceptingHall;
import cn.onego.application.AcceptingHalls;
import cn.onego.catalog.CatalogQueries;
import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.shared.RegionCode;

/**
 * The halls an application may be handed in at, for the application module's 通办范围 check: {@link Halls} as the
 * applicant meets them — open, and taking the matter when their windows accept its category.
 */
@Component
class AcceptingHallDirectory implements AcceptingHalls {

	private final Halls halls;
	private final CatalogQueries catalog;

	AcceptingHallDirectory(Halls halls, CatalogQueries catalog) {
		this.halls = halls;
		this.catalog = catalog;
	}

	@Override
	public Optional<AcceptingHall> hall(String code, Matter matter) {
		return halls.hall(code).map(h -> acceptingHall(HallCode.of(h.code()), catalog.catalogue(), matter));
	}

	@Override
	public List<AcceptingHall> open(Matter matter) {
		Catalogue catalogue = catalog.catalogue();
		return halls.all()
			.stream()
			.filter(Halls.Hall::open)
			.sorted(Comparator.comparing(Halls.Hall::code))
			.map(h -> acceptingHall(HallCode.of(h.code()), catalogue, matter))
			.filter(AcceptingHall::open)
			.toList();
	}

	@Override
	public AcceptingHall competent(Catalogue catalogue, Matter matter, RegionCode region) {
		return acceptingHall(halls.competentHall(catalogue, matter, region), catalogue, matter);
	}

	/** A province's fallback hall nobody configured is open to every matter: cases of the province land there. */
	private AcceptingHall acceptingHall(HallCode code, Catalogue catalogue, Matter matter) {
		Halls.HallView view = halls.view(code, catalogue);
		boolean configured = halls.hall(code.value()).isPresent();
		return new AcceptingHall(view.code(), view.name(), view.address(), view.phone(), view.hours(),
				RegionCode.of(view.region()), configured ? halls.accepts(code, matter) : true);
	}
}

package cn.onego.application;

import java.util.List;
import java.util.Optional;

import cn.onego.catalog.Catalogue;
import cn.onego.catalog.Matter;
import cn.onego.shared.RegionCode;

/**
 * The halls that may receive an application, provided by the module that keeps them (cases, which depends on this
 * one): the application checks a chosen hall (异地收件) against the items' 通办范围 without knowing how halls are kept.
 */
public interface AcceptingHalls {

	/** The hall with the code, {@link AcceptingHall#open} telling whether it takes the matter now. */
	Optional<AcceptingHall> hall(String code, Matter matter);

	/** Every open hall whose windows accept the matter, in a stable order. */
	List<AcceptingHall> open(Matter matter);

	/** The hall of the competent region that handles the matter when the applicant chooses none. */
	AcceptingHall competent(Catalogue catalogue, Matter matter, RegionCode region);
}

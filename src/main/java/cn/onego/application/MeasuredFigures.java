package cn.onego.application;

import java.util.Map;
import java.util.Optional;

import cn.onego.shared.RegionCode;

/**
 * Where the metrics learn what closed cases really took. Supervision, which reads closed cases through the case
 * flow's API, provides it (it depends on this module, not the other way round); without it the metrics carry no
 * measured figures.
 */
public interface MeasuredFigures {

	/** The figures of the matter's issued cases in the region and its subdivisions (all regions when null); empty when none. */
	Optional<Measured> of(String matter, RegionCode region);

	/**
	 * The figures of every matter with issued cases in the region and its subdivisions (all regions when null), by
	 * matter code, read at once; a matter without any is absent.
	 */
	Map<String, Measured> ofEachMatter(RegionCode region);
}

package cn.onego.catalog;

import cn.onego.catalog.Enums.RegionLevel;
import cn.onego.shared.RegionCode;

/** An administrative division; {@code parent} is null for provinces. */
public record Region(RegionCode code, String name, RegionLevel level, RegionCode parent) {
}

package cn.onego.catalog;

import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/** A development zone (园区) to which items may be delegated (赋权). */
public record Park(String code, Label name, RegionCode region) {
}

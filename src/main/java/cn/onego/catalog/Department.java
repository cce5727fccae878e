package cn.onego.catalog;

import cn.onego.shared.RegionCode;

/**
 * A department of a region, or of a park when {@code park} is set. Its code is
 * {@code <regionCode>-<TYPE>} (or {@code <parkCode>-<TYPE>}).
 */
public record Department(String code, String name, String type, RegionCode region, String park) {
}

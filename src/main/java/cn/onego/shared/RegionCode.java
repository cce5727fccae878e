package cn.onego.shared;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An administrative division code: 6 digits (GB/T 2260: province, prefecture, county), 9 digits
 * (town, 乡镇街道) or 12 digits (village, 村社区). Whether the code exists is the catalogue's business;
 * this type only guarantees the shape.
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

	private static final Pattern SHAPE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}");

	public RegionCode {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("not a region code (6, 9 or 12 digits): " + value);
		}
	}

	public static RegionCode of(String value) {
		return new RegionCode(value);
	}

	public static Optional<RegionCode> parse(String value) {
		return isWellFormed(value) ? Optional.of(new RegionCode(value)) : Optional.empty();
	}

	public static boolean isWellFormed(String value) {
		return value != null && SHAPE.matcher(value).matches();
	}

	/** The province code this region belongs to, e.g. 430000 for 430121. */
	public RegionCode province() {
		return new RegionCode(value.substring(0, 2) + "0000");
	}

	/**
	 * The leading digits this region shares with every region below it: 43 for 430000, 4301 for 430100,
	 * the whole code for a county, town or village.
	 */
	public String prefix() {
		if (value.length() == 6 && value.endsWith("0000")) {
			return value.substring(0, 2);
		}
		if (value.length() == 6 && value.endsWith("00")) {
			return value.substring(0, 4);
		}
		return value;
	}

	/** Whether the other region is this one or lies within it: 430121 within 430100, 430121001 within 430121. */
	public boolean contains(RegionCode other) {
		return other.value.startsWith(prefix());
	}

	/**
	 * Whether the two regions lie on one line of the hierarchy, one within the other (or the same): a county and its
	 * prefecture, a town and its province.
	 */
	public boolean onOneLine(RegionCode other) {
		return contains(other) || other.contains(this);
	}

	/** Whether both regions belong to one prefecture (地级): the same first four digits. */
	public boolean samePrefecture(RegionCode other) {
		return value.regionMatches(0, other.value, 0, 4);
	}

	/** Whether both regions belong to one province: the same first two digits. */
	public boolean sameProvince(RegionCode other) {
		return value.regionMatches(0, other.value, 0, 2);
	}

	@Override
	public int compareTo(RegionCode other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}
}

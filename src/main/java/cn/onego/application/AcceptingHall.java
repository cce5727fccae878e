package cn.onego.application;

import cn.onego.shared.Label;
import cn.onego.shared.RegionCode;

/**
 * A government service hall as the application sees it when the applicant chooses where to hand in and collect
 * (异地收件): what the public reads of it, its region — which the items' 通办范围 is checked against — and whether it
 * takes the matter now ({@code open}: the hall is open and its windows accept the matter's category).
 *
 * @param code the hall's code, for API clients to send back as {@code acceptingHall}; never shown on pages
 */
public record AcceptingHall(String code, Label name, Label address, String phone, Label hours, RegionCode region,
		boolean open) {
}

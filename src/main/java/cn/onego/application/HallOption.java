package cn.onego.application;

import cn.onego.shared.Label;

/**
 * A hall where an application may be handed in and its result collected, as the applicant is offered it.
 *
 * @param code for API clients to send as {@code acceptingHall}; pages show the name
 * @param local the competent region's own hall (属地): choosing it is choosing no other hall
 */
public record HallOption(String code, Label name, Label address, String phone, Label hours, boolean local) {

	static HallOption of(AcceptingHall hall, boolean local) {
		return new HallOption(hall.code(), hall.name(), hall.address(), hall.phone(), hall.hours(), local);
	}
}

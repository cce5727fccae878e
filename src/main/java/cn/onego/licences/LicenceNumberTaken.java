package cn.onego.licences;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.onego.platform.FieldProblem;
import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/**
 * A licence number of a type is already recorded for another holder: a number identifies one licence of one
 * holder, so it is never recorded for a second one, and nobody is handed the other holder's licence instead.
 * The answer names the number (the caller typed it) but never who holds it. 409, with the field {@code number}
 * at fault, so that a reviewer's approval shows the error next to the number they entered.
 */
public class LicenceNumberTaken extends Problem {

	private final String licenceType;
	private final String number;

	public LicenceNumberTaken(String licenceType, String number) {
		super(HttpStatus.CONFLICT, "licence-number-taken", Message.of("证照编号已被占用", "Licence number already taken"),
				Message.of("证照编号 " + number + " 已登记在其他持证主体名下，不能再登记给本持证主体。请核对编号后重试。",
						"The licence number " + number + " is already recorded for another holder and cannot be recorded for this one. "
								+ "Check the number and try again."),
				List.of(new FieldProblem("number", "taken", Message.of("该编号的证照已登记在其他持证主体名下",
						"a licence with this number is recorded for another holder"))));
		this.licenceType = licenceType;
		this.number = number;
	}

	public String licenceType() {
		return licenceType;
	}

	public String number() {
		return number;
	}
}

package cn.onego.clock;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;

import cn.onego.platform.Message;
import cn.onego.platform.Problem;

/**
 * A date falls in a year whose holidays are not loaded. Working days there are unknown until the State
 * Council's notice is loaded, so nothing is guessed.
 */
public class CalendarNotLoaded extends Problem {

	private final int year;

	public CalendarNotLoaded(int year, Set<Integer> loaded) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "calendar-not-loaded", Message.of("工作日历未导入", "Calendar not loaded"),
				Message.of(year + "年的节假日安排尚未导入工作日历（已导入：" + new TreeSet<>(loaded)
						+ "），无法计算工作日。请管理员按国务院办公厅通知导入该年度。",
						"The holidays of " + year + " are not in the working-day calendar (loaded: " + new TreeSet<>(loaded)
								+ "), so working days cannot be computed. An administrator must load that year from the State Council's notice."),
				List.of());
		this.year = year;
	}

	public int year() {
		return year;
	}
}

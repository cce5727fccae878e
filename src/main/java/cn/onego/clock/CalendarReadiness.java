package cn.onego.clock;

import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import java.util.Set;

import cn.onego.platform.Message;

/**
 * Whether the calendar is ready for the limits running now: this year's holidays must be loaded, and from
 * 1 November next year's too — the State Council publishes them around then, and a limit of twenty working days
 * given in December ends in January.
 */
public final class CalendarReadiness {

	/** The first day on which a missing next year is worth a warning. */
	static final Month WARN_FROM = Month.NOVEMBER;

	private CalendarReadiness() {
	}

	/** What an administrator must do on the day, if anything. */
	public static Optional<Message> warning(LocalDate today, Set<Integer> loaded) {
		int year = today.getYear();
		if (!loaded.contains(year)) {
			return Optional.of(Message.of(year + "年的节假日安排尚未导入工作日历：本年度的办结期限只能按周末推算，均标为“暂定”。请管理员按国务院办公厅通知导入。",
					"The holidays of " + year + " are not in the working-day calendar: this year's limits are counted on weekends alone and shown as provisional. An administrator must load the year from the State Council's notice."));
		}
		if (today.getMonthValue() >= WARN_FROM.getValue() && !loaded.contains(year + 1)) {
			int next = year + 1;
			return Optional.of(Message.of(next + "年的节假日安排尚未导入工作日历：跨入" + next + "年的办结期限暂按周末推算并标为“暂定”，导入后自动重算。国务院办公厅通知发布后，请在“工作日历”中导入。",
					"The holidays of " + next + " are not in the working-day calendar yet: limits running into " + next
							+ " are counted on weekends alone and shown as provisional until the year is loaded, then computed again. Load it under “Working-day calendar” once the State Council's notice is out."));
		}
		return Optional.empty();
	}
}

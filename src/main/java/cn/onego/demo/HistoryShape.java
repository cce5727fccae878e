package cn.onego.demo;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;

import cn.onego.clock.WorkingDayCalendar;

/**
 * What a generated history looks like: how many cases, submitted over how many days before {@code today}, counted on
 * which working-day calendar, in which halls, by whom.
 *
 * @param cases how many cases
 * @param today the day the history ends: what would happen after it is still open
 * @param days how many days before today the first case may be submitted
 * @param calendar the working days every date of the history is counted on
 * @param hall which competent halls take part (the others' matters are not drawn)
 * @param staff who accepts and decides, by hall and by department
 * @param username the account name of applicant p of the pool
 * @param reservedIdNumbers ID numbers the pool must not use (people who exist elsewhere)
 * @param seed the random seed: the same shape and seed give the same rows
 * @param serialBase case k gets the serial number serialBase + k + 1 in its case number
 * @param facts whether supervision's facts are written too ({@code case_fact}, folded by the application itself)
 */
public record HistoryShape(long cases, LocalDate today, int days, WorkingDayCalendar calendar, Predicate<String> hall,
		Staff staff, LongFunction<String> username, Set<String> reservedIdNumbers, long seed, long serialBase, boolean facts) {

	/** Who acts in the generated history. */
	public interface Staff {

		/** The window clerk of a hall who accepts its cases. */
		String clerk(String hall);

		/** The reviewer of a department who claims and decides its tasks, or null when it has none (its tasks stay unclaimed). */
		String reviewer(String department);
	}

	public HistoryShape {
		reservedIdNumbers = Set.copyOf(reservedIdNumbers);
	}
}

package cn.onego.cases;

import java.time.LocalDate;

/** The deadline scanner looked at the tasks of a day and turned so many yellow and so many red. */
public record DeadlinesScanned(LocalDate day, int turnedYellow, int turnedRed) {
}

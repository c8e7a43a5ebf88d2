package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.hourbill.platform.problem.InvalidField;

/** Nobody works more than 24 hours in a day, whatever the number of entries. */
public final class DailyHours {
    private DailyHours() {
    }

    /** @param alreadyBooked hours the consultant has on that day in other entries */
    public static void check(String consultant, LocalDate day, BigDecimal alreadyBooked, BigDecimal adding) {
        BigDecimal total = alreadyBooked.add(adding);
        if (total.compareTo(TimeEntry.MAX_HOURS_PER_DAY) > 0) {
            throw new InvalidField("hours", consultant + " would have " + total.stripTrailingZeros().toPlainString()
                    + " h on " + day + "; a day has at most 24 hours");
        }
    }
}

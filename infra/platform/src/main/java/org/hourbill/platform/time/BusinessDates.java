package org.hourbill.platform.time;

import java.time.Clock;
import java.time.LocalDate;

import org.hourbill.platform.problem.InvalidField;

/**
 * The window a business date must fall in, so a typo (1900-01-01, 9999-12-31) is a 400 naming the field instead of a
 * document numbered in the year 9999. Firms set the bounds ({@code hourbill.dates.*}); the defaults fit most:
 * <ul>
 * <li>a date on which something happened (an invoice sent, paid, voided) lies between {@code earliest} and today, with
 * {@code days-ahead} of slack for a user whose day starts before UTC's;</li>
 * <li>a date of work or of a plan (a time entry, a frame order's validity) lies between {@code earliest} and
 * {@code years-ahead} years from today.</li>
 * </ul>
 */
public final class BusinessDates {
    private final Clock clock;
    private final LocalDate earliest;
    private final int daysAhead;
    private final int yearsAhead;

    public BusinessDates(Clock clock, LocalDate earliest, int daysAhead, int yearsAhead) {
        this.clock = clock;
        this.earliest = earliest;
        this.daysAhead = daysAhead;
        this.yearsAhead = yearsAhead;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A date on which something happened; never in the future (a document's number series follows it). */
    public LocalDate happened(String field, LocalDate date) {
        return within(field, date, today().plusDays(daysAhead), "it cannot be in the future");
    }

    /** A date of work booked or of a plan agreed. */
    public LocalDate planned(String field, LocalDate date) {
        return within(field, date, today().plusYears(yearsAhead), "more than " + yearsAhead + " years ahead is not plausible");
    }

    private LocalDate within(String field, LocalDate date, LocalDate latest, String why) {
        if (date == null) return null;
        if (date.isBefore(earliest)) {
            throw new InvalidField(field, field + " " + date + " is before " + earliest + ", the earliest date Hourbill accepts");
        }
        if (date.isAfter(latest)) {
            throw new InvalidField(field, field + " " + date + " is after " + latest + ": " + why);
        }
        return date;
    }
}

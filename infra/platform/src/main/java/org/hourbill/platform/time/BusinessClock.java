package org.hourbill.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The clock every rule that depends on today reads (due dates, overdue, date windows, timestamps). In production it
 * is the system clock in UTC. {@code hourbill.clock.start} starts it at a given instant instead and lets it run on
 * from there, so a training system, a demo or a test suite lives on a fixed business date whatever the calendar says.
 *
 * <p>{@code hourbill.clock.started-at} is the wall-clock instant at which the business clock read {@code start}; by
 * default the moment this instance starts. A system of several instances gives them all the same one: otherwise an
 * instance started (or restarted after a crash) minutes after the others lives minutes behind them, and the
 * timestamps of the events and documents it writes go back in time.
 */
public final class BusinessClock {
    public static final String START_PROPERTY = "hourbill.clock.start";
    public static final String STARTED_AT_PROPERTY = "hourbill.clock.started-at";

    private BusinessClock() {
    }

    /** The system clock, or one that starts at {@code start} (ISO-8601 instant) when it is given. */
    public static Clock startingAt(String start) {
        return startingAt(start, null, Clock.systemUTC());
    }

    /**
     * The system clock, or one that read {@code start} at the wall-clock instant {@code startedAt} (both ISO-8601
     * instants; {@code startedAt} blank: now) and runs on from there.
     */
    public static Clock startingAt(String start, String startedAt) {
        return startingAt(start, startedAt, Clock.systemUTC());
    }

    static Clock startingAt(String start, String startedAt, Clock system) {
        if (start == null || start.isBlank()) return system;
        Instant from = parse(START_PROPERTY, start);
        Instant at = startedAt == null || startedAt.isBlank() ? system.instant() : parse(STARTED_AT_PROPERTY, startedAt);
        return Clock.offset(system, Duration.between(at, from));
    }

    private static Instant parse(String property, String value) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(property + " must be an ISO-8601 instant such as 2026-11-20T09:00:00Z, not '" + value + "'");
        }
    }
}

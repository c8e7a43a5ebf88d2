package org.hourbill.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The clock every rule that depends on today reads (due dates, overdue, date windows, timestamps). In production it
 * is the system clock in UTC. {@code hourbill.clock.start} starts it at a given instant instead and lets it run on
 * from there, so a training system, a demo or a test suite lives on a fixed business date whatever the calendar says.
 */
public final class BusinessClock {
    public static final String START_PROPERTY = "hourbill.clock.start";

    private BusinessClock() {
    }

    /** The system clock, or one that starts at {@code start} (ISO-8601 instant) when it is given. */
    public static Clock startingAt(String start) {
        if (start == null || start.isBlank()) return Clock.systemUTC();
        Instant from;
        try {
            from = Instant.parse(start.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(START_PROPERTY + " must be an ISO-8601 instant such as 2026-11-20T09:00:00Z, not '" + start + "'");
        }
        Clock system = Clock.systemUTC();
        return Clock.offset(system, Duration.between(system.instant(), from));
    }
}

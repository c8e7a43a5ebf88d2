package org.hourbill.testsupport;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The business date every test lives on, whatever day the suite runs: services under test start their clock here
 * ({@code hourbill.clock.start}), and tests that need "today" ask this class, never {@code LocalDate.now()}.
 * The clock runs on from 09:00 UTC, so a suite of any realistic length stays on this date.
 */
public final class TestClock {
    public static final String START = "2026-11-20T09:00:00Z";
    /**
     * When the business clock read {@link #START}: when this JVM first used the class. Every service a test JVM starts
     * shares it, so one started late in the suite, or restarted by a test, is not behind the others.
     */
    public static final String STARTED_AT = java.time.Instant.now().toString();

    private TestClock() {
    }

    /** The services' today while a test runs. */
    public static LocalDate today() {
        return Instant.parse(START).atZone(ZoneOffset.UTC).toLocalDate();
    }
}

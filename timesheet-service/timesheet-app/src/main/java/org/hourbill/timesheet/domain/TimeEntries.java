package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Time entries (a persistence port). */
public interface TimeEntries {
    Optional<TimeEntry> findById(UUID id);

    List<TimeEntry> findAllById(Iterable<UUID> ids);

    /** Hours the consultant booked on that day, leaving out one entry (the one being edited). */
    BigDecimal hoursBooked(UUID resourceId, LocalDate day, UUID excludedEntry);

    TimeEntry add(TimeEntry entry);
}

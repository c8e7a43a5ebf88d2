package org.hourbill.timesheet.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Time entries (a persistence port). */
public interface TimeEntries {
    Optional<TimeEntry> findById(UUID id);

    /** Reads entries without locking them; missing ids are left out. */
    List<TimeEntry> findAllById(Iterable<UUID> ids);

    /**
     * Loads entries to change their state; missing ids are left out. Any number of ids: a month-end approval
     * brings tens of thousands. {@link #saveStates} refuses them if another transaction changed one meanwhile.
     */
    List<TimeEntry> lockAll(Collection<UUID> ids);

    /** Of these ids, those that exist, each customer's together: a bulk request taken in chunks keeps a customer in one. */
    List<UUID> existingByCustomer(Collection<UUID> ids);

    /** Stores the lifecycle state (status, rejection reason, rate, amount, currency) of entries from {@link #lockAll}. */
    void saveStates(Collection<TimeEntry> entries);

    /** Hours the consultant booked on that day, leaving out one entry (the one being edited). */
    BigDecimal hoursBooked(UUID resourceId, LocalDate day, UUID excludedEntry);

    TimeEntry add(TimeEntry entry);

    /** Whether the project has entries priced at approval (approved, billed or written off). */
    boolean hasPricedEntries(UUID projectId);
}

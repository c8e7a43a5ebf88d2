package org.hourbill.timesheet.adapter.out.persistence;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hourbill.timesheet.domain.TimeEntry;

/** The set-based half of the time entry repository (a Spring Data fragment, implemented with JDBC). */
interface TimeEntryBulkOperations {
    List<TimeEntry> lockAll(Collection<UUID> ids);

    void saveStates(Collection<TimeEntry> entries);

    List<UUID> existingByCustomer(Collection<UUID> ids);
}

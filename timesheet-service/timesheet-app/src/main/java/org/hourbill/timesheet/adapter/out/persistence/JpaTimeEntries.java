package org.hourbill.timesheet.adapter.out.persistence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.hourbill.timesheet.domain.TimeEntries;
import org.hourbill.timesheet.domain.TimeEntry;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

public interface JpaTimeEntries extends TimeEntries, JpaRepository<TimeEntry, UUID>, JpaSpecificationExecutor<TimeEntry>,
        TimeEntryBulkOperations {
    @Override
    default TimeEntry add(TimeEntry entry) {
        return save(entry);
    }

    @Override
    @Query("""
            select coalesce(sum(e.hours), 0) from TimeEntry e
            where e.resourceId = :resourceId and e.workDate = :day and e.id <> :excludedEntry""")
    BigDecimal hoursBooked(UUID resourceId, LocalDate day, UUID excludedEntry);
}

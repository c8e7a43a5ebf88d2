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

    /** SQL, not JPQL: a JPQL query would load Spring Data's and Hibernate's query parsers (see {@link JpaProjects}). */
    @Override
    @Query(nativeQuery = true, value = """
            select coalesce(sum(hours), 0) from time_entry
            where resource_id = :resourceId and work_date = :day and id <> :excludedEntry""")
    BigDecimal hoursBooked(UUID resourceId, LocalDate day, UUID excludedEntry);

    @Override
    @Query(nativeQuery = true, value = """
            select exists (select 1 from time_entry where project_id = :projectId and status in ('APPROVED', 'BILLED', 'WRITTEN_OFF'))""")
    boolean hasPricedEntries(UUID projectId);
}

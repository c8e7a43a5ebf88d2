package org.hourbill.timesheet.adapter.out.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;

import org.hourbill.timesheet.domain.EntryStatus;
import org.hourbill.timesheet.domain.TimeEntry;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.criteria.Predicate;

/** Read side: finds entries by any combination of filters, a page at a time. */
@Component
@Transactional(readOnly = true)
public class TimeEntrySearch {
    private final JpaTimeEntries entries;

    TimeEntrySearch(JpaTimeEntries entries) {
        this.entries = entries;
    }

    public Page<TimeEntry> find(Filter filter, Pageable page) {
        Specification<TimeEntry> spec = (root, query, cb) -> {
            var where = new ArrayList<Predicate>();
            if (filter.status() != null) where.add(cb.equal(root.get("status"), filter.status()));
            if (filter.customerId() != null) where.add(cb.equal(root.get("customerId"), filter.customerId()));
            if (filter.projectId() != null) where.add(cb.equal(root.get("projectId"), filter.projectId()));
            if (filter.resourceId() != null) where.add(cb.equal(root.get("resourceId"), filter.resourceId()));
            if (filter.from() != null) where.add(cb.greaterThanOrEqualTo(root.get("workDate"), filter.from()));
            if (filter.to() != null) where.add(cb.lessThanOrEqualTo(root.get("workDate"), filter.to()));
            return cb.and(where.toArray(Predicate[]::new));
        };
        return entries.findAll(spec, page);
    }

    public record Filter(EntryStatus status, UUID customerId, UUID projectId, UUID resourceId, LocalDate from, LocalDate to) {
    }
}

package org.hourbill.timesheet.adapter.out.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hourbill.timesheet.domain.EntryStatus;
import org.hourbill.timesheet.domain.TimeEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read side: finds entries by any combination of filters, a page at a time, in date order. */
@Component
@Transactional(readOnly = true)
public class TimeEntrySearch {
    private final JdbcTemplate jdbc;

    TimeEntrySearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Found find(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" from time_entry where true");
        List<Object> args = new ArrayList<>();
        condition(where, args, " and status = ?", filter.status() == null ? null : filter.status().name());
        condition(where, args, " and customer_id = ?", filter.customerId());
        condition(where, args, " and project_id = ?", filter.projectId());
        condition(where, args, " and resource_id = ?", filter.resourceId());
        condition(where, args, " and work_date >= ?", filter.from());
        condition(where, args, " and work_date <= ?", filter.to());
        long total = jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<TimeEntry> entries = jdbc.query("select " + JdbcTimeEntries.COLUMNS + where + " order by work_date, id limit ? offset ?",
                (rs, row) -> JdbcTimeEntries.entry(rs), pageArgs.toArray());
        return new Found(entries, total);
    }

    private static void condition(StringBuilder where, List<Object> args, String sql, Object value) {
        if (value == null) return;
        where.append(sql);
        args.add(value);
    }

    public record Filter(EntryStatus status, UUID customerId, UUID projectId, UUID resourceId, LocalDate from, LocalDate to) {
    }

    /** One page of entries and how many match in all. */
    public record Found(List<TimeEntry> entries, long total) {
    }
}

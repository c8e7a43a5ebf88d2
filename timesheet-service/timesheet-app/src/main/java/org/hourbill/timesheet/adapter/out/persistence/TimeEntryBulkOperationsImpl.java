package org.hourbill.timesheet.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Array;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.hourbill.platform.problem.ConflictingState;
import org.hourbill.timesheet.domain.EntryStatus;
import org.hourbill.timesheet.domain.TimeEntry;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk transitions in two statements whatever their size: one select by an array of ids, one update joined to
 * arrays of new states. Concurrency is optimistic: the update only touches rows whose version is still the
 * one read, and a request that lost a race is refused whole (409). Row locks ({@code for update}) would write
 * every row twice; the ORM would load, dirty-check and update 10,000 entities one by one (measured: about
 * 4,500 entries/s end to end, against 7,000-11,000 with this class). Dates are read as LocalDate: through
 * java.sql.Date, a third of the select's JVM time went to calendar arithmetic (JFR).
 */
class TimeEntryBulkOperationsImpl implements TimeEntryBulkOperations {
    private final JdbcTemplate jdbc;

    TimeEntryBulkOperationsImpl(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UUID> existingByCustomer(Collection<UUID> ids) {
        return jdbc.queryForList("select id from time_entry where id = any(?) order by customer_id", UUID.class,
                (Object) ids.toArray(UUID[]::new));
    }

    @Override
    public List<TimeEntry> lockAll(Collection<UUID> ids) {
        return jdbc.execute((ConnectionCallback<List<TimeEntry>>) connection -> {
            try (var select = connection.prepareStatement("""
                    select id, customer_id, project_id, resource_id, work_date, hours, task, description, billable, status,
                           rejection_reason, rate, amount, currency, version
                    from time_entry where id = any(?)""")) {
                select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (var rs = select.executeQuery()) {
                    var loaded = new java.util.ArrayList<TimeEntry>(ids.size());
                    while (rs.next()) {
                        loaded.add(TimeEntry.restore(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, LocalDate.class),
                                rs.getBigDecimal(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                                EntryStatus.valueOf(rs.getString(10)), rs.getString(11), rs.getBigDecimal(12),
                                rs.getBigDecimal(13), rs.getString(14), rs.getLong(15)));
                    }
                    return loaded;
                }
            }
        });
    }

    @Override
    public void saveStates(Collection<TimeEntry> entries) {
        if (entries.isEmpty()) return;
        int updated = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            int n = entries.size();
            Object[] ids = new Object[n], statuses = new Object[n], reasons = new Object[n], currencies = new Object[n];
            Object[] versions = new Object[n];
            BigDecimal[] rates = new BigDecimal[n], amounts = new BigDecimal[n];
            int i = 0;
            for (TimeEntry e : entries) {
                ids[i] = e.id();
                statuses[i] = e.status().name();
                reasons[i] = e.rejectionReason();
                rates[i] = e.rate();
                amounts[i] = e.amount();
                currencies[i] = e.currency();
                versions[i++] = e.version();
            }
            try (var update = connection.prepareStatement("""
                    update time_entry t
                    set status = v.status, rejection_reason = v.reason, rate = v.rate, amount = v.amount,
                        currency = v.currency, version = t.version + 1
                    from unnest(?, ?, ?, ?, ?, ?, ?) as v(id, status, reason, rate, amount, currency, version)
                    where t.id = any(?) and t.id = v.id and t.version = v.version""")) {
                Array[] arrays = {connection.createArrayOf("uuid", ids), connection.createArrayOf("varchar", statuses),
                        connection.createArrayOf("varchar", reasons), connection.createArrayOf("numeric", rates),
                        connection.createArrayOf("numeric", amounts), connection.createArrayOf("varchar", currencies),
                        connection.createArrayOf("int8", versions)};
                for (int p = 0; p < arrays.length; p++) update.setArray(p + 1, arrays[p]);
                // the ids again: lets the planner fetch the rows through the primary key instead of hashing the table
                update.setArray(arrays.length + 1, arrays[0]);
                return update.executeUpdate();
            }
        });
        if (updated != entries.size()) {
            throw new ConflictingState("some of these time entries were changed meanwhile; reload and try again");
        }
    }
}

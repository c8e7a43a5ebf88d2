package org.hourbill.billing.adapter.out.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hourbill.billing.application.UnbilledPool;
import org.hourbill.billing.domain.BillingCustomer;
import org.hourbill.billing.domain.UnbilledEntry;
import org.hourbill.money.Money;
import org.hourbill.platform.jdbc.BinaryCopy;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The pool in PostgreSQL, written with plain JDBC: a month-end approval brings 100,000 rows, which an ORM would
 * insert one entity at a time. An event's entries go in with one binary COPY ({@link BinaryCopy}): in the approval
 * benchmark billing's database connections used 16-18 us of CPU per entry with it, against 38 us for one insert over
 * column arrays ({@code unnest}), whose text arrays PostgreSQL had to parse first. COPY has no {@code on conflict},
 * so it runs in a savepoint: an event with an entry the pool already holds (approved again while an invoice run
 * reserves it) is rare, and only that event is copied again without the entries already pooled.
 */
@Repository
class JdbcUnbilledPool implements UnbilledPool {
    private static final String COLUMNS = "entry_id, customer_id, project_id, billing_type, resource_id, resource_name, role, "
            + "task, work_date, hours, rate, amount, currency, description";
    private static final String UNIQUE_VIOLATION = "23505";
    private final JdbcTemplate jdbc;

    JdbcUnbilledPool(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void addAll(Collection<UnbilledEntry> entries) {
        if (entries.isEmpty()) return;
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Savepoint beforeCopy = connection.setSavepoint();
            try {
                copy(entries).copyInto(connection, "unbilled_entry", COLUMNS);
                connection.releaseSavepoint(beforeCopy);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) throw e;
                connection.rollback(beforeCopy);
                copyThoseNotPooled(connection, entries);
            }
            return null;
        });
    }

    private static BinaryCopy copy(Collection<UnbilledEntry> entries) {
        var copy = new BinaryCopy(entries.size(), 300);
        for (UnbilledEntry e : entries) {
            copy.row(14).uuid(e.entryId()).uuid(e.customerId()).uuid(e.projectId()).text(e.billingType())
                    .uuid(e.resourceId()).text(e.resourceName()).text(e.role()).text(e.task()).date(e.date())
                    .numeric(e.hours()).numeric(e.rate()).numeric(e.amount()).text(e.currency()).text(e.description());
        }
        return copy;
    }

    /** The slow path, for an event with entries the pool already holds (approved again while a run reserves them). */
    private void copyThoseNotPooled(Connection connection, Collection<UnbilledEntry> entries) throws SQLException {
        var pooled = new java.util.HashSet<>(jdbc.queryForList("select entry_id from unbilled_entry where entry_id = any(?)", UUID.class,
                (Object) entries.stream().map(UnbilledEntry::entryId).toArray(UUID[]::new)));
        List<UnbilledEntry> fresh = entries.stream().filter(e -> !pooled.contains(e.entryId())).toList();
        if (!fresh.isEmpty()) copy(fresh).copyInto(connection, "unbilled_entry", COLUMNS);
    }

    @Override
    public void removeAll(Collection<UUID> entryIds) {
        jdbc.update("delete from unbilled_entry where entry_id = any(?) and state = 'UNBILLED'", (Object) entryIds.toArray(UUID[]::new));
    }

    @Override
    public List<UnbilledEntry> reviewable(UUID customerId, UUID projectId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                select * from unbilled_entry
                where customer_id = ? and state = 'UNBILLED' and billing_type in ('TIME_AND_MATERIALS', 'CAPPED_TIME_AND_MATERIALS')
                  and (?::uuid is null or project_id = ?)
                  and (?::date is null or work_date >= ?) and (?::date is null or work_date <= ?)
                order by work_date, resource_name, entry_id""", (rs, i) -> entry(rs), customerId, projectId, projectId, date(from),
                date(from), date(to), date(to));
    }

    @Override
    public List<UUID> customersWithReviewableWork(LocalDate from, LocalDate to) {
        return jdbc.queryForList("""
                select c.id from billing_customer c
                where exists (select 1 from unbilled_entry e where e.customer_id = c.id and e.state = 'UNBILLED'
                    and e.billing_type in ('TIME_AND_MATERIALS', 'CAPPED_TIME_AND_MATERIALS') and e.work_date between ? and ?)
                order by c.name, c.id""", UUID.class, date(from), date(to));
    }

    @Override
    public Map<UUID, UnbilledEntry> byIds(Collection<UUID> entryIds) {
        Map<UUID, UnbilledEntry> found = new HashMap<>();
        jdbc.query("select * from unbilled_entry where entry_id = any(?)", (RowCallbackHandler) rs -> {
            UnbilledEntry e = entry(rs);
            found.put(e.entryId(), e);
        }, (Object) entryIds.toArray(UUID[]::new));
        return found;
    }

    @Override
    public int reserve(UUID invoiceRunId, Collection<UUID> entryIds) {
        return jdbc.update("""
                update unbilled_entry set state = 'RESERVED', reserved_by = ?
                where entry_id = any(?) and state = 'UNBILLED'""", invoiceRunId, entryIds.toArray(UUID[]::new));
    }

    @Override
    public void release(UUID invoiceRunId) {
        jdbc.update("update unbilled_entry set state = 'UNBILLED', reserved_by = null where reserved_by = ? and state = 'RESERVED'",
                invoiceRunId);
    }

    /** One statement per outcome whatever the invoice's size (row by row, this was the close's costliest statement). */
    @Override
    public void settle(UUID invoiceRunId, String invoiceNumber, Map<UUID, BigDecimal> billed, Map<UUID, String> writtenOff) {
        if (!billed.isEmpty()) {
            jdbc.execute((ConnectionCallback<Integer>) connection -> {
                try (var update = connection.prepareStatement("""
                        update unbilled_entry u set state = 'BILLED', invoice_number = ?, capped_hours = v.capped_hours, settled_at = now()
                        from unnest(?, ?) as v(entry_id, capped_hours)
                        where u.entry_id = v.entry_id and u.reserved_by = ? and u.state = 'RESERVED'""")) {
                    update.setString(1, invoiceNumber);
                    update.setArray(2, connection.createArrayOf("uuid", keys(billed)));
                    update.setArray(3, connection.createArrayOf("numeric", values(billed)));
                    update.setObject(4, invoiceRunId);
                    return update.executeUpdate();
                }
            });
        }
        if (!writtenOff.isEmpty()) {
            jdbc.execute((ConnectionCallback<Integer>) connection -> {
                try (var update = connection.prepareStatement("""
                        update unbilled_entry u set state = 'WRITTEN_OFF', write_off_reason = v.reason, settled_at = now()
                        from unnest(?, ?) as v(entry_id, reason)
                        where u.entry_id = v.entry_id and u.reserved_by = ? and u.state = 'RESERVED'""")) {
                    update.setArray(1, connection.createArrayOf("uuid", keys(writtenOff)));
                    update.setArray(2, connection.createArrayOf("varchar", values(writtenOff)));
                    update.setObject(3, invoiceRunId);
                    return update.executeUpdate();
                }
            });
        }
    }

    private static Object[] keys(Map<UUID, ?> map) {
        return map.entrySet().stream().map(Map.Entry::getKey).toArray();
    }

    /** In the order of {@link #keys}: both walk the same entry set. */
    private static Object[] values(Map<UUID, ?> map) {
        return map.entrySet().stream().map(Map.Entry::getValue).toArray();
    }

    @Override
    public List<UUID> returnToPool(String invoiceNumber, Collection<UUID> entryIds) {
        return jdbc.queryForList("""
                update unbilled_entry set state = 'UNBILLED', invoice_number = null, reserved_by = null, settled_at = null,
                    capped_hours = 0
                where invoice_number = ? and entry_id = any(?) and state = 'BILLED' returning entry_id""", UUID.class, invoiceNumber,
                entryIds.toArray(UUID[]::new));
    }

    @Override
    public List<UUID> writeOffBilled(String invoiceNumber, Collection<UUID> entryIds, String reason) {
        return jdbc.queryForList("""
                update unbilled_entry set state = 'WRITTEN_OFF', write_off_reason = ?, settled_at = now()
                where invoice_number = ? and entry_id = any(?) and state = 'BILLED' returning entry_id""", UUID.class,
                reason.length() > 500 ? reason.substring(0, 500) : reason, // the column's width
                invoiceNumber, entryIds.toArray(UUID[]::new));
    }

    @Override
    public List<UUID> reverseWriteOff(UUID customerId, Collection<UUID> entryIds) {
        return jdbc.queryForList("""
                update unbilled_entry set state = 'UNBILLED', invoice_number = null, reserved_by = null, settled_at = null,
                    write_off_reason = null, capped_hours = 0
                where customer_id = ? and entry_id = any(?) and state = 'WRITTEN_OFF' returning entry_id""", UUID.class, customerId,
                entryIds.toArray(UUID[]::new));
    }

    @Override
    public List<RealisationRow> realisation(UUID customerId) {
        List<RealisationRow> rows = new ArrayList<>(jdbc.query("""
                select state, sum(hours) as hours, sum(amount) as amount, count(*) as entries
                from unbilled_entry where customer_id = ? and capped_hours = 0 group by state order by state""",
                (rs, i) -> new RealisationRow(rs.getString("state"), rs.getBigDecimal("hours"), rs.getBigDecimal("amount"),
                        rs.getLong("entries")), customerId));
        // a partly billed entry is split as its invoice line was priced: the billed hours by the one money rule, the rest
        // (what the cap kept off) written off, so billed amounts equal the invoices' lines to the cent
        jdbc.query("""
                select hours, capped_hours, rate, amount, currency from unbilled_entry
                where customer_id = ? and capped_hours > 0""", (RowCallbackHandler) rs -> {
            BigDecimal capped = rs.getBigDecimal("capped_hours"), hours = rs.getBigDecimal("hours");
            BigDecimal billed = Money.amount(hours.subtract(capped), rs.getBigDecimal("rate"), rs.getString("currency"));
            rows.add(new RealisationRow("BILLED", hours.subtract(capped), billed, 1));
            rows.add(new RealisationRow("WRITTEN_OFF", capped, rs.getBigDecimal("amount").subtract(billed), 1));
        }, customerId);
        return rows;
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    @Override
    public List<UnbilledEntry> find(UUID customerId, PoolFilter filter) {
        StringBuilder sql = new StringBuilder("select * from unbilled_entry where customer_id = ? and state = 'UNBILLED'");
        List<Object> args = new ArrayList<>(List.of(customerId));
        if (filter.projectId() != null) {
            sql.append(" and project_id = ?");
            args.add(filter.projectId());
        }
        if (filter.from() != null) {
            sql.append(" and work_date >= ?");
            args.add(Date.valueOf(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and work_date <= ?");
            args.add(Date.valueOf(filter.to()));
        }
        if (filter.billingType() != null) {
            sql.append(" and billing_type = ?");
            args.add(filter.billingType());
        }
        sql.append(" order by work_date, resource_name, entry_id");
        return jdbc.query(sql.toString(), (rs, i) -> entry(rs), args.toArray());
    }

    @Override
    public void rememberCustomer(BillingCustomer c) {
        jdbc.update("""
                insert into billing_customer (id, name, address, tax_id, tax_rate, currency, payment_terms_days)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, address = excluded.address, tax_id = excluded.tax_id,
                    tax_rate = excluded.tax_rate, currency = excluded.currency, payment_terms_days = excluded.payment_terms_days""",
                c.id(), c.name(), c.address(), c.taxId(), c.taxRate(), c.currency(), c.paymentTermsDays());
    }

    @Override
    public Optional<BillingCustomer> customer(UUID customerId) {
        return jdbc.query("select * from billing_customer where id = ?", (rs, i) -> new BillingCustomer(
                rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("address"), rs.getString("tax_id"),
                rs.getBigDecimal("tax_rate"), rs.getString("currency"), rs.getInt("payment_terms_days")), customerId)
                .stream().findFirst();
    }

    @Override
    public void rememberProject(UUID projectId, UUID customerId, String code, String name, String billingType) {
        jdbc.update("""
                insert into billing_project (id, customer_id, code, name, billing_type) values (?, ?, ?, ?, ?)
                on conflict (id) do update set customer_id = excluded.customer_id, code = excluded.code, name = excluded.name,
                    billing_type = excluded.billing_type""", projectId, customerId, code, name, billingType);
    }

    private static UnbilledEntry entry(ResultSet rs) throws SQLException {
        return new UnbilledEntry(rs.getObject("entry_id", UUID.class), rs.getObject("customer_id", UUID.class),
                rs.getObject("project_id", UUID.class), rs.getString("billing_type"), rs.getObject("resource_id", UUID.class),
                rs.getString("resource_name"), rs.getString("role"), rs.getString("task"), rs.getDate("work_date").toLocalDate(),
                rs.getBigDecimal("hours"), rs.getBigDecimal("rate"), Money.inMinorUnits(rs.getBigDecimal("amount"), rs.getString("currency")),
                rs.getString("currency"), rs.getString("description"));
    }
}
